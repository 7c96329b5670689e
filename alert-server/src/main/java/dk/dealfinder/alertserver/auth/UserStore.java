package dk.dealfinder.alertserver.auth;

import dk.dealfinder.alertserver.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Users, their API tokens and their dashboard sessions in PostgreSQL (secrets stored hashed). */
public final class UserStore {

    /** API tokens start with this, so a leaked one is easy to recognise in logs and scanners. */
    public static final String TOKEN_PREFIX = "dft_";

    private final Jdbc jdbc;

    public UserStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A session just created: the id for the cookie and the CSRF token for forms. */
    public record NewSession(String id, String csrfToken) {}

    /**
     * Creates a user.
     *
     * @throws IllegalArgumentException when the name is blank, too long or taken
     */
    public User createUser(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new IllegalArgumentException("user name must be 1..100 characters");
        }
        if (byName(trimmed).isPresent()) {
            throw new IllegalArgumentException("user name '" + trimmed + "' is taken");
        }
        User user = new User(UUID.randomUUID().toString(), trimmed);
        jdbc.update(
                "INSERT INTO users (id, name) VALUES (?, ?)",
                s -> {
                    s.setString(1, user.id());
                    s.setString(2, user.name());
                });
        return user;
    }

    public Optional<User> byName(String name) {
        return jdbc.one(
                "SELECT id, name FROM users WHERE name = ?",
                s -> s.setString(1, name),
                UserStore::user);
    }

    /** Issues a new API token; the token itself is returned once and never stored. */
    public String issueToken(String userId, String label) {
        String token = Secrets.newSecret(TOKEN_PREFIX);
        jdbc.update(
                "INSERT INTO api_tokens (token_hash, user_id, label) VALUES (?, ?, ?)",
                s -> {
                    s.setString(1, Secrets.hash(token));
                    s.setString(2, userId);
                    s.setString(3, label == null ? "" : label);
                });
        return token;
    }

    /** The user an API token belongs to. */
    public Optional<User> byToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.one(
                "SELECT u.id, u.name FROM api_tokens t JOIN users u ON u.id = t.user_id"
                        + " WHERE t.token_hash = ?",
                s -> s.setString(1, Secrets.hash(token.strip())),
                UserStore::user);
    }

    /** Starts a dashboard session; expired sessions of the same user are cleared on the way. */
    public NewSession startSession(String userId, Duration ttl) {
        String id = Secrets.newSecret("");
        String csrf = Secrets.newSecret("");
        Instant now = Instant.now();
        jdbc.inTransaction(
                c -> {
                    Jdbc.update(
                            c,
                            "DELETE FROM sessions WHERE user_id = ? AND expires_at < now()",
                            s -> s.setString(1, userId));
                    Jdbc.update(
                            c,
                            "UPDATE api_tokens SET last_used_at = now() WHERE user_id = ?",
                            s -> s.setString(1, userId));
                    return Jdbc.update(
                            c,
                            "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at,"
                                    + " expires_at) VALUES (?, ?, ?, ?, ?)",
                            s -> {
                                s.setString(1, Secrets.hash(id));
                                s.setString(2, userId);
                                s.setString(3, csrf);
                                s.setTimestamp(4, Timestamp.from(now));
                                s.setTimestamp(5, Timestamp.from(now.plus(ttl)));
                            });
                });
        return new NewSession(id, csrf);
    }

    /** The principal behind a live session cookie. */
    public Optional<Principal> bySession(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.empty();
        }
        String hash = Secrets.hash(sessionId);
        return jdbc.one(
                "SELECT u.id, u.name, s.csrf_token FROM sessions s JOIN users u ON u.id ="
                        + " s.user_id WHERE s.id_hash = ? AND s.expires_at > now()",
                s -> s.setString(1, hash),
                rs -> new Principal(user(rs), rs.getString("csrf_token"), hash));
    }

    public void endSession(String sessionHash) {
        jdbc.update("DELETE FROM sessions WHERE id_hash = ?", s -> s.setString(1, sessionHash));
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString("id"), rs.getString("name"));
    }
}
