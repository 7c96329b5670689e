package dk.dealfinder.alertserver.api;

import dk.dealfinder.alertserver.db.Jdbc;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.store.JdbcSavedQueryStore;
import java.util.List;
import java.util.Optional;

/** A user's saved queries in PostgreSQL; every read and write is scoped to the owner. */
public final class SavedQueryRepository {

    private static final String SELECT =
            "SELECT " + JdbcSavedQueryStore.COLUMNS + " FROM saved_queries";

    private final Jdbc jdbc;

    public SavedQueryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<SavedQuery> ownedBy(String owner) {
        return jdbc.list(
                SELECT + " WHERE owner = ? ORDER BY created_at, id",
                s -> s.setString(1, owner),
                JdbcSavedQueryStore::read);
    }

    public int countOwnedBy(String owner) {
        return jdbc.one(
                        "SELECT count(*) FROM saved_queries WHERE owner = ?",
                        s -> s.setString(1, owner),
                        rs -> rs.getInt(1))
                .orElse(0);
    }

    /** The query if it exists and belongs to the owner; others' queries look like missing ones. */
    public Optional<SavedQuery> find(String id, String owner) {
        return jdbc.one(
                SELECT + " WHERE id = ? AND owner = ?",
                s -> {
                    s.setString(1, id);
                    s.setString(2, owner);
                },
                JdbcSavedQueryStore::read);
    }

    /** Inserts or replaces; the caller has checked ownership of an existing id. */
    public void save(SavedQuery q) {
        jdbc.update(JdbcSavedQueryStore.UPSERT, s -> JdbcSavedQueryStore.bind(s, q));
    }

    /** Deletes the owner's query; false when there was none. */
    public boolean delete(String id, String owner) {
        return jdbc.update(
                        "DELETE FROM saved_queries WHERE id = ? AND owner = ?",
                        s -> {
                            s.setString(1, id);
                            s.setString(2, owner);
                        })
                > 0;
    }
}
