package dk.dealfinder.job.sink;

import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.core.model.DeadLetter;
import dk.dealfinder.core.store.JdbcConnections;
import dk.dealfinder.scraper.reader.DeadLetterOutput;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the scraper's dead letters (pages it could not read) in PostgreSQL {@code dead_letters},
 * next to the normalizer's. Dead letters are rare, so one short insert each is fine on the reader's
 * thread; if the database is down the reader's log line and metric still record it.
 */
public final class JdbcDeadLetterOutput implements DeadLetterOutput {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcDeadLetterOutput.class);

    private final DealfinderConfig.Postgres postgres;

    public JdbcDeadLetterOutput(DealfinderConfig.Postgres postgres) {
        this.postgres = postgres;
    }

    @Override
    public void accept(DeadLetter deadLetter) {
        try (Connection c =
                        JdbcConnections.open(postgres.url(), postgres.user(), postgres.password());
                PreparedStatement s = c.prepareStatement(PostgresSinks.INSERT_DEAD_LETTER)) {
            PostgresSinks.bindDeadLetter(s, deadLetter);
            s.executeUpdate();
        } catch (SQLException e) {
            LOG.warn(
                    "Could not store a dead letter from {}: {}", deadLetter.source(), e.toString());
        }
    }
}
