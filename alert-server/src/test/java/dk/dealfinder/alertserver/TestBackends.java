package dk.dealfinder.alertserver;

import dk.dealfinder.alertserver.auth.User;
import dk.dealfinder.alertserver.auth.UserStore;
import dk.dealfinder.alertserver.db.DatabaseSettings;
import dk.dealfinder.alertserver.db.Jdbc;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.store.JdbcSavedQueryStore;
import dk.dealfinder.core.store.Migrations;
import dk.dealfinder.testkit.SharedPostgres;
import dk.dealfinder.testkit.SharedRedis;
import java.util.List;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real backends every alert-server test shares in one JVM: one database on the shared embedded
 * PostgreSQL (migrated, with the operator's query {@code query-1} that every user may see) and the
 * shared Redis, with a fresh stream per server.
 */
public final class TestBackends {

    /** A user and the API token that signs them in. */
    public record TestUser(User user, String token) {
        public String bearer() {
            return "Bearer " + token;
        }
    }

    /** The query {@link TestAlerts} alerts are for: declared by the operator, so shared. */
    public static final String SHARED_QUERY = "query-1";

    private static DatabaseSettings database;
    private static TestUser sharedUser;

    private TestBackends() {}

    public static synchronized DatabaseSettings database() {
        if (database == null) {
            String url = SharedPostgres.newDatabase("alertserver");
            Migrations.migrate(url, SharedPostgres.user(), "");
            database = new DatabaseSettings(url, SharedPostgres.user(), "", 4);
            jdbc().update(
                            JdbcSavedQueryStore.UPSERT,
                            s ->
                                    JdbcSavedQueryStore.bind(
                                            s,
                                            new SavedQuery(
                                                    SHARED_QUERY,
                                                    "Racercykel under 3.000 kr.",
                                                    "racercykel",
                                                    "dba.dk",
                                                    null,
                                                    3000L,
                                                    List.of(),
                                                    List.of(),
                                                    50,
                                                    true)));
        }
        return database;
    }

    /** Settings for a server of its own stream on the shared backends. */
    public static AlertServerSettings settings() {
        return AlertServerSettings.defaults(SharedRedis.uri(), AlertServerHttp.TOKEN, database())
                .withStreamKey("test:" + UUID.randomUUID());
    }

    public static Jdbc jdbc() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(database().jdbcUrl());
        return new Jdbc(ds);
    }

    public static UserStore users() {
        return new UserStore(jdbc());
    }

    /** A new user with a unique name and one API token. */
    public static TestUser newUser(String namePrefix) {
        UserStore users = users();
        User user = users.createUser(namePrefix + "-" + UUID.randomUUID());
        return new TestUser(user, users.issueToken(user.id(), "test"));
    }

    /** One user for tests that only need to be signed in. */
    public static synchronized TestUser sharedUser() {
        if (sharedUser == null) {
            sharedUser = newUser("tester");
        }
        return sharedUser;
    }

    /** Stores a saved query owned by the user, as the API would. */
    public static SavedQuery ownedQuery(TestUser owner, String terms) {
        SavedQuery q =
                new SavedQuery(
                                "q-" + UUID.randomUUID(),
                                terms,
                                terms,
                                "dba.dk",
                                null,
                                null,
                                List.of(),
                                List.of(),
                                50,
                                true)
                        .withOwner(owner.user().id());
        jdbc().update(JdbcSavedQueryStore.UPSERT, s -> JdbcSavedQueryStore.bind(s, q));
        return q;
    }
}
