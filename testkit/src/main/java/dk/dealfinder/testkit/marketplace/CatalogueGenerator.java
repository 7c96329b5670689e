package dk.dealfinder.testkit.marketplace;

import dk.dealfinder.testkit.marketplace.CatalogueVocabulary.Category;
import dk.dealfinder.testkit.marketplace.CatalogueVocabulary.Model;
import dk.dealfinder.testkit.marketplace.CatalogueVocabulary.Place;
import dk.dealfinder.testkit.marketplace.CatalogueVocabulary.PricedTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * Builds a realistic Danish catalogue from a seed: about 70 % genuine ads and 30 % of the decoys
 * that fool keyword search. Every choice comes from one {@link Random}, in a fixed order, so the
 * same seed and start time give an identical catalogue.
 */
final class CatalogueGenerator {

    static final int FIRST_ID_FLOOR = 100_000_000;
    private static final Duration PRELOAD_SPAN = Duration.ofDays(3);
    private static final double DECOY_SHARE = 0.30;
    private static final double DEALER_SHARE = 0.15;

    /** Early slots that get one decoy of each kind, so even a small catalogue has them all. */
    private static final int FIRST_GUARANTEED_SLOT = 2;

    private static final int GUARANTEED_SLOT_STRIDE = 3;
    private static final List<DecoyKind> DECOYS =
            List.of(
                    DecoyKind.ACCESSORY,
                    DecoyKind.BROKEN,
                    DecoyKind.WANTED,
                    DecoyKind.SWAP,
                    DecoyKind.OVERPRICED,
                    DecoyKind.REPOST,
                    DecoyKind.PART_OR_TOY);

    /** Relative frequency of each decoy kind within the decoy share, in {@link #DECOYS} order. */
    private static final int[] DECOY_WEIGHTS = {8, 5, 4, 3, 4, 3, 3};

    private static final int HOSTILE_SCRIPT_SLOT = 3;
    private static final int HOSTILE_QUOTES_SLOT = 9;

    private final CatalogueVocabulary vocabulary;
    private final Random random;
    private final List<MarketListing> generated = new ArrayList<>();
    private long nextId;

    private CatalogueGenerator(CatalogueVocabulary vocabulary, long seed) {
        this.vocabulary = vocabulary;
        this.random = new Random(seed);
        this.nextId = FIRST_ID_FLOOR + random.nextInt(50_000_000);
    }

    /**
     * The first {@code round(size * preloadedFraction)} listings are live, published over the three
     * days before {@code now} in list order; the rest wait, in list order, for the scenario.
     */
    static List<MarketListing> generate(
            CatalogueVocabulary vocabulary,
            long seed,
            int size,
            double preloadedFraction,
            Instant now) {
        return new CatalogueGenerator(vocabulary, seed).run(size, preloadedFraction, now);
    }

    private List<MarketListing> run(int size, double preloadedFraction, Instant now) {
        int preloaded = (int) Math.round(size * preloadedFraction);
        List<Instant> times = preloadTimes(preloaded, now);
        for (int slot = 0; slot < size; slot++) {
            Instant publishedAt =
                    slot < preloaded ? times.get(slot) : MarketListing.NOT_YET_PUBLISHED;
            generated.add(listingFor(slot, publishedAt));
        }
        return List.copyOf(generated);
    }

    private List<Instant> preloadTimes(int count, Instant now) {
        List<Instant> times = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long ago = (long) (random.nextDouble() * PRELOAD_SPAN.toMillis());
            times.add(now.minusMillis(ago));
        }
        times.sort(Comparator.naturalOrder());
        return times;
    }

    private MarketListing listingFor(int slot, Instant publishedAt) {
        if (slot == HOSTILE_SCRIPT_SLOT) {
            return hostileListing(
                    "iPhone 13 128GB <script>alert(1)</script>",
                    "Sælges billigt. <img src=x onerror=alert(2)> Skærmen er uden ridser.",
                    2300,
                    "Mobiltelefoner",
                    publishedAt);
        }
        if (slot == HOSTILE_QUOTES_SLOT) {
            return hostileListing(
                    "IKEA \"Kivik\" sofa 3 pers. & puf",
                    "Sofa & puf i \"grå\" stof, fra røgfrit hjem. Pris: 1.200 kr. <b>fast</b>.",
                    1200,
                    "Møbler",
                    publishedAt);
        }
        DecoyKind kind = kindFor(slot);
        if (kind == DecoyKind.REPOST) {
            return repostOfEarlierListing(publishedAt);
        }
        Category category = pickWeighted(vocabulary.categories(), Category::weight);
        Model model = pick(category.models());
        String size = pick(List.copyOf(model.sizesOrNone().keySet()));
        long marketPrice = model.price() + model.sizesOrNone().get(size);
        Place place = pickWeighted(vocabulary.places(), Place::weight);
        TitleWords words = new TitleWords(model, size, place.city());
        Offer offer = offerFor(kind, category, words, marketPrice);
        return newListing(kind, category, offer, words, place, publishedAt);
    }

    private DecoyKind kindFor(int slot) {
        int fromFirstGuaranteed = slot - FIRST_GUARANTEED_SLOT;
        if (fromFirstGuaranteed >= 0
                && fromFirstGuaranteed % GUARANTEED_SLOT_STRIDE == 0
                && fromFirstGuaranteed / GUARANTEED_SLOT_STRIDE < DECOYS.size()) {
            return DECOYS.get(fromFirstGuaranteed / GUARANTEED_SLOT_STRIDE);
        }
        if (slot == 0 || random.nextDouble() >= DECOY_SHARE) {
            return DecoyKind.GENUINE;
        }
        int index = pickWeightedIndex(DECOY_WEIGHTS);
        return DECOYS.get(index);
    }

    /** Title, price, trade type and condition of one ad. */
    private record Offer(String title, long price, String tradeType, String condition) {}

    /** Fills {title}, {model}, {brand}, {code} and {city} in a template. */
    private record TitleWords(Model model, String size, String city) {
        String fill(String template) {
            String title = size.isEmpty() ? model.model() : model.model() + " " + size;
            String code = model.code() == null ? model.model() : model.code();
            return template.replace("{title}", title)
                    .replace("{model}", model.model())
                    .replace("{brand}", model.brand())
                    .replace("{code}", code)
                    .replace("{city}", city);
        }
    }

    private Offer offerFor(DecoyKind kind, Category category, TitleWords words, long market) {
        return switch (kind) {
            case GENUINE -> genuineOffer(category, words, market);
            case OVERPRICED ->
                    new Offer(
                            words.fill(pick(category.genuineTitles())),
                            roundPrice(market * between(1.6, 2.5)),
                            ListingDraft.FOR_SALE,
                            pick(vocabulary.conditions()));
            case ACCESSORY ->
                    templatedOffer(
                            pick(category.accessories()),
                            words,
                            pick(List.of("Ny", "Som ny", "Brugt - god stand")));
            case PART_OR_TOY ->
                    templatedOffer(
                            pick(category.partsAndToys()), words, pick(vocabulary.conditions()));
            case BROKEN ->
                    new Offer(
                            words.fill(pick(category.broken())),
                            roundPrice(market * between(0.15, 0.4)),
                            ListingDraft.FOR_SALE,
                            "Defekt");
            case WANTED ->
                    new Offer(
                            words.fill(
                                    pick(
                                            List.of(
                                                    "{title} købes",
                                                    "Købes: {title}",
                                                    "Søger {title}, købes"))),
                            roundPrice(market * between(0.6, 0.85)),
                            ListingDraft.WANTED,
                            "Brugt - god stand");
            case SWAP ->
                    new Offer(
                            words.fill(
                                    pick(
                                            List.of(
                                                    "{title} byttes",
                                                    "{title} byttes eller sælges",
                                                    "Byttes: {title}"))),
                            roundPrice(market * between(0.9, 1.1)),
                            ListingDraft.SWAP,
                            pick(vocabulary.conditions()));
            case REPOST -> throw new IllegalStateException("reposts copy an earlier listing");
        };
    }

    private Offer genuineOffer(Category category, TitleWords words, long market) {
        String title = words.fill(pick(category.genuineTitles()));
        String condition = pick(vocabulary.conditions());
        if (random.nextDouble() < category.giveAwayChance()) {
            return new Offer(title, 0, ListingDraft.GIVE_AWAY, "Brugt - okay stand");
        }
        boolean realDeal = random.nextDouble() < 0.08;
        double factor = realDeal ? between(0.45, 0.62) : between(0.7, 1.15);
        return new Offer(title, roundPrice(market * factor), ListingDraft.FOR_SALE, condition);
    }

    private Offer templatedOffer(PricedTemplate template, TitleWords words, String condition) {
        long price =
                roundPrice(
                        template.low() + random.nextDouble() * (template.high() - template.low()));
        return new Offer(words.fill(template.title()), price, ListingDraft.FOR_SALE, condition);
    }

    private MarketListing newListing(
            DecoyKind kind,
            Category category,
            Offer offer,
            TitleWords words,
            Place place,
            Instant publishedAt) {
        SellerType seller =
                random.nextDouble() < DEALER_SHARE ? SellerType.DEALER : SellerType.PRIVATE;
        String description = describe(kind, category, words);
        List<Long> imageSeeds = new ArrayList<>();
        int photos = 1 + random.nextInt(3);
        for (int i = 0; i < photos; i++) {
            imageSeeds.add(random.nextLong());
        }
        return new MarketListing(
                allocateId(),
                offer.title(),
                description,
                offer.price(),
                place.postcode(),
                place.city(),
                place.lat(),
                place.lng(),
                category.name(),
                offer.condition(),
                seller,
                imageSeeds,
                publishedAt,
                publishedAt,
                true,
                offer.tradeType(),
                kind,
                0,
                List.of(new PricePoint(offer.price(), publishedAt)));
    }

    /** One sentence saying what kind of ad it is, up to two about the item, maybe a closing. */
    private String describe(DecoyKind kind, Category category, TitleWords words) {
        List<String> sentences = new ArrayList<>();
        sentences.add(pick(vocabulary.kindSentences().get(kind)));
        if (kind == DecoyKind.GENUINE || kind == DecoyKind.OVERPRICED) {
            int extra = random.nextInt(3);
            for (int i = 0; i < extra; i++) {
                String sentence = pick(category.sentences());
                if (!sentences.contains(sentence)) {
                    sentences.add(sentence);
                }
            }
        }
        if (random.nextDouble() < 0.7) {
            sentences.add(words.fill(pick(vocabulary.closings())));
        }
        return String.join(" ", sentences);
    }

    private MarketListing repostOfEarlierListing(Instant publishedAt) {
        List<MarketListing> originals =
                generated.stream().filter(l -> l.kind() == DecoyKind.GENUINE).toList();
        MarketListing original = originals.get(random.nextInt(originals.size()));
        return original.repostedAs(allocateId(), publishedAt);
    }

    private MarketListing hostileListing(
            String title, String description, long price, String category, Instant publishedAt) {
        Place place = vocabulary.place("2100").orElseThrow();
        return new MarketListing(
                allocateId(),
                title,
                description,
                price,
                place.postcode(),
                place.city(),
                place.lat(),
                place.lng(),
                category,
                "Brugt - god stand",
                SellerType.PRIVATE,
                List.of(random.nextLong()),
                publishedAt,
                publishedAt,
                true,
                ListingDraft.FOR_SALE,
                DecoyKind.GENUINE,
                0,
                List.of(new PricePoint(price, publishedAt)));
    }

    private long allocateId() {
        nextId += 1 + random.nextInt(60);
        return nextId;
    }

    private double between(double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    /** Sellers ask round prices: whole 50s from 1.000 kr., whole 10s below. */
    static long roundPrice(double price) {
        long step = price >= 1000 ? 50 : 10;
        return Math.max(step, Math.round(price / step) * step);
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private <T> T pickWeighted(List<T> choices, ToIntFunction<T> weight) {
        int[] weights = choices.stream().mapToInt(weight).toArray();
        return choices.get(pickWeightedIndex(weights));
    }

    private int pickWeightedIndex(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights must be positive");
    }
}
