package dk.dealfinder.job.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where a replay starts in the archive: at the beginning, or at the first record written at or
 * after a moment (Kafka record timestamps).
 *
 * @param from the moment; empty for "earliest"
 */
public record ReplayStart(Optional<Instant> from) {

    public static final ReplayStart EARLIEST = new ReplayStart(Optional.empty());

    /**
     * {@code earliest}, an ISO-8601 instant ({@code 2026-11-01T08:00:00Z}), one with an offset
     * ({@code 2026-11-01T09:00:00+01:00}) or a date ({@code 2026-11-01}, midnight UTC).
     */
    public static ReplayStart parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.equalsIgnoreCase("earliest")) {
            return EARLIEST;
        }
        try {
            return at(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notDateTime) {
            try {
                return at(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notDate) {
                throw new IllegalArgumentException(
                        "--from must be 'earliest' or an ISO-8601 time such as"
                                + " 2026-11-01T08:00:00Z or 2026-11-01, got '"
                                + value
                                + "'");
            }
        }
    }

    public static ReplayStart at(Instant from) {
        return new ReplayStart(Optional.of(from));
    }

    @Override
    public String toString() {
        return from.map(Instant::toString).orElse("earliest");
    }
}
