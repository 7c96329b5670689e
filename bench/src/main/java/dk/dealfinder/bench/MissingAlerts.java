package dk.dealfinder.bench;

import dk.dealfinder.testkit.SharedPostgres;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Why published listings got no alert, read from what the job wrote to PostgreSQL: never stored
 * (not scraped), no match for the query, the classifier's verdict, a price not under the market, a
 * score under the query's threshold, or none of these (then the alert gate or the delivery held
 * it).
 */
final class MissingAlerts {

    private MissingAlerts() {}

    /**
     * Why the listings of {@code published} (in publish order) that are not in {@code alerted} got
     * none, e.g. {@code "no alert for 3: verdict ACCESSORY 2 (#4, #9), no match for the query 1
     * (#1)"}, with the first few of each by their place in the publish order.
     */
    static String explain(String pgUrl, List<String> published, Set<String> alerted)
            throws SQLException {
        List<String> missing = published.stream().filter(k -> !alerted.contains(k)).toList();
        if (missing.isEmpty()) {
            return "every listing alerted";
        }
        Map<String, List<Integer>> reasons = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(pgUrl, SharedPostgres.user(), "");
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT k.key, l.listing_key, m.verdict, m.score, m.explanation,"
                                        + " q.alert_threshold FROM unnest(?) AS k(key)"
                                        + " LEFT JOIN listings l ON l.listing_key = k.key"
                                        + " LEFT JOIN matches m ON m.listing_key = k.key"
                                        + " LEFT JOIN saved_queries q ON q.id = m.query_id")) {
            Array keys = c.createArrayOf("text", missing.toArray());
            s.setArray(1, keys);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    reasons.computeIfAbsent(reason(r), k -> new ArrayList<>())
                            .add(published.indexOf(r.getString(1)) + 1);
                }
            }
        }
        return "no alert for "
                + missing.size()
                + ": "
                + reasons.entrySet().stream()
                        .map(
                                e ->
                                        e.getKey()
                                                + " "
                                                + e.getValue().size()
                                                + " "
                                                + firstFew(e.getValue()))
                        .collect(Collectors.joining(", "));
    }

    private static String firstFew(List<Integer> positions) {
        return positions.stream()
                .sorted()
                .limit(5)
                .map(p -> "#" + p)
                .collect(Collectors.joining(", ", "(", positions.size() > 5 ? ", ...)" : ")"));
    }

    private static String reason(ResultSet r) throws SQLException {
        if (r.getString(2) == null) {
            return "never stored (not scraped)";
        }
        String verdict = r.getString(3);
        if (verdict == null) {
            return "no match for the query";
        }
        if (!verdict.equals("RELEVANT")) {
            return "verdict " + verdict;
        }
        if (r.getString(5).contains("so not a deal")) {
            return "price not under the market";
        }
        if (r.getDouble(4) < r.getDouble(6)) {
            return "score under the threshold";
        }
        return "alert-worthy but not delivered";
    }
}
