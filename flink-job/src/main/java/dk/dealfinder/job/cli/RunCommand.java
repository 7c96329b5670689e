package dk.dealfinder.job.cli;

import dk.dealfinder.core.config.ConfigException;
import dk.dealfinder.core.config.ConfigLoader;
import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.job.DealfinderJob;
import dk.dealfinder.job.db.Migrations;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The production entry point: the job against the services named in the config file. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the job with a configuration file (on a Flink cluster or locally).")
final class RunCommand implements Callable<Integer> {

    @Option(
            names = {"-c", "--config"},
            required = true,
            description = "the YAML configuration file")
    Path config;

    @Option(
            names = "--skip-migrations",
            description = "do not bring the database schema up to date first")
    boolean skipMigrations;

    @Override
    public Integer call() throws Exception {
        DealfinderConfig loaded;
        try {
            loaded = ConfigLoader.fromEnvironment().load(config);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (!skipMigrations) {
            DealfinderConfig.Postgres pg = loaded.postgres();
            Migrations.migrate(pg.url(), pg.user(), pg.password());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DealfinderJob.fromConfig(loaded).build(env);
        env.execute(loaded.job().name());
        return 0;
    }
}
