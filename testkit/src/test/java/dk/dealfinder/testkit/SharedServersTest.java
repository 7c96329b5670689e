package dk.dealfinder.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class SharedServersTest {

    @Test
    void postgresAnswersQueriesInAFreshDatabase() throws Exception {
        String url = SharedPostgres.newDatabase("probe");
        try (Connection c = DriverManager.getConnection(url);
                ResultSet rs =
                        c.createStatement().executeQuery("select current_database(), version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("probe_");
            assertThat(rs.getString(2)).contains("PostgreSQL 17");
        }
    }
}
