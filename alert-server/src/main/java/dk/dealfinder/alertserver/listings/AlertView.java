package dk.dealfinder.alertserver.listings;

/** A past alert of one of the caller's saved queries, from PostgreSQL's alert history. */
public record AlertView(
        String alertId,
        String queryId,
        String queryName,
        String listingKey,
        String title,
        Long price,
        String currency,
        String url,
        String imageUrl,
        double score,
        String explanation,
        long publishedAt,
        long createdAt) {}
