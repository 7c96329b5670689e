package dk.dealfinder.core.model;

/**
 * A listing recognised as the same item as an earlier one: a repost under a new id, or the same
 * item posted on another site. Stored in PostgreSQL {@code repost_links}; the repost is not a new
 * deal.
 *
 * @param repostKey listing key of the later listing
 * @param originalKey listing key of the earliest listing it matched
 * @param imageDistance Hamming distance between the two first images' difference hashes
 * @param linkedAt epoch millis when the later listing was seen
 */
public record RepostLink(String repostKey, String originalKey, int imageDistance, long linkedAt) {}
