package dk.dealfinder.core.config;

import dk.dealfinder.core.model.SavedQuery;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration of a dealfinder deployment: one YAML file (see {@code
 * dealfinder-defaults.yaml} for every key and its default), loaded by {@link ConfigLoader}.
 */
public record DealfinderConfig(
        Job job,
        Scraper scraper,
        Map<String, Site> sites,
        Postgres postgres,
        AlertServer alertServer,
        Classifier classifier,
        Kafka kafka,
        List<Query> queries)
        implements Serializable {

    /** Flink job settings. */
    public record Job(String name, int parallelism, Duration checkpointInterval)
            implements Serializable {}

    /** How the scraper polls the marketplaces. */
    public record Scraper(
            Duration pollInterval,
            Duration requestTimeout,
            int maxPagesPerPoll,
            String userAgent,
            Duration queryRefreshInterval)
            implements Serializable {}

    /** One marketplace of the recommerce family (dba.dk, finn.no, blocket.se, tori.fi). */
    public record Site(String baseUrl, String currency) implements Serializable {}

    /** PostgreSQL for listings, alerts and saved queries. */
    public record Postgres(String url, String user, String password) implements Serializable {}

    /** Where the job posts alerts, with the shared ingest token; port/redis for the server side. */
    public record AlertServer(String url, String token, int port, String redisUrl)
            implements Serializable {}

    /** The local zero-shot classifier. */
    public record Classifier(double relevanceThreshold) implements Serializable {}

    /** Optional raw-listing archive (enables replay); empty bootstrapServers disables it. */
    public record Kafka(String bootstrapServers, String rawTopic) implements Serializable {

        public boolean enabled() {
            return bootstrapServers != null && !bootstrapServers.isBlank();
        }
    }

    /** A saved query declared in the file (in addition to those in PostgreSQL). */
    public record Query(
            String id,
            String name,
            String terms,
            String site,
            Long minPrice,
            Long maxPrice,
            List<String> include,
            List<String> exclude,
            Double alertThreshold,
            Boolean active)
            implements Serializable {

        public SavedQuery toSavedQuery() {
            return new SavedQuery(
                    id,
                    name == null ? terms : name,
                    terms,
                    site == null ? "dba.dk" : site,
                    minPrice,
                    maxPrice,
                    include == null ? List.of() : List.copyOf(include),
                    exclude == null ? List.of() : List.copyOf(exclude),
                    alertThreshold == null ? 50.0 : alertThreshold,
                    active == null || active);
        }
    }

    public List<SavedQuery> savedQueries() {
        return queries == null ? List.of() : queries.stream().map(Query::toSavedQuery).toList();
    }
}
