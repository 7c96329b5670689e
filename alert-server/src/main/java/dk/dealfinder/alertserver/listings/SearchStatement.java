package dk.dealfinder.alertserver.listings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The SQL of one {@link ListingSearch}: a page query and a count query over the same filters.
 *
 * <p>Text search is one {@code ILIKE '%word%'} pair (title, description) per word, served by the
 * trigram indexes of V5 for words of three letters or more: substring matching suits Danish
 * compounds ("racercykel" contains "cykel") better than stemmed full-text search would, and is fast
 * enough for the tens of thousands of listings one deployment holds. Without filters or a score
 * sort, a page costs a page of index probes; see {@link SummarySql}.
 */
record SearchStatement(
        String pageSql, List<Object> pageParams, String countSql, List<Object> countParams) {

    static SearchStatement of(String userId, ListingSearch search) {
        List<Object> matchParams = new ArrayList<>();
        matchParams.add(userId);
        StringBuilder matchFilter = new StringBuilder();
        if (present(search.queryId())) {
            matchFilter.append(" AND m.query_id = ?");
            matchParams.add(search.queryId());
        }
        if (present(search.verdict())) {
            matchFilter.append(" AND m.verdict = ?");
            matchParams.add(search.verdict());
        }
        if (search.minScore() != null) {
            matchFilter.append(" AND m.score >= ?");
            matchParams.add(search.minScore());
        }
        boolean matchRequired = matchParams.size() > 1;
        ListingSearch.Sort sort = search.sort() == null ? ListingSearch.Sort.NEWEST : search.sort();
        boolean fromMatches = matchRequired || sort == ListingSearch.Sort.SCORE;
        String with = fromMatches ? SummarySql.bestMatches(matchFilter.toString()) : "";
        String join =
                fromMatches
                        ? (matchRequired ? " JOIN" : " LEFT JOIN")
                                + " b ON b.listing_key = l.listing_key"
                        : SummarySql.BEST_MATCH_PER_LISTING;

        List<Object> whereParams = new ArrayList<>();
        String where = where(search, whereParams);

        List<Object> pageParams = new ArrayList<>(matchParams);
        pageParams.addAll(whereParams);
        pageParams.add(search.pageSize());
        pageParams.add((long) (search.page() - 1) * search.pageSize());
        String pageSql =
                with
                        + "SELECT "
                        + SummarySql.COLUMNS
                        + " FROM listings l"
                        + join
                        + where
                        + " ORDER BY "
                        + order(sort)
                        + " LIMIT ? OFFSET ?";

        // Without match filters every listing is one row either way: count without the join.
        List<Object> countParams = new ArrayList<>(matchRequired ? matchParams : List.of());
        countParams.addAll(whereParams);
        String countSql =
                matchRequired
                        ? with + "SELECT count(*) FROM listings l" + join + where
                        : "SELECT count(*) FROM listings l" + where;
        return new SearchStatement(pageSql, pageParams, countSql, countParams);
    }

    private static String where(ListingSearch search, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (present(search.text())) {
            // The API refuses more words; other callers get the first ones rather than an error.
            List<String> words =
                    Arrays.stream(search.text().strip().split("\\s+"))
                            .limit(ListingSearch.MAX_TEXT_WORDS)
                            .toList();
            for (String word : words) {
                where.append(" AND (l.title ILIKE ? OR l.description ILIKE ?)");
                String pattern = "%" + likeEscaped(word) + "%";
                params.add(pattern);
                params.add(pattern);
            }
        }
        if (search.minPrice() != null) {
            where.append(" AND l.price >= ?");
            params.add(search.minPrice());
        }
        if (search.maxPrice() != null) {
            where.append(" AND l.price <= ?");
            params.add(search.maxPrice());
        }
        if (present(search.site())) {
            where.append(" AND l.site = ?");
            params.add(search.site());
        }
        return where.toString();
    }

    /** Ties break on the key, so paging is stable. */
    private static String order(ListingSearch.Sort sort) {
        return switch (sort) {
            case NEWEST -> "l.published_at DESC, l.listing_key";
            case PRICE_ASC -> "l.price ASC NULLS LAST, l.listing_key";
            case PRICE_DESC -> "l.price DESC NULLS LAST, l.listing_key";
            case SCORE -> "b.score DESC NULLS LAST, l.published_at DESC, l.listing_key";
        };
    }

    /** A user's % and _ are literal characters, not wildcards (backslash is LIKE's escape). */
    static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
