package dk.dealfinder.alertserver.db;

/**
 * Where the alert-server finds PostgreSQL: users, saved queries, listings and alert history.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/db}
 * @param user database user
 * @param password database password (from the environment, never logged)
 * @param poolSize connections kept open; SSE streams hold none, so a small pool serves many
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {

    public static final int DEFAULT_POOL_SIZE = 8;

    public DatabaseSettings {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(
                    "database URL must be a jdbc:postgresql:// URL, was '" + jdbcUrl + "'");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be >= 1, was " + poolSize);
        }
    }

    public DatabaseSettings(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + jdbcUrl + ", user=" + user + ", pool=" + poolSize + "]";
    }
}
