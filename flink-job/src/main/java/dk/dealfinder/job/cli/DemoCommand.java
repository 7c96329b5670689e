package dk.dealfinder.job.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Everything on one machine with no internet and no Docker: embedded PostgreSQL and Redis, the
 * LocalMarketplace with a running scenario, the alert-server and the job on a local MiniCluster
 * with the Flink web UI.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run everything embedded against the bundled local marketplace.")
final class DemoCommand implements Callable<Integer> {

    @Option(
            names = "--data-dir",
            defaultValue = "dealfinder-demo-data",
            description = "where PostgreSQL keeps its data (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(
            names = "--alert-port",
            defaultValue = "7070",
            description = "alert-server port (default: ${DEFAULT-VALUE})")
    int alertPort;

    @Option(
            names = "--web-ui-port",
            defaultValue = "8081",
            description = "Flink web UI port (default: ${DEFAULT-VALUE})")
    int webUiPort;

    @Option(
            names = "--marketplace-port",
            defaultValue = "7080",
            description = "LocalMarketplace port (default: ${DEFAULT-VALUE})")
    int marketplacePort;

    @Option(
            names = "--poll-interval",
            defaultValue = "5s",
            description = "how often each saved query is polled (default: ${DEFAULT-VALUE})")
    String pollInterval;

    @Override
    public Integer call() throws Exception {
        if (!DemoEnvironmentCheck.available()) {
            System.err.println(
                    "demo needs the launcher's classpath (testkit and alert-server): run"
                            + " ./dealfinder demo");
            return 2;
        }
        try (var demo =
                dk.dealfinder.job.demo.DemoEnvironment.start(
                        new dk.dealfinder.job.demo.DemoOptions(
                                dataDir, alertPort, webUiPort, marketplacePort, pollInterval))) {
            demo.awaitShutdown();
        }
        return 0;
    }

    /**
     * The demo's embedded servers are on the launcher's classpath but not in the cluster job jar.
     */
    static final class DemoEnvironmentCheck {
        static boolean available() {
            try {
                Class.forName(
                        "dk.dealfinder.testkit.marketplace.LocalMarketplace",
                        false,
                        DemoCommand.class.getClassLoader());
                Class.forName(
                        "dk.dealfinder.alertserver.AlertServer",
                        false,
                        DemoCommand.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException e) {
                return false;
            }
        }
    }
}
