package dk.dealfinder.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String TOKEN = "0123456789abcdef0123";
    private final ConfigLoader loader =
            new ConfigLoader(Map.of("ALERT_TOKEN", TOKEN, "PG_PASSWORD", "s3cret")::get);

    private static String valid(String extra) {
        return """
        postgres:
          url: jdbc:postgresql://db:5432/dealfinder
          password: ${PG_PASSWORD}
        alertServer:
          token: ${ALERT_TOKEN}
        """
                + extra;
    }

    @Test
    void laysTheFileOverTheDefaultsAndSubstitutesEnvironmentVariables() {
        DealfinderConfig c =
                loader.parse(
                        valid(
                                """
                                scraper:
                                  pollInterval: 45s
                                queries:
                                  - id: iphone
                                    terms: iPhone 13
                                    maxPrice: 3000
                                    exclude: [cover]
                                """));

        assertThat(c.postgres().password()).isEqualTo("s3cret");
        assertThat(c.alertServer().token()).isEqualTo(TOKEN);
        assertThat(c.scraper().pollInterval()).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.scraper().requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.sites()).containsKey("dba.dk");
        assertThat(c.savedQueries())
                .singleElement()
                .satisfies(
                        q -> {
                            assertThat(q.name()).isEqualTo("iPhone 13");
                            assertThat(q.site()).isEqualTo("dba.dk");
                            assertThat(q.excludeKeywords()).containsExactly("cover");
                            assertThat(q.active()).isTrue();
                        });
    }

    @Test
    void unsetVariableWithoutDefaultNamesTheKeyAndTheVariable() {
        assertThatThrownBy(() -> new ConfigLoader(Map.<String, String>of()::get).parse(valid("")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "postgres.password: environment variable PG_PASSWORD is not set");
    }

    @Test
    void misspelledKeyIsNamedWithTheKnownKeys() {
        assertThatThrownBy(() -> loader.parse(valid("scraper:\n  pollIntervall: 5s\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("scraper.pollIntervall: unknown key")
                .hasMessageContaining("pollInterval");
    }

    @Test
    void badDurationNamesTheKeyAndTheExpectedFormat() {
        assertThatThrownBy(() -> loader.parse(valid("scraper:\n  pollInterval: soon\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("scraper.pollInterval")
                .hasMessageContaining("expected a duration like 500ms, 30s");
    }

    @Test
    void wrongTypeNamesTheKey() {
        assertThatThrownBy(() -> loader.parse(valid("job:\n  parallelism: many\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("job.parallelism");
    }

    @Test
    void invalidValuesAreAllReportedAtOnce() {
        String yaml =
                """
                postgres:
                  url: mysql://db
                alertServer:
                  url: ftp://alerts
                  token: short
                classifier:
                  relevanceThreshold: 1.5
                queries:
                  - id: a
                    terms: lego
                    minPrice: 500
                    maxPrice: 100
                    site: ebay.com
                  - id: a
                    terms: ""
                    alertThreshold: 101
                """;
        assertThatThrownBy(() -> loader.parse(yaml))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e ->
                                assertThat(e.problems())
                                        .anyMatch(
                                                p ->
                                                        p.startsWith(
                                                                "postgres.url: must be a"
                                                                    + " jdbc:postgresql:// URL"))
                                        .anyMatch(
                                                p ->
                                                        p.startsWith(
                                                                "alertServer.url: must be an"
                                                                        + " http(s) URL"))
                                        .anyMatch(
                                                p -> p.startsWith("alertServer.token: must be set"))
                                        .anyMatch(
                                                p ->
                                                        p.startsWith(
                                                                "classifier.relevanceThreshold:"
                                                                    + " must be between 0 and 1"))
                                        .anyMatch(
                                                p ->
                                                        p.startsWith(
                                                                "queries[0].maxPrice: must not be"
                                                                        + " below minPrice"))
                                        .anyMatch(
                                                p ->
                                                        p.startsWith(
                                                                "queries[0].site: 'ebay.com' is not"
                                                                        + " one of the configured"
                                                                        + " sites"))
                                        .anyMatch(
                                                p ->
                                                        p.startsWith(
                                                                "queries[1].id: 'a' is used by"
                                                                        + " another query"))
                                        .anyMatch(
                                                p -> p.startsWith("queries[1].terms: is required"))
                                        .anyMatch(
                                                p ->
                                                        p.startsWith(
                                                                "queries[1].alertThreshold: must be"
                                                                        + " between 0 and 100")));
    }

    @Test
    void brokenYamlAndMissingFileAreClearErrors(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> loader.parse("job: [unclosed"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> loader.parse("- just\n- a list\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be a YAML mapping");
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yaml does not exist");

        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, valid(""));
        assertThat(loader.load(file).postgres().url())
                .isEqualTo("jdbc:postgresql://db:5432/dealfinder");
    }

    @Test
    void dealAndScoringSettingsHaveDefaultsAndCanBeChanged() {
        DealfinderConfig defaults = loader.parse(valid(""));
        assertThat(defaults.deals().marketHorizon()).isEqualTo(Duration.ofDays(30));
        assertThat(defaults.deals().minComparables()).isEqualTo(10);
        assertThat(defaults.scoring().priceWeight()).isEqualTo(0.4);
        assertThat(defaults.deals().imageHashDistance()).isEqualTo(3);
        assertThat(defaults.deals().imageHashCache()).isEmpty();
        assertThat(defaults.deals().digestSize()).isEqualTo(10);
        assertThat(defaults.deals().digestTimeZone()).isEqualTo("Europe/Copenhagen");
        assertThat(defaults.scoring().distanceWeight()).isEqualTo(0.1);
        assertThat(defaults.scraper().goneChecksPerSweep()).isEqualTo(10);

        DealfinderConfig changed =
                loader.parse(
                        valid(
                                """
                                deals:
                                  marketHorizon: 7d
                                  minPriceDropAmount: 100
                                scoring:
                                  conditionWeight: 0
                                """));
        assertThat(changed.deals().marketHorizon()).isEqualTo(Duration.ofDays(7));
        assertThat(changed.deals().minPriceDropAmount()).isEqualTo(100);
        assertThat(changed.deals().minPriceDropPercent()).isEqualTo(5.0);
        assertThat(changed.scoring().conditionWeight()).isZero();
    }

    @Test
    void invalidDealAndScoringSettingsAreNamed() {
        String yaml =
                valid(
                        """
                        deals:
                          marketHorizon: 36h
                          minComparables: 0
                          minPriceDropPercent: 100
                          imageHashDistance: 16
                          imageHashCache: localhost:6379
                          digestSize: 0
                          digestTimeZone: Europe/Aarhus
                        scoring:
                          priceWeight: -1
                          dealerScore: 2
                        scraper:
                          goneChecksPerSweep: -1
                        """);
        assertThatThrownBy(() -> loader.parse(yaml))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e ->
                                assertThat(e.problems())
                                        .contains(
                                                "deals.digestTimeZone: not a time zone:"
                                                        + " 'Europe/Aarhus'",
                                                "scoring.dealerScore: must be between 0 and 1,"
                                                        + " got 2.0",
                                                "scraper.goneChecksPerSweep: must not be negative"
                                                        + " (0 never checks)")
                                        .anyMatch(
                                                p ->
                                                        p.startsWith(
                                                                "deals.marketHorizon: must be whole"
                                                                        + " days"))
                                        .anyMatch(
                                                p ->
                                                        p.startsWith(
                                                                "deals.minComparables: must be at"
                                                                        + " least 1"))
                                        .anyMatch(
                                                p ->
                                                        p.startsWith(
                                                                "deals.minPriceDropPercent: must be"
                                                                        + " above 0"))
                                        .anyMatch(
                                                p ->
                                                        p.startsWith(
                                                                "deals.imageHashDistance: must be"
                                                                        + " 0..15"))
                                        .anyMatch(
                                                p ->
                                                        p.startsWith(
                                                                "deals.imageHashCache: must be a"
                                                                        + " redis:// URL"))
                                        .anyMatch(
                                                p ->
                                                        p.startsWith(
                                                                "deals.digestSize: must be at least"
                                                                        + " 1"))
                                        .anyMatch(
                                                p ->
                                                        p.startsWith(
                                                                "scoring.priceWeight: must not be"
                                                                        + " negative")));
    }

    @Test
    void comparablesAndRemovedListingsHaveDefaultsAndAreChecked() {
        DealfinderConfig defaults = loader.parse(valid(""));
        assertThat(defaults.deals().comparables()).isEqualTo(20);
        assertThat(defaults.deals().comparablesTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.qdrant().onRemoved()).isEqualTo(QdrantConfig.OnRemoved.DEACTIVATE);

        DealfinderConfig changed =
                loader.parse(
                        valid(
                                """
                                qdrant:
                                  onRemoved: delete
                                deals:
                                  comparables: 0
                                """));
        assertThat(changed.qdrant().onRemoved()).isEqualTo(QdrantConfig.OnRemoved.DELETE);
        assertThat(changed.deals().comparables()).isZero();

        assertThatThrownBy(() -> loader.parse(valid("qdrant:\n  onRemoved: archive\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("qdrant.onRemoved")
                .hasMessageContaining("must be deactivate or delete");
        assertThatThrownBy(() -> loader.parse(valid("deals:\n  comparables: 5\n")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e ->
                                assertThat(e.problems())
                                        .contains(
                                                "deals.comparables: must be 0 (off) or at least"
                                                        + " deals.minComparables (10), got 5"));
    }
}
