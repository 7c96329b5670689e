package dk.dealfinder.job.cli;

import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.job.DealfinderJob;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The production entry point: the job against the services named in the config file. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the job with a configuration file (on a Flink cluster or locally).")
final class RunCommand implements Callable<Integer> {

    @Mixin JobConfigOptions options;

    @Override
    public Integer call() throws Exception {
        DealfinderConfig loaded = options.load();
        if (loaded == null) {
            return 2;
        }
        options.migrate(loaded);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DealfinderJob.fromConfig(loaded).build(env);
        env.execute(loaded.job().name());
        return 0;
    }
}
