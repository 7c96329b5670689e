package dk.dealfinder.alertserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.dealfinder.alertserver.db.DatabaseSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertServerMainTest {

    @Test
    void readsSettingsFromTheEnvironment() {
        AlertServerSettings settings =
                AlertServerMain.settingsFrom(
                        Map.of(
                                "DEALFINDER_ALERT_TOKEN", "s3cret",
                                "DEALFINDER_ALERT_PORT", "8081",
                                "DEALFINDER_REDIS_URL", "redis://redis:6379"));

        assertThat(settings.port()).isEqualTo(8081);
        assertThat(settings.redisUri()).isEqualTo("redis://redis:6379");
        assertThat(settings.ingestToken()).isEqualTo("s3cret");
        assertThat(settings.streamKey()).isEqualTo("dealfinder:alerts");
    }

    @Test
    void defaultsPortAndRedis() {
        AlertServerSettings settings =
                AlertServerMain.settingsFrom(Map.of("DEALFINDER_ALERT_TOKEN", "s3cret"));

        assertThat(settings.port()).isEqualTo(7070);
        assertThat(settings.redisUri()).isEqualTo("redis://localhost:6379");
    }

    @Test
    void requiresTheTokenWithAClearMessage() {
        assertThatThrownBy(() -> AlertServerMain.settingsFrom(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DEALFINDER_ALERT_TOKEN is not set");
        assertThatThrownBy(
                        () ->
                                AlertServerMain.settingsFrom(
                                        Map.of(
                                                "DEALFINDER_ALERT_TOKEN", "t",
                                                "DEALFINDER_ALERT_PORT", "http")))
                .hasMessageContaining("DEALFINDER_ALERT_PORT");
    }

    @Test
    void settingsNeverPrintSecrets() {
        AlertServerSettings settings =
                AlertServerSettings.defaults(
                        "redis://user:hunter2@redis:6379/0",
                        "s3cret",
                        new DatabaseSettings(
                                "jdbc:postgresql://db:5432/dealfinder", "dealfinder", "pg-secret"));

        assertThat(settings.toString())
                .doesNotContain("s3cret", "hunter2", "pg-secret")
                .contains("redis://***@redis:6379/0");
    }

    @Test
    void qdrantRestUrlEnablesSimilarSearch() {
        AlertServerSettings settings =
                AlertServerMain.settingsFrom(
                        Map.of(
                                "DEALFINDER_ALERT_TOKEN", "s3cret",
                                "DEALFINDER_QDRANT_REST_URL", "http://qdrant:6333",
                                "DEALFINDER_QDRANT_COLLECTION", "ads"));

        assertThat(settings.similarSearch().enabled()).isTrue();
        assertThat(settings.similarSearch().collection()).isEqualTo("ads");
        assertThat(
                        AlertServerMain.settingsFrom(Map.of("DEALFINDER_ALERT_TOKEN", "s3cret"))
                                .similarSearch()
                                .enabled())
                .isFalse();
    }

    @Test
    void aBadQdrantUrlNamesTheVariable() {
        assertThatThrownBy(
                        () ->
                                AlertServerMain.settingsFrom(
                                        Map.of(
                                                "DEALFINDER_ALERT_TOKEN",
                                                "s3cret",
                                                "DEALFINDER_QDRANT_REST_URL",
                                                "qdrant:6333")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DEALFINDER_QDRANT_REST_URL must be Qdrant's REST URL");
    }
}
