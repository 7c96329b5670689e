package dk.dealfinder.testkit.marketplace;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A search as DBA's search page and API take it: every term of {@code q} must occur in the title or
 * description, case-insensitively, and results come 60 to a page.
 *
 * <p>{@code location} is filtered loosely by region code (our own reading of the codes public
 * scrapers send, see {@link Region}); unknown codes and {@code dealer_segment} are ignored, as the
 * real site ignores parameters it does not know.
 */
record SearchQuery(
        String text,
        List<String> terms,
        int page,
        Sort sort,
        long priceFrom,
        long priceTo,
        Region region) {

    static final int PAGE_SIZE = 60;
    private static final int MAX_PAGE = 10_000;

    enum Sort {
        PUBLISHED_DESC(
                Comparator.comparing(MarketListing::publishedAt)
                        .thenComparingLong(MarketListing::id)
                        .reversed()),
        PRICE_ASC(
                Comparator.comparingLong(MarketListing::price)
                        .thenComparingLong(MarketListing::id)),
        PRICE_DESC(
                Comparator.comparingLong(MarketListing::price)
                        .thenComparingLong(MarketListing::id)
                        .reversed());

        private final Comparator<MarketListing> order;

        Sort(Comparator<MarketListing> order) {
            this.order = order;
        }

        static Sort parse(String value) {
            String name = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty() || name.equals("RELEVANCE")) {
                return PUBLISHED_DESC;
            }
            try {
                return valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("unknown sort: " + value);
            }
        }
    }

    /** Danish regions by postcode range; codes follow the {@code 0.2000NN} shape seen on DBA. */
    enum Region {
        ANYWHERE("", 0, 9999),
        HOVEDSTADEN("0.200001", 1000, 3799),
        SJAELLAND("0.200002", 4000, 4999),
        SYDDANMARK("0.200003", 5000, 7299),
        MIDTJYLLAND("0.200004", 7300, 8999),
        NORDJYLLAND("0.200005", 9000, 9999);

        private final String code;
        private final int firstPostcode;
        private final int lastPostcode;

        Region(String code, int firstPostcode, int lastPostcode) {
            this.code = code;
            this.firstPostcode = firstPostcode;
            this.lastPostcode = lastPostcode;
        }

        static Region parse(String value) {
            return Arrays.stream(values())
                    .filter(region -> region != ANYWHERE && region.code.equals(value))
                    .findFirst()
                    .orElse(ANYWHERE);
        }

        boolean contains(String postcode) {
            if (this == ANYWHERE) {
                return true;
            }
            try {
                int number = Integer.parseInt(postcode);
                return number >= firstPostcode && number <= lastPostcode;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    /** One page of matches, plus what the paging metadata needs. */
    record Results(List<MarketListing> page, int matchCount, int currentPage, int lastPage) {
        boolean isEndOfPaging() {
            return currentPage >= lastPage;
        }
    }

    static SearchQuery parse(Map<String, String> params) {
        String text = params.getOrDefault("q", "").trim();
        List<String> terms =
                text.isEmpty()
                        ? List.of()
                        : Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+")).toList();
        long page = number(params, "page", 1);
        if (page < 1 || page > MAX_PAGE) {
            throw new BadRequestException("page must be between 1 and " + MAX_PAGE);
        }
        long priceFrom = number(params, "price_from", 0);
        long priceTo = number(params, "price_to", Long.MAX_VALUE);
        return new SearchQuery(
                text,
                terms,
                (int) page,
                Sort.parse(params.get("sort")),
                priceFrom,
                priceTo,
                Region.parse(params.get("location")));
    }

    private static long number(Map<String, String> params, String name, long fallback) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 0) {
                throw new BadRequestException(name + " must not be negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number, was: " + value);
        }
    }

    Results run(Catalogue catalogue, Instant now) {
        List<MarketListing> matches =
                catalogue.published().stream()
                        .filter(listing -> listing.active() && listing.isPublishedBy(now))
                        .filter(this::matches)
                        .sorted(sort.order)
                        .toList();
        int lastPage = Math.max(1, (matches.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int from = (int) Math.min((long) (page - 1) * PAGE_SIZE, matches.size());
        int to = Math.min(from + PAGE_SIZE, matches.size());
        return new Results(matches.subList(from, to), matches.size(), page, lastPage);
    }

    private boolean matches(MarketListing listing) {
        String haystack = (listing.title() + "\n" + listing.description()).toLowerCase(Locale.ROOT);
        return terms.stream().allMatch(haystack::contains)
                && listing.price() >= priceFrom
                && listing.price() <= priceTo
                && region.contains(listing.postcode());
    }
}
