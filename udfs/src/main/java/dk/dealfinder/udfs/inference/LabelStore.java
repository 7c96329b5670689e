package dk.dealfinder.udfs.inference;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the labelled examples in PostgreSQL {@code labels} (LLM verdicts written by the job, user
 * corrections written by the alert-server) so that a restarted classifier's kNN vote starts from
 * everything learned so far, not from nothing.
 */
public record LabelStore(String jdbcUrl, String user, String password) implements Serializable {

    static final String RECENT_PER_QUERY =
            "SELECT query_id, listing_key, listing_version, title, verdict, source, model_id,"
                    + " confidence, created_at FROM (SELECT *, row_number() OVER (PARTITION BY"
                    + " query_id ORDER BY created_at DESC) AS recency FROM labels) recent"
                    + " WHERE recency <= ? ORDER BY created_at";

    /** The newest {@code perQuery} labels of every saved query, oldest first. */
    public List<LabelRecord> recent(int perQuery) throws SQLException {
        List<LabelRecord> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement s = c.prepareStatement(RECENT_PER_QUERY)) {
            s.setInt(1, perQuery);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(
                            new LabelRecord(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getInt(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getDouble(8),
                                    rs.getTimestamp(9).getTime()));
                }
            }
        }
        return out;
    }
}
