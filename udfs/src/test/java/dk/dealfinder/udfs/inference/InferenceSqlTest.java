package dk.dealfinder.udfs.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.testkit.SharedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The inference statements against the real migration on a real PostgreSQL. */
class InferenceSqlTest {

    private static String url;

    @BeforeAll
    static void migrate() throws Exception {
        url = SharedPostgres.newDatabase("inference_sql");
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute(readMigration());
        }
    }

    private static InferenceRecord record(String provider, String reason, double cost) {
        return new InferenceRecord(
                "phone",
                "dba.dk:1",
                2,
                provider,
                "gpt-4o-mini",
                "classify-listings-v1",
                "ACCESSORY",
                0.93,
                812,
                420,
                35,
                cost,
                reason,
                false,
                1_700_000_000_000L);
    }

    @Test
    void aReplayedDecisionIsStoredOnce() throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            for (InferenceRecord r :
                    new InferenceRecord[] {
                        record("llm", "auto-uncertain", 0.000084),
                        record("local", "budget-exhausted", 0)
                    }) {
                try (var s = c.prepareStatement(InferenceSql.INSERT_INFERENCE)) {
                    InferenceSql.bindInference(s, r);
                    s.executeUpdate();
                }
            }
            ResultSet rs =
                    c.createStatement()
                            .executeQuery(
                                    "SELECT count(*), min(provider), min(routing_reason),"
                                            + " min(cost_usd)::text, min(input_tokens)"
                                            + " FROM model_inferences");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("llm");
            assertThat(rs.getString(3)).isEqualTo("auto-uncertain");
            assertThat(rs.getString(4)).isEqualTo("0.00008400");
            assertThat(rs.getLong(5)).isEqualTo(420);
        }
    }

    @Test
    void anLlmLabelIsStoredOncePerListingVersion() throws SQLException {
        var label =
                new LabelRecord(
                        "lego",
                        "dba.dk:9",
                        1,
                        "Lego Technic 42100 kun kassen",
                        "ACCESSORY",
                        "llm",
                        "gpt-4o-mini",
                        0.97,
                        1_700_000_000_000L);
        try (Connection c = DriverManager.getConnection(url)) {
            for (int i = 0; i < 2; i++) {
                try (var s = c.prepareStatement(InferenceSql.INSERT_LABEL)) {
                    InferenceSql.bindLabel(s, label);
                    s.executeUpdate();
                }
            }
            ResultSet rs =
                    c.createStatement().executeQuery("SELECT count(*), min(verdict) FROM labels");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("ACCESSORY");
        }
    }

    @Test
    void theLabelStoreReadsTheNewestLabelsOfEachQuery() throws SQLException {
        String db = SharedPostgres.newDatabase("label_store");
        try (Connection c = DriverManager.getConnection(db)) {
            c.createStatement().execute(readMigration());
            for (int i = 0; i < 5; i++) {
                try (var s = c.prepareStatement(InferenceSql.INSERT_LABEL)) {
                    InferenceSql.bindLabel(
                            s,
                            new LabelRecord(
                                    i < 3 ? "phone" : "lego",
                                    "dba.dk:" + i,
                                    1,
                                    "title " + i,
                                    "RELEVANT",
                                    "llm",
                                    "m",
                                    0.9,
                                    1_700_000_000_000L + i));
                    s.executeUpdate();
                }
            }
        }

        var labels = new LabelStore(db, SharedPostgres.user(), "").recent(2);

        assertThat(labels)
                .extracting(LabelRecord::listingKey)
                .containsExactly("dba.dk:1", "dba.dk:2", "dba.dk:3", "dba.dk:4");
    }

    /** The shared schema migration (it ships in core's jar), run as Flyway would run it. */
    private static String readMigration() {
        try (InputStream in =
                InferenceSqlTest.class.getResourceAsStream("/db/migration/V2__inference.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
