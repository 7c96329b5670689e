package dk.dealfinder.alertserver.listings;

/**
 * A search over stored listings. Every filter is optional (null or blank: not applied).
 *
 * @param text words that must all occur in title or description (case-insensitive); words after the
 *     first {@link #MAX_TEXT_WORDS} are ignored
 * @param minPrice lowest price
 * @param maxPrice highest price
 * @param site marketplace host key
 * @param queryId only listings this saved query of the caller matched
 * @param verdict only listings one of the caller's queries judged so (an AI filter, e.g. RELEVANT)
 * @param minScore only listings with a deal score at least this for one of the caller's queries
 * @param sort NEWEST (default), PRICE_ASC, PRICE_DESC or SCORE
 * @param page 1-based page
 * @param pageSize 1..100
 */
public record ListingSearch(
        String text,
        Long minPrice,
        Long maxPrice,
        String site,
        String queryId,
        String verdict,
        Double minScore,
        Sort sort,
        int page,
        int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 24;
    public static final int MAX_PAGE_SIZE = 100;

    /** Each word is a scan of every title and description; more is slow for nobody's benefit. */
    public static final int MAX_TEXT_WORDS = 10;

    /** How results are ordered. */
    public enum Sort {
        NEWEST,
        PRICE_ASC,
        PRICE_DESC,
        SCORE
    }

    public static ListingSearch firstPage(String text) {
        return new ListingSearch(
                text, null, null, null, null, null, null, Sort.NEWEST, 1, DEFAULT_PAGE_SIZE);
    }
}
