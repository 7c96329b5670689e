package dk.dealfinder.job.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.job.cli.DealfinderCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {

    private static final String VALID_WITHOUT_KAFKA =
            String.join(
                    "\n",
                    "postgres: {url: \"jdbc:postgresql://127.0.0.1:1/x\", user: u, password: p}",
                    "alertServer: {token: replay-test-token-0123456789}",
                    "");

    private record Result(int exitCode, String stderr) {}

    private static Result run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Result(DealfinderCli.execute(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void aBadStartIsAClearUsageError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, VALID_WITHOUT_KAFKA);

        Result r = run("replay", "--config", file.toString(), "--from", "yesterday-ish");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("--from must be 'earliest'").doesNotContain("Exception");
    }

    @Test
    void replayNeedsKafka(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, VALID_WITHOUT_KAFKA);

        Result r = run("replay", "-c", file.toString(), "--from", "earliest");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("replay needs kafka.bootstrapServers");
    }

    @Test
    void fromIsRequired(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, VALID_WITHOUT_KAFKA);

        Result r = run("replay", "-c", file.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("--from");
    }
}
