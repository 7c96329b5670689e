package dk.dealfinder.core.store;

import dk.dealfinder.core.model.SavedQuery;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saved queries from the PostgreSQL table {@code saved_queries}, merged with those declared in the
 * config file (the table wins on an id clash, so users can override a file query through the API).
 */
public final class JdbcSavedQueryStore implements SavedQueryStore {

    private static final long serialVersionUID = 1L;

    static final String SELECT_ACTIVE =
            "SELECT id, name, terms, site, min_price, max_price, include_keywords,"
                    + " exclude_keywords, alert_threshold, active FROM saved_queries WHERE active";

    private final String url;
    private final String user;
    private final String password;
    private final List<SavedQuery> fromConfig;

    public JdbcSavedQueryStore(
            String url, String user, String password, List<SavedQuery> fromConfig) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.fromConfig = List.copyOf(fromConfig);
    }

    @Override
    public List<SavedQuery> activeQueries() throws SQLException {
        Map<String, SavedQuery> byId = new LinkedHashMap<>();
        fromConfig.stream().filter(SavedQuery::active).forEach(q -> byId.put(q.id(), q));
        try (Connection c = JdbcConnections.open(url, user, password);
                PreparedStatement s = c.prepareStatement(SELECT_ACTIVE);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                SavedQuery q = read(rs);
                byId.put(q.id(), q);
            }
        }
        return new ArrayList<>(byId.values());
    }

    /**
     * Inserts or replaces a saved query (demo and tests; the REST API comes with the alert-server).
     */
    public void upsert(SavedQuery q) throws SQLException {
        String sql =
                "INSERT INTO saved_queries (id, name, terms, site, min_price, max_price,"
                        + " include_keywords, exclude_keywords, alert_threshold, active)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET"
                        + " name = EXCLUDED.name, terms = EXCLUDED.terms, site = EXCLUDED.site,"
                        + " min_price = EXCLUDED.min_price, max_price = EXCLUDED.max_price,"
                        + " include_keywords = EXCLUDED.include_keywords,"
                        + " exclude_keywords = EXCLUDED.exclude_keywords,"
                        + " alert_threshold = EXCLUDED.alert_threshold, active = EXCLUDED.active,"
                        + " updated_at = now()";
        try (Connection c = JdbcConnections.open(url, user, password);
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, q.id());
            s.setString(2, q.name());
            s.setString(3, q.terms());
            s.setString(4, q.site());
            s.setObject(5, q.minPrice());
            s.setObject(6, q.maxPrice());
            s.setArray(7, c.createArrayOf("text", q.includeKeywords().toArray()));
            s.setArray(8, c.createArrayOf("text", q.excludeKeywords().toArray()));
            s.setDouble(9, q.alertThreshold());
            s.setBoolean(10, q.active());
            s.executeUpdate();
        }
    }

    private static SavedQuery read(ResultSet rs) throws SQLException {
        return new SavedQuery(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("terms"),
                rs.getString("site"),
                (Long) rs.getObject("min_price", Long.class),
                (Long) rs.getObject("max_price", Long.class),
                strings(rs.getArray("include_keywords")),
                strings(rs.getArray("exclude_keywords")),
                rs.getDouble("alert_threshold"),
                rs.getBoolean("active"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
