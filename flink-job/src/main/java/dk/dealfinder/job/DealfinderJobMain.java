package dk.dealfinder.job;

import dk.dealfinder.job.cli.DealfinderCli;

/**
 * The job jar's entry point for a Flink cluster (web UI upload, {@code flink run}). A web-submitted
 * program runs inside the JobManager, so it must never call {@code System.exit}: a failure is an
 * exception, which Flink reports to whoever submitted the jar.
 */
public final class DealfinderJobMain {

    private DealfinderJobMain() {}

    public static void main(String[] args) {
        int exitCode = DealfinderCli.execute(args);
        if (exitCode != 0) {
            throw new IllegalArgumentException(
                    "dealfinder stopped with exit code "
                            + exitCode
                            + "; the reason is printed above");
        }
    }
}
