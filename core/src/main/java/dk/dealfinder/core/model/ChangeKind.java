package dk.dealfinder.core.model;

/** What happened to a listing between two observations of it. */
public enum ChangeKind {
    /** First time the listing is seen. */
    NEW,
    /** The asking price went down. */
    PRICE_DROP,
    /** The asking price went up. */
    PRICE_RISE,
    /** Title, description or images changed; the price did not. */
    UPDATED,
    /** The site says the ad is gone (inactive flag or 404). */
    REMOVED,
    /** A removed ad is live again. */
    RELISTED;

    /** Whether the listing is live after a change of this kind. */
    public boolean live() {
        return this != REMOVED;
    }
}
