package dk.dealfinder.udfs.change;

import dk.dealfinder.core.model.ChangeKind;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.ListingChange;
import dk.dealfinder.core.model.ListingSignal;
import java.util.Objects;

/** Decides what an observation means given the last remembered version of its listing. */
final class ChangeRules {

    private ChangeRules() {}

    /**
     * The change {@code signal} reveals, or null when it reveals none.
     *
     * @param previous what is remembered about the listing, null when it is unknown
     */
    static ListingChange compare(ChangeDetector.ListingState previous, ListingSignal signal) {
        if (signal.isGone()) {
            if (previous == null || previous.removed()) {
                return null;
            }
            Listing last = previous.last();
            return new ListingChange(
                    last.withVersion(last.version() + 1),
                    ChangeKind.REMOVED,
                    last.price(),
                    signal.observedAt());
        }
        Listing now = signal.listing();
        if (previous != null) {
            now = withUnknownFieldsFrom(previous.last(), now);
        }
        if (previous == null) {
            return new ListingChange(now.withVersion(1), ChangeKind.NEW, null, signal.observedAt());
        }
        Listing last = previous.last();
        ChangeKind kind = previous.removed() ? ChangeKind.RELISTED : contentChange(last, now);
        if (kind == null) {
            return null;
        }
        return new ListingChange(
                now.withVersion(last.version() + 1), kind, last.price(), signal.observedAt());
    }

    /** PRICE_DROP or PRICE_RISE when the price moved, else UPDATED when text or images did. */
    private static ChangeKind contentChange(Listing last, Listing now) {
        if (last.price() != null && now.price() != null && !last.price().equals(now.price())) {
            return now.price() < last.price() ? ChangeKind.PRICE_DROP : ChangeKind.PRICE_RISE;
        }
        boolean changed =
                !Objects.equals(last.price(), now.price())
                        || !Objects.equals(last.title(), now.title())
                        || !Objects.equals(last.description(), now.description())
                        || !Objects.equals(last.condition(), now.condition())
                        || !Objects.equals(last.imageUrls(), now.imageUrls());
        return changed ? ChangeKind.UPDATED : null;
    }

    /**
     * A search result carries no description, category, condition or coordinates and sometimes no
     * images or seller type, while an item page does: a blank field is "not observed this time",
     * not "deleted", so it keeps the last known value.
     */
    private static Listing withUnknownFieldsFrom(Listing last, Listing now) {
        boolean noDescription = now.description() == null || now.description().isBlank();
        boolean noImages = now.imageUrls() == null || now.imageUrls().isEmpty();
        boolean noCoordinates = !now.hasCoordinates();
        return new Listing(
                now.listingKey(),
                now.site(),
                now.adId(),
                now.url(),
                now.title(),
                noDescription ? last.description() : now.description(),
                now.price(),
                now.currency(),
                now.location(),
                now.postcode(),
                noImages ? last.imageUrls() : now.imageUrls(),
                now.publishedAt(),
                now.fetchedAt(),
                now.version(),
                now.sellerType() == null ? last.sellerType() : now.sellerType(),
                now.category() == null ? last.category() : now.category(),
                now.condition() == null ? last.condition() : now.condition(),
                noCoordinates ? last.latitude() : now.latitude(),
                noCoordinates ? last.longitude() : now.longitude());
    }
}
