package dk.dealfinder.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL 17 server per JVM (zonky embedded binaries), started on first use and stopped
 * by a shutdown hook. Each caller gets its own fresh database through {@link #newDatabase(String)},
 * so test classes share the server but never each other's tables.
 */
public final class SharedPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private SharedPostgres() {}

    /** Starts the shared server if needed and returns it. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            server = start(null);
        }
        return server;
    }

    /**
     * Starts a server of its own (the demo), keeping data in {@code dataDirectory} across restarts
     * when it is not null.
     */
    public static EmbeddedPostgres start(Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder =
                    EmbeddedPostgres.builder().setPort(0).setServerConfig("max_connections", "200");
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            } else {
                // Throwaway test data: durability only costs time here.
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off");
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** Creates an empty database on the shared server and returns its JDBC URL. */
    public static String newDatabase(String prefix) {
        String name =
                (prefix + "_" + DATABASES.incrementAndGet())
                        .toLowerCase()
                        .replaceAll("[^a-z0-9_]", "_");
        DataSource admin = server().getPostgresDatabase();
        try (Connection c = admin.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return jdbcUrl(server(), name);
    }

    public static String jdbcUrl(EmbeddedPostgres pg, String database) {
        return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + database + "?user=postgres";
    }

    public static String user() {
        return "postgres";
    }
}
