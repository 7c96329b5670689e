package dk.dealfinder.alertserver.listings;

import dk.dealfinder.alertserver.auth.AuthGate;
import dk.dealfinder.alertserver.db.Jdbc;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/digests}: the digests the job wrote for the caller's saved queries (and the
 * operator's shared ones), newest window first. Each query's digest schedule (HOURLY, DAILY) sets
 * its windows; {@code windows} says how many of the newest to return per query.
 */
public final class DigestApi {

    static final int DEFAULT_WINDOWS = 1;
    static final int MAX_WINDOWS = 30;

    private static final String DIGESTS =
            "SELECT d.query_id, q.name AS query_name, d.window_start, d.window_end, d.rank,"
                    + " d.alert_id, d.listing_key, d.listing_version, d.title, d.price, d.url,"
                    + " d.score, d.explanation"
                    + " FROM digest_entries d JOIN saved_queries q ON q.id = d.query_id"
                    + " WHERE "
                    + SummarySql.VISIBLE_QUERY
                    + " AND (CAST(? AS text) IS NULL OR d.query_id = ?)"
                    + " AND d.window_end IN (SELECT DISTINCT w.window_end FROM digest_entries w"
                    + " WHERE w.query_id = d.query_id ORDER BY w.window_end DESC LIMIT ?)"
                    + " ORDER BY d.window_end DESC, d.query_id, d.rank";

    private final Jdbc jdbc;

    public DigestApi(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void routes(JavalinDefaultRouting router) {
        router.get("/api/digests", this::digests);
    }

    private void digests(Context ctx) {
        QueryParams params = QueryParams.of(ctx, Set.of("queryId", "windows"));
        String queryId = params.text("queryId", 200);
        int windows = params.wholeNumber("windows", DEFAULT_WINDOWS, 1, MAX_WINDOWS);
        ctx.json(digests(AuthGate.principal(ctx).userId(), queryId, windows));
    }

    /** The newest {@code windows} digests of each visible query (or of {@code queryId} only). */
    List<DigestView> digests(String userId, String queryId, int windows) {
        List<Row> rows =
                jdbc.list(
                        DIGESTS,
                        s -> {
                            s.setString(1, userId);
                            s.setString(2, queryId);
                            s.setString(3, queryId);
                            s.setInt(4, windows);
                        },
                        DigestApi::row);
        Map<String, List<Row>> byWindow = new LinkedHashMap<>();
        for (Row r : rows) {
            byWindow.computeIfAbsent(r.queryId() + "\u0000" + r.windowEnd(), k -> new ArrayList<>())
                    .add(r);
        }
        List<DigestView> digests = new ArrayList<>();
        for (List<Row> window : byWindow.values()) {
            Row first = window.get(0);
            digests.add(
                    new DigestView(
                            first.queryId(),
                            first.queryName(),
                            first.windowStart(),
                            first.windowEnd(),
                            window.stream().map(Row::entry).toList()));
        }
        return digests;
    }

    private record Row(
            String queryId,
            String queryName,
            long windowStart,
            long windowEnd,
            DigestView.Entry entry) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString("query_id"),
                rs.getString("query_name"),
                SummarySql.millis(rs, "window_start"),
                SummarySql.millis(rs, "window_end"),
                new DigestView.Entry(
                        rs.getInt("rank"),
                        rs.getString("alert_id"),
                        rs.getString("listing_key"),
                        rs.getInt("listing_version"),
                        rs.getString("title"),
                        SummarySql.longOrNull(rs, "price"),
                        rs.getString("url"),
                        rs.getDouble("score"),
                        rs.getString("explanation")));
    }
}
