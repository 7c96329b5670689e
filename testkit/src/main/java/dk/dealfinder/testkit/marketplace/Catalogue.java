package dk.dealfinder.testkit.marketplace;

import dk.dealfinder.testkit.marketplace.CatalogueVocabulary.Place;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Every ad the local marketplace knows, live or still waiting to be published. The HTTP threads
 * read while a test or the scenario writes: reads see a consistent record per ad, and writes are
 * serialised so ids and the waiting queue stay in order.
 */
public final class Catalogue {

    private static final Comparator<MarketListing> BY_PUBLICATION =
            Comparator.comparing(MarketListing::publishedAt).thenComparingLong(MarketListing::id);
    private static final Place UNKNOWN_PLACE = new Place("", "Danmark", 56.0, 10.0, 0);
    private static final int PHOTOS_PER_PUBLISHED_AD = 2;

    private final ScenarioClock clock;
    private final CatalogueVocabulary vocabulary;
    private final Map<Long, MarketListing> listings = new ConcurrentHashMap<>();
    private final List<Consumer<MarketListing>> listeners = new CopyOnWriteArrayList<>();

    /** Generated ads not yet live, in the order the scenario publishes them; guarded by this. */
    private final Deque<Long> waiting = new ArrayDeque<>();

    /** Guarded by this. */
    private long lastId = CatalogueGenerator.FIRST_ID_FLOOR;

    Catalogue(ScenarioClock clock, CatalogueVocabulary vocabulary, List<MarketListing> generated) {
        this.clock = clock;
        this.vocabulary = vocabulary;
        for (MarketListing listing : generated) {
            listings.put(listing.id(), listing);
            lastId = Math.max(lastId, listing.id());
            if (listing.publishedAt().equals(MarketListing.NOT_YET_PUBLISHED)) {
                waiting.add(listing.id());
            }
        }
    }

    /** Publishes a genuine ad now and returns its new id. */
    public long publish(ListingDraft draft) {
        return publish(draft, DecoyKind.GENUINE);
    }

    /** Publishes an ad now, recording what it really is for scoring, and returns its new id. */
    public synchronized long publish(ListingDraft draft, DecoyKind kind) {
        Instant now = clock.now();
        long id = allocateId();
        Place place = vocabulary.place(draft.postcode()).orElse(UNKNOWN_PLACE);
        Random photoSeeds = new Random(id);
        List<Long> imageSeeds =
                Stream.generate(photoSeeds::nextLong).limit(PHOTOS_PER_PUBLISHED_AD).toList();
        MarketListing listing =
                new MarketListing(
                        id,
                        draft.title(),
                        draft.description(),
                        draft.price(),
                        draft.postcode(),
                        place.city(),
                        place.lat(),
                        place.lng(),
                        draft.category(),
                        draft.condition(),
                        draft.sellerType(),
                        imageSeeds,
                        now,
                        now,
                        true,
                        draft.tradeType(),
                        kind,
                        0,
                        List.of(new PricePoint(draft.price(), now)));
        store(listing);
        return id;
    }

    /** Sets a new asking price, stamps the edit time and appends to the price history. */
    public void changePrice(long id, long newPrice) {
        if (newPrice < 0) {
            throw new IllegalArgumentException("price must not be negative, was " + newPrice);
        }
        update(id, listing -> listing.withPrice(newPrice, clock.now()));
    }

    public void edit(long id, String newTitle, String newDescription) {
        update(id, listing -> listing.withText(newTitle, newDescription, clock.now()));
    }

    /** Takes the ad down: gone from search, while its item page says it is inactive. */
    public void remove(long id) {
        update(id, listing -> listing.withActive(false, clock.now()));
    }

    /** Puts a taken-down ad up again under its old id: back in search, its item page active. */
    public void relist(long id) {
        update(id, listing -> listing.withActive(true, clock.now()));
    }

    /**
     * Publishes the same item, text and photos again under a new id, as sellers do to resurface.
     */
    public synchronized long repost(long id) {
        MarketListing original = require(id);
        MarketListing repost = original.repostedAs(allocateId(), clock.now());
        store(repost);
        return repost.id();
    }

    public Optional<MarketListing> get(long id) {
        return Optional.ofNullable(listings.get(id));
    }

    /** Ads live by the clock's now, active or removed, oldest first. */
    public List<MarketListing> published() {
        Instant now = clock.now();
        return listings.values().stream()
                .filter(listing -> listing.isPublishedBy(now))
                .sorted(BY_PUBLICATION)
                .toList();
    }

    /** Every ad including those still waiting, by id: the ground truth for a benchmark. */
    public List<MarketListing> all() {
        return listings.values().stream()
                .sorted(Comparator.comparingLong(MarketListing::id))
                .toList();
    }

    public int size() {
        return listings.size();
    }

    public synchronized int waitingCount() {
        return waiting.size();
    }

    /** Called with the new state of an ad after every change, on the thread that made it. */
    public void subscribe(Consumer<MarketListing> listener) {
        listeners.add(listener);
    }

    /** Puts the next generated ad live, if any is left. */
    synchronized Optional<MarketListing> publishNextWaiting() {
        Long id = waiting.poll();
        if (id == null) {
            return Optional.empty();
        }
        MarketListing live = listings.get(id).goneLive(clock.now());
        store(live);
        return Optional.of(live);
    }

    private synchronized void update(long id, UnaryOperator<MarketListing> change) {
        store(change.apply(require(id)));
    }

    private MarketListing require(long id) {
        MarketListing listing = listings.get(id);
        if (listing == null || !listing.isPublishedBy(clock.now())) {
            throw new IllegalArgumentException("no published listing with id " + id);
        }
        return listing;
    }

    private void store(MarketListing listing) {
        listings.put(listing.id(), listing);
        listeners.forEach(listener -> listener.accept(listing));
    }

    /** Ids grow with time as on DBA, with small gaps left by other categories' ads. */
    private long allocateId() {
        lastId += 1 + lastId % 17;
        return lastId;
    }
}
