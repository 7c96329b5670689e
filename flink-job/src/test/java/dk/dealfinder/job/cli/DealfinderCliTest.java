package dk.dealfinder.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DealfinderCliTest {

    private record Result(int exitCode, String stderr) {}

    private static Result run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = DealfinderCli.execute(args);
            return new Result(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void aMissingConfigFileIsAClearErrorNotAStackTrace(@TempDir Path dir) {
        Result r = run("run", "--config", dir.resolve("nope.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("nope.yaml does not exist").doesNotContain("Exception");
    }

    @Test
    void anInvalidConfigNamesEveryBadKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "postgres:\n  url: mysql://x\nscraper:\n  pollInterval: often\n");
        Result r = run("--config", file.toString());
        assertThat(r.exitCode())
                .as("--config alone means run, as the Flink web UI passes it")
                .isEqualTo(2);
        assertThat(r.stderr()).contains("scraper.pollInterval");
    }

    @Test
    void valuesAreValidatedAfterBinding(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "postgres:\n  url: mysql://x\n");
        Result r = run("run", "-c", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr())
                .contains("postgres.url: must be a jdbc:postgresql:// URL")
                .contains("alertServer.token: must be set");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("run", "--no-such-option").exitCode()).isEqualTo(2);
    }
}
