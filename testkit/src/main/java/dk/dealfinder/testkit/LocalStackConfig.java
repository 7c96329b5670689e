package dk.dealfinder.testkit;

import dk.dealfinder.core.config.ConfigLoader;
import dk.dealfinder.core.config.DealfinderConfig;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The configuration that points the job at services on this machine: the LocalMarketplace,
 * PostgreSQL and the alert-server. Polling is fast and politeness is relaxed, because the
 * marketplace is our own server. Sections can be replaced one at a time; the result goes through
 * the real {@link ConfigLoader}, defaults and validation included.
 */
public final class LocalStackConfig {

    private final Map<String, String> sections = new LinkedHashMap<>();

    private LocalStackConfig() {}

    public static LocalStackConfig of(
            URI marketplace, String postgresUrl, URI alertServer, String token) {
        return new LocalStackConfig()
                .section("job", "{name: dealfinder-local, checkpointInterval: 2s}")
                .section(
                        "scraper",
                        "{pollInterval: 300ms, queryRefreshInterval: 300ms,"
                            + " requestsPerSecondPerHost: 100, burst: 20, honourCrawlDelay: false}")
                .section("sites", "{dba.dk: {baseUrl: \"" + marketplace + "\", currency: DKK}}")
                .section(
                        "postgres",
                        "{url: \"" + postgresUrl + "\", user: postgres, password: \"\"}")
                .section("alertServer", "{url: \"" + alertServer + "\", token: \"" + token + "\"}");
    }

    /** Replaces (or adds) a top-level section, written as YAML flow, e.g. {@code {name: x}}. */
    public LocalStackConfig section(String key, String flowYaml) {
        sections.put(key, flowYaml);
        return this;
    }

    public String yaml() {
        return sections.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining("\n"))
                + "\n";
    }

    public DealfinderConfig config() {
        return new ConfigLoader(name -> null).parse(yaml());
    }
}
