package dk.dealfinder.alertserver;

import dk.dealfinder.alertserver.db.DatabaseUnavailableException;
import dk.dealfinder.alertserver.db.Jdbc;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Who may see a saved query's alerts: its owner, or every signed-in user for the queries an
 * operator declared in the job's config file (they have no owner). Price-drop alerts of a user's
 * favourites carry the user's own id ({@link FavouriteWatcher}). Looked up once per query and
 * cached: a query's owner never changes. Unknown ids are cached briefly, since the query may be
 * created in PostgreSQL a moment later.
 */
final class QueryOwners {

    private static final long UNKNOWN_TTL_NANOS = 5_000_000_000L;
    private static final int MAX_ENTRIES = 100_000;

    /** What the database said about one query id. */
    private record Entry(boolean exists, String owner, long checkedAt) {}

    private final Jdbc jdbc;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();

    QueryOwners(Jdbc jdbc, LongSupplier nanoClock) {
        this.jdbc = jdbc;
        this.nanoClock = nanoClock;
    }

    QueryOwners(Jdbc jdbc) {
        this(jdbc, System::nanoTime);
    }

    /** Whether the user may see alerts of the query; false when the database cannot say. */
    boolean visibleTo(String queryId, String userId) {
        if (queryId == null) {
            return false;
        }
        if (queryId.startsWith(FavouriteWatcher.QUERY_PREFIX)) {
            return queryId.substring(FavouriteWatcher.QUERY_PREFIX.length()).equals(userId);
        }
        Entry entry = cache.get(queryId);
        long now = nanoClock.getAsLong();
        if (entry == null || (!entry.exists() && now - entry.checkedAt() > UNKNOWN_TTL_NANOS)) {
            try {
                entry = load(queryId, now);
            } catch (DatabaseUnavailableException e) {
                return false;
            }
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(queryId, entry);
        }
        return entry.exists() && (entry.owner() == null || entry.owner().equals(userId));
    }

    private Entry load(String queryId, long now) {
        Optional<Entry> found =
                jdbc.one(
                        "SELECT owner FROM saved_queries WHERE id = ?",
                        s -> s.setString(1, queryId),
                        rs -> new Entry(true, rs.getString("owner"), now));
        return found.orElse(new Entry(false, null, now));
    }
}
