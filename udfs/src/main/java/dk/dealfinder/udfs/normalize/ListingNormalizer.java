package dk.dealfinder.udfs.normalize;

import dk.dealfinder.core.model.DeadLetter;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.ListingSignal;
import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.core.text.DanishDates;
import dk.dealfinder.core.text.DanishPostcodes;
import dk.dealfinder.core.text.DanishPrices;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Interprets what the scraper read: Danish prices and dates, the postcode, the currency; seller
 * type, category, condition and coordinates pass through as the adapter read them (null when
 * unknown). A sighting becomes a {@link ListingSignal#seen seen} signal, the site's word that an ad
 * is gone a {@link ListingSignal#gone gone} one. A listing that cannot be interpreted goes to
 * {@link #DEAD_LETTERS} with the reason, never fails the job.
 */
public class ListingNormalizer extends ProcessFunction<RawListing, ListingSignal> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("normalize-dead-letters") {};

    private final Map<String, String> currencyBySite;
    private transient Counter normalized;
    private transient Counter rejected;
    private transient Counter gone;

    /**
     * @param currencyBySite the currency each site prices in when a listing does not say
     */
    public ListingNormalizer(Map<String, String> currencyBySite) {
        this.currencyBySite = Map.copyOf(currencyBySite);
    }

    @Override
    public void open(OpenContext openContext) {
        normalized = getRuntimeContext().getMetricGroup().counter("listingsNormalized");
        rejected = getRuntimeContext().getMetricGroup().counter("listingsRejected");
        gone = getRuntimeContext().getMetricGroup().counter("goneSignals");
    }

    @Override
    public void processElement(RawListing raw, Context ctx, Collector<ListingSignal> out) {
        try {
            if (raw.reportsGone()) {
                require(raw.site(), "site");
                require(raw.adId(), "ad id");
                out.collect(
                        ListingSignal.gone(
                                Listing.keyOf(raw.site(), raw.adId()),
                                raw.goneReason(),
                                raw.fetchedAt()));
                gone.inc();
                return;
            }
            out.collect(ListingSignal.seen(normalize(raw)));
            normalized.inc();
        } catch (IllegalArgumentException e) {
            rejected.inc();
            ctx.output(
                    DEAD_LETTERS,
                    DeadLetter.of(
                            "normalize",
                            raw.url() == null ? Listing.keyOf(raw.site(), raw.adId()) : raw.url(),
                            e.getMessage(),
                            raw.toString(),
                            raw.fetchedAt()));
        }
    }

    /** Pure interpretation of one raw listing; throws IllegalArgumentException with the reason. */
    public Listing normalize(RawListing raw) {
        require(raw.site(), "site");
        require(raw.adId(), "ad id");
        require(raw.title(), "title");
        Instant fetched = Instant.ofEpochMilli(raw.fetchedAt());
        long published =
                raw.publishedText() == null || raw.publishedText().isBlank()
                        ? raw.fetchedAt()
                        : DanishDates.parse(raw.publishedText(), fetched).toEpochMilli();
        String currency =
                raw.currency() == null || raw.currency().isBlank()
                        ? currencyBySite.getOrDefault(raw.site(), "DKK")
                        : raw.currency();
        return new Listing(
                Listing.keyOf(raw.site(), raw.adId()),
                raw.site(),
                raw.adId(),
                raw.url(),
                raw.title().strip(),
                raw.description() == null ? "" : raw.description().strip(),
                DanishPrices.parse(raw.priceText()),
                currency,
                raw.location() == null ? "" : raw.location(),
                DanishPostcodes.find(raw.location()),
                raw.imageUrls() == null ? List.of() : List.copyOf(raw.imageUrls()),
                published,
                raw.fetchedAt(),
                0,
                raw.sellerType(),
                blankToNull(raw.category()),
                blankToNull(raw.condition()),
                coordinate(raw.latitude(), 90),
                coordinate(raw.longitude(), 180));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A coordinate within ±{@code bound}, else null: a bad coordinate is unknown, not fatal. */
    private static Double coordinate(Double value, double bound) {
        return value == null || value.isNaN() || Math.abs(value) > bound ? null : value;
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + what);
        }
    }
}
