package dk.dealfinder.job;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.config.ConfigLoader;
import dk.dealfinder.core.config.DealfinderConfig;
import org.junit.jupiter.api.Test;

class JobSinksTest {

    private static DealfinderConfig config(String extra) {
        return new ConfigLoader(name -> null)
                .parse(
                        String.join(
                                "\n",
                                "postgres: {url: \"jdbc:postgresql://127.0.0.1:1/x\", user: u,"
                                        + " password: p}",
                                "alertServer: {token: sinks-test-token-0123456789}",
                                extra,
                                ""));
    }

    @Test
    void optionalSinksFollowTheConfiguration() {
        JobSinks plain = JobSinks.fromConfig(config(""));
        assertThat(plain.rawArchive()).isEmpty();
        assertThat(plain.embeddings()).isEmpty();

        JobSinks full =
                JobSinks.fromConfig(
                        config(
                                "kafka: {bootstrapServers: \"127.0.0.1:1\"}\n"
                                        + "qdrant: {host: 127.0.0.1}"));
        assertThat(full.rawArchive()).isPresent();
        assertThat(full.embeddings()).isPresent();
    }

    @Test
    void aReplayKeepsEverySinkButTheRawArchive() {
        JobSinks live = JobSinks.fromConfig(config("kafka: {bootstrapServers: \"127.0.0.1:1\"}"));

        JobSinks replay = live.withoutRawArchive();

        assertThat(replay.rawArchive()).isEmpty();
        assertThat(replay).usingRecursiveComparison().ignoringFields("rawArchive").isEqualTo(live);
    }
}
