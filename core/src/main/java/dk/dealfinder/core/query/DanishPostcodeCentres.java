package dk.dealfinder.core.query;

import java.util.OptionalDouble;

/**
 * Where a Danish postcode lies, to tell whether a listing is within a saved query's radius.
 *
 * <p>STUB: to be filled in with a table of postcode-area centres (see issue 7 notes).
 */
public final class DanishPostcodeCentres {

    private DanishPostcodeCentres() {}

    /** Whether the postcode can be placed on the map. */
    public static boolean knows(String postcode) {
        return postcode != null && postcode.matches("[1-9]\\d{3}");
    }

    /** Great-circle distance in km between two postcodes' centres; empty if either is unknown. */
    public static OptionalDouble distanceKm(String from, String to) {
        return OptionalDouble.empty();
    }
}
