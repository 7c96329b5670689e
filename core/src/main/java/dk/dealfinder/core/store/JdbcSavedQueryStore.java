package dk.dealfinder.core.store;

import dk.dealfinder.core.model.DigestSchedule;
import dk.dealfinder.core.model.ModelMode;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SearchArea;
import dk.dealfinder.core.model.SellerType;
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

    /** Every column of {@code saved_queries} that {@link #read} maps, in a SELECT list. */
    public static final String COLUMNS =
            "id, owner, name, terms, site, min_price, max_price, include_keywords,"
                    + " exclude_keywords, keyword_expression, max_age_days, postcodes,"
                    + " near_postcode, radius_km, seller_type, model_mode, alert_threshold, digest,"
                    + " instant_alerts, active";

    static final String SELECT_ACTIVE = "SELECT " + COLUMNS + " FROM saved_queries WHERE active";

    /** Inserts or replaces a query by id; bind its parameters with {@link #bind}. */
    public static final String UPSERT =
            "INSERT INTO saved_queries ("
                    + COLUMNS
                    + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO"
                    + " UPDATE SET owner = EXCLUDED.owner, name = EXCLUDED.name, terms ="
                    + " EXCLUDED.terms, site = EXCLUDED.site, min_price = EXCLUDED.min_price,"
                    + " max_price = EXCLUDED.max_price, include_keywords ="
                    + " EXCLUDED.include_keywords, exclude_keywords = EXCLUDED.exclude_keywords,"
                    + " keyword_expression = EXCLUDED.keyword_expression, max_age_days ="
                    + " EXCLUDED.max_age_days, postcodes = EXCLUDED.postcodes, near_postcode ="
                    + " EXCLUDED.near_postcode, radius_km = EXCLUDED.radius_km, seller_type ="
                    + " EXCLUDED.seller_type, model_mode = EXCLUDED.model_mode, alert_threshold ="
                    + " EXCLUDED.alert_threshold, digest = EXCLUDED.digest, instant_alerts ="
                    + " EXCLUDED.instant_alerts, active = EXCLUDED.active, updated_at = now()";

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

    /** Inserts or replaces a saved query (demo and tests; users go through the alert-server). */
    public void upsert(SavedQuery q) throws SQLException {
        try (Connection c = JdbcConnections.open(url, user, password);
                PreparedStatement s = c.prepareStatement(UPSERT)) {
            bind(s, q);
            s.executeUpdate();
        }
    }

    /** Binds the 20 parameters of {@link #UPSERT}, in {@link #COLUMNS} order. */
    public static void bind(PreparedStatement s, SavedQuery q) throws SQLException {
        Connection c = s.getConnection();
        s.setString(1, q.id());
        s.setString(2, q.owner());
        s.setString(3, q.name());
        s.setString(4, q.terms());
        s.setString(5, q.site());
        s.setObject(6, q.minPrice());
        s.setObject(7, q.maxPrice());
        s.setArray(8, c.createArrayOf("text", q.includeKeywords().toArray()));
        s.setArray(9, c.createArrayOf("text", q.excludeKeywords().toArray()));
        s.setString(10, q.keywordExpression());
        s.setObject(11, q.maxAgeDays());
        s.setArray(12, c.createArrayOf("text", q.area().postcodes().toArray()));
        s.setString(13, q.area().nearPostcode());
        s.setObject(14, q.area().radiusKm());
        s.setString(15, q.sellerType().name());
        s.setString(16, q.modelMode() == null ? null : q.modelMode().name());
        s.setDouble(17, q.alertThreshold());
        s.setString(18, q.digest().name());
        s.setBoolean(19, q.instantAlerts());
        s.setBoolean(20, q.active());
    }

    /** Maps a row selected with {@link #COLUMNS}. */
    public static SavedQuery read(ResultSet rs) throws SQLException {
        String modelMode = rs.getString("model_mode");
        return new SavedQuery(
                rs.getString("id"),
                rs.getString("owner"),
                rs.getString("name"),
                rs.getString("terms"),
                rs.getString("site"),
                rs.getObject("min_price", Long.class),
                rs.getObject("max_price", Long.class),
                strings(rs.getArray("include_keywords")),
                strings(rs.getArray("exclude_keywords")),
                rs.getString("keyword_expression"),
                rs.getObject("max_age_days", Integer.class),
                new SearchArea(
                        strings(rs.getArray("postcodes")),
                        rs.getString("near_postcode"),
                        rs.getObject("radius_km", Integer.class)),
                SellerType.valueOf(rs.getString("seller_type")),
                modelMode == null ? null : ModelMode.valueOf(modelMode),
                rs.getDouble("alert_threshold"),
                DigestSchedule.valueOf(rs.getString("digest")),
                rs.getBoolean("instant_alerts"),
                rs.getBoolean("active"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
