package dk.dealfinder.bench;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.testkit.SharedPostgres;
import dk.dealfinder.testkit.doubles.openai.OpenAiDouble;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Issue 4: the share of classification decisions made without a cloud call when the job runs in
 * AUTO mode (local model first, the LLM only when unsure or for long texts) over the
 * LocalMarketplace catalogue, decoys included, once each. The LLM is the OpenAI double and there is
 * no answer cache, so every cloud decision is a request. The shares come from the job's own {@code
 * model_inferences} table. There is no same-run baseline: LLM-only mode would put the share at 0.
 */
final class LocalShareBench {

    private LocalShareBench() {}

    static void run(Results results) throws Exception {
        try (BenchServices services =
                        new BenchServices(LocalMarketplace.start(MarketplaceOptions.defaults()));
                OpenAiDouble llm = OpenAiDouble.start(new VerdictScript())) {
            services.save(Workload.QUERIES);
            var catalogue = services.marketplace.catalogue().all();
            List<RawListing> raw =
                    Workload.rawListings(
                            catalogue, services.marketplace.baseUrl().toString(), catalogue.size());
            var config =
                    services.config("30s")
                            .section(
                                    "classifier",
                                    "{routing: {defaultMode: AUTO}, llm: {baseUrl: \""
                                            + llm.baseUrl()
                                            + "\"}}")
                            .config();
            ThroughputBench.pipelineThroughput(services, config, raw);
            long[] decisions = decisions(services.pgUrl);
            long[] listings = listingsWithoutCloud(services.pgUrl);
            String note =
                    String.format(
                            "%d catalogue listings, %d saved queries, AUTO mode, no answer cache;"
                                    + " %d of %d decisions by the LLM (%d chat requests to the"
                                    + " double; why: %s); target >= 95 %%",
                            raw.size(),
                            Workload.QUERIES.size(),
                            decisions[1],
                            decisions[0],
                            llm.requests().size(),
                            cloudReasons(services.pgUrl));
            results.add(
                    "local share",
                    "decisions (query, listing) made without a cloud call",
                    100.0 * (decisions[0] - decisions[1]) / Math.max(1, decisions[0]),
                    "%",
                    note);
            results.add(
                    "local share",
                    "matched listings with no cloud call at all",
                    100.0 * listings[1] / Math.max(1, listings[0]),
                    "%",
                    listings[1] + " of " + listings[0] + " listings that matched a query");
        }
    }

    /** All decisions and those the LLM made. */
    private static long[] decisions(String pgUrl) throws SQLException {
        return counts(
                pgUrl,
                "SELECT count(*), count(*) FILTER (WHERE provider = 'llm') FROM model_inferences");
    }

    /** Listings with any decision, and those none of whose decisions the LLM made. */
    private static long[] listingsWithoutCloud(String pgUrl) throws SQLException {
        return counts(
                pgUrl,
                "SELECT count(*), count(*) FILTER (WHERE NOT cloud) FROM (SELECT listing_key,"
                        + " bool_or(provider = 'llm') AS cloud FROM model_inferences"
                        + " GROUP BY listing_key) AS l");
    }

    /** Why the router asked the LLM, e.g. {@code uncertain 40, long-text 10}. */
    private static String cloudReasons(String pgUrl) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(pgUrl, SharedPostgres.user(), "");
                Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery(
                                "SELECT routing_reason, count(*) FROM model_inferences WHERE"
                                        + " provider = 'llm' GROUP BY routing_reason ORDER BY 2"
                                        + " DESC")) {
            while (r.next()) {
                out.append(out.length() == 0 ? "" : ", ")
                        .append(r.getString(1))
                        .append(' ')
                        .append(r.getLong(2));
            }
        }
        return out.toString();
    }

    private static long[] counts(String pgUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(pgUrl, SharedPostgres.user(), "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2)};
        }
    }
}
