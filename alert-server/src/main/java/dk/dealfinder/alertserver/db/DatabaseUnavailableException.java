package dk.dealfinder.alertserver.db;

import java.sql.SQLException;

/** PostgreSQL could not answer; callers get a 503 and may retry. */
public final class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(SQLException cause) {
        super("database unavailable: " + cause.getMessage(), cause);
    }
}
