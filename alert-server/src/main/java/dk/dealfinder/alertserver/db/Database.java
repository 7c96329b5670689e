package dk.dealfinder.alertserver.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dk.dealfinder.core.store.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The alert-server's connection pool. On start it applies the shared schema migrations (the job
 * does the same; Flyway's lock makes the two safe to race), so either service may start first.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    public static Database open(DatabaseSettings settings) {
        Migrations.migrate(settings.jdbcUrl(), settings.user(), settings.password());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("alert-server-db");
        // A stalled database becomes a quick 503, not a pile of waiting request threads.
        config.setConnectionTimeout(3_000);
        config.setDriverClassName("org.postgresql.Driver");
        return new Database(new HikariDataSource(config));
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Whether a connection answers a trivial query (readiness). */
    public boolean ping() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
