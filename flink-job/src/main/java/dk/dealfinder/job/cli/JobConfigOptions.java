package dk.dealfinder.job.cli;

import dk.dealfinder.core.config.ConfigException;
import dk.dealfinder.core.config.ConfigLoader;
import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.core.store.Migrations;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that runs the job shares: the config file and the migrations. */
final class JobConfigOptions {

    @Option(
            names = {"-c", "--config"},
            required = true,
            description = "the YAML configuration file")
    Path config;

    @Option(
            names = "--skip-migrations",
            description = "do not bring the database schema up to date first")
    boolean skipMigrations;

    /** The validated configuration, or null after printing every problem it has. */
    DealfinderConfig load() {
        try {
            return ConfigLoader.fromEnvironment().load(config);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return null;
        }
    }

    /** Brings the PostgreSQL schema up to date, unless {@code --skip-migrations}. */
    void migrate(DealfinderConfig loaded) {
        if (!skipMigrations) {
            DealfinderConfig.Postgres pg = loaded.postgres();
            Migrations.migrate(pg.url(), pg.user(), pg.password());
        }
    }
}
