package dk.dealfinder.sink.qdrant;

import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.SellerType;
import java.util.List;

/** Small embedded listings with deterministic vectors, for sink tests that need no model. */
final class TestListings {

    static final int DIMENSION = 16;
    static final String MODEL_ID = "test-model";

    private TestListings() {}

    static EmbeddedListing embedded(int adNumber, int version) {
        String adId = "ad" + adNumber;
        Listing listing =
                new Listing(
                        Listing.keyOf("dba.dk", adId),
                        "dba.dk",
                        adId,
                        "https://www.dba.dk/recommerce/forsale/item/" + adNumber,
                        "Cykel nummer " + adNumber,
                        "Pæn stand",
                        1000L + adNumber,
                        "DKK",
                        "København",
                        "2100",
                        List.of(),
                        1_767_225_600_000L + adNumber * 60_000L,
                        1_767_225_600_000L,
                        version,
                        SellerType.PRIVATE,
                        "Cykler");
        return new EmbeddedListing(listing, vector(adNumber), MODEL_ID);
    }

    /** A unit vector pointing a little differently for every ad. */
    static float[] vector(int adNumber) {
        float[] vector = new float[DIMENSION];
        vector[adNumber % DIMENSION] = 1f;
        vector[(adNumber / DIMENSION) % DIMENSION] += 0.5f;
        float norm = 0;
        for (float f : vector) {
            norm += f * f;
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }
}
