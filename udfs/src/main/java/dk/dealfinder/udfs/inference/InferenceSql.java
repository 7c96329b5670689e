package dk.dealfinder.udfs.inference;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * The idempotent statements that store {@link InferenceRecord}s and {@link LabelRecord}s (tables
 * from migration {@code V2__inference.sql}), with their parameter binders, for the job's Flink JDBC
 * sinks: {@code JdbcSink.<T>builder().withQueryStatement(INSERT_INFERENCE,
 * InferenceSql::bindInference)}.
 */
public final class InferenceSql {

    public static final String INSERT_INFERENCE =
            "INSERT INTO model_inferences (query_id, listing_key, listing_version, provider,"
                    + " model_id, prompt_version, verdict, confidence, latency_ms, input_tokens,"
                    + " output_tokens, cost_usd, routing_reason, cache_hit, decided_at) VALUES"
                    + " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                    + " ON CONFLICT (query_id, listing_key, listing_version) DO NOTHING";

    public static final String INSERT_LABEL =
            "INSERT INTO labels (query_id, listing_key, listing_version, source, verdict, title,"
                    + " model_id, confidence, created_at) VALUES (?,?,?,?,?,?,?,?,?)"
                    + " ON CONFLICT (query_id, listing_key, listing_version, source) DO NOTHING";

    private InferenceSql() {}

    public static void bindInference(PreparedStatement s, InferenceRecord r) throws SQLException {
        s.setString(1, r.queryId());
        s.setString(2, r.listingKey());
        s.setInt(3, r.listingVersion());
        s.setString(4, r.provider());
        s.setString(5, r.modelId());
        s.setString(6, r.promptVersion());
        s.setString(7, r.verdict());
        s.setDouble(8, r.confidence());
        s.setLong(9, r.latencyMs());
        s.setLong(10, r.inputTokens());
        s.setLong(11, r.outputTokens());
        s.setBigDecimal(12, java.math.BigDecimal.valueOf(r.costUsd()));
        s.setString(13, r.routingReason());
        s.setBoolean(14, r.cacheHit());
        s.setTimestamp(15, new Timestamp(r.decidedAt()));
    }

    public static void bindLabel(PreparedStatement s, LabelRecord r) throws SQLException {
        s.setString(1, r.queryId());
        s.setString(2, r.listingKey());
        s.setInt(3, r.listingVersion());
        s.setString(4, r.source());
        s.setString(5, r.verdict());
        s.setString(6, r.title());
        s.setString(7, r.modelId());
        s.setDouble(8, r.confidence());
        s.setTimestamp(9, new Timestamp(r.createdAt()));
    }
}
