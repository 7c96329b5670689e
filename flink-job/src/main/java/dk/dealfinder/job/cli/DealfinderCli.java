package dk.dealfinder.job.cli;

import java.util.Arrays;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dealfinder} command line: {@code demo} runs everything embedded against the bundled
 * LocalMarketplace; {@code run --config FILE} runs the job against configured services. Arguments
 * that start with an option (as the Flink web UI passes {@code --config FILE}) mean {@code run}.
 */
@Command(
        name = "dealfinder",
        mixinStandardHelpOptions = true,
        version = "dealfinder 0.1.0",
        description = "Real-time deal finder for second-hand marketplaces, as an Apache Flink job.",
        subcommands = {RunCommand.class, DemoCommand.class, ReplayCommand.class})
public final class DealfinderCli implements Runnable {

    private static final Set<String> COMMANDS =
            Set.of("run", "demo", "replay", "help", "-h", "--help", "-V", "--version");

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        String[] effective = args;
        if (args.length > 0 && !COMMANDS.contains(args[0]) && args[0].startsWith("-")) {
            effective = prepend("run", args);
        }
        return new CommandLine(new DealfinderCli()).execute(effective);
    }

    private static String[] prepend(String first, String[] rest) {
        String[] out = Arrays.copyOf(new String[] {first}, rest.length + 1);
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
