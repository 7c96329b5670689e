package dk.dealfinder.core.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the PostgreSQL schema up to date with the Flyway migrations in {@code db/migration}. */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {}

    public static void migrate(String url, String user, String password) {
        MigrateResult result =
                Flyway.configure(Migrations.class.getClassLoader())
                        .dataSource(url, user, password)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
        LOG.info(
                "Database schema at version {} ({} migrations applied)",
                result.targetSchemaVersion,
                result.migrationsExecuted);
    }
}
