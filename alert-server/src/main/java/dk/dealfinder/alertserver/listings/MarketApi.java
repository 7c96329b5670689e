package dk.dealfinder.alertserver.listings;

import dk.dealfinder.alertserver.auth.AuthGate;
import dk.dealfinder.alertserver.db.Jdbc;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/markets}: the job's newest market estimate for each of the caller's saved queries
 * (and the shared ones): the quartiles of the asking prices of listings judged RELEVANT, with the
 * support they rest on (how many prices, over how many days). A query the job has priced nothing
 * for yet is absent.
 */
public final class MarketApi {

    private static final String MARKETS =
            "SELECT e.query_id, q.name AS query_name, e.n, e.median, e.lower_quartile,"
                    + " e.upper_quartile, e.horizon_days, e.as_of"
                    + " FROM market_estimates e JOIN saved_queries q ON q.id = e.query_id"
                    + " WHERE "
                    + SummarySql.VISIBLE_QUERY
                    + " AND (CAST(? AS text) IS NULL OR e.query_id = ?)"
                    + " ORDER BY e.query_id";

    private final Jdbc jdbc;

    public MarketApi(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void routes(JavalinDefaultRouting router) {
        router.get("/api/markets", this::markets);
    }

    private void markets(Context ctx) {
        QueryParams params = QueryParams.of(ctx, Set.of("queryId"));
        ctx.json(markets(AuthGate.principal(ctx).userId(), params.text("queryId", 200)));
    }

    /** The newest estimate of each visible query (or of {@code queryId} only). */
    List<MarketView> markets(String userId, String queryId) {
        return jdbc.list(
                MARKETS,
                s -> {
                    s.setString(1, userId);
                    s.setString(2, queryId);
                    s.setString(3, queryId);
                },
                MarketApi::view);
    }

    private static MarketView view(ResultSet rs) throws SQLException {
        return new MarketView(
                rs.getString("query_id"),
                rs.getString("query_name"),
                rs.getLong("n"),
                rs.getDouble("median"),
                rs.getDouble("lower_quartile"),
                rs.getDouble("upper_quartile"),
                rs.getInt("horizon_days"),
                SummarySql.millis(rs, "as_of"));
    }

    /**
     * One saved query's market estimate.
     *
     * @param n how many asking prices it rests on
     * @param horizonDays over how many days they were seen
     * @param asOf epoch millis of the newest price in it
     */
    public record MarketView(
            String queryId,
            String queryName,
            long n,
            double median,
            double lowerQuartile,
            double upperQuartile,
            int horizonDays,
            long asOf) {}
}
