package dk.dealfinder.udfs.normalize;

import dk.dealfinder.core.model.DeadLetter;
import dk.dealfinder.core.model.Listing;
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
 * Interprets what the scraper read: Danish prices and dates, the postcode, the currency; the seller
 * type and category pass through as the adapter read them (null when unknown). A listing that
 * cannot be interpreted goes to {@link #DEAD_LETTERS} with the reason, never fails the job.
 */
public class ListingNormalizer extends ProcessFunction<RawListing, Listing> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("normalize-dead-letters") {};

    private final Map<String, String> currencyBySite;
    private transient Counter normalized;
    private transient Counter rejected;

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
    }

    @Override
    public void processElement(RawListing raw, Context ctx, Collector<Listing> out) {
        try {
            out.collect(normalize(raw));
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
                raw.category() == null || raw.category().isBlank() ? null : raw.category().strip());
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + what);
        }
    }
}
