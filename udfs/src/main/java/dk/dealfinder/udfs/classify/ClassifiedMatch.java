package dk.dealfinder.udfs.classify;

import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.Verdict;

/**
 * A listing judged against a saved query.
 *
 * @param similarity cosine similarity of query and listing title embeddings
 * @param confidence how sure the classifier is of the verdict, 0..1
 * @param reason one short sentence a user can read
 * @param modelId the model that decided ("rules" when a Danish marker did)
 * @param attributes brand, model, storage, size and condition as far as the classifier read them
 * @param provider which kind of model decided: rules, local, llm, clip or fallback
 * @param priceInRange false for a listing outside the query's price range: it only feeds the market
 *     estimate and is never scored (see {@code QueryMatcher})
 */
public record ClassifiedMatch(
        Listing listing,
        SavedQuery query,
        Verdict verdict,
        double confidence,
        double similarity,
        String reason,
        String modelId,
        ListingAttributes attributes,
        String provider,
        boolean priceInRange) {

    /** A match within the query's price range. */
    public ClassifiedMatch(
            Listing listing,
            SavedQuery query,
            Verdict verdict,
            double confidence,
            double similarity,
            String reason,
            String modelId,
            ListingAttributes attributes,
            String provider) {
        this(
                listing,
                query,
                verdict,
                confidence,
                similarity,
                reason,
                modelId,
                attributes,
                provider,
                true);
    }

    /** A match without attributes, its provider named after its model (tests, the rules path). */
    public ClassifiedMatch(
            Listing listing,
            SavedQuery query,
            Verdict verdict,
            double confidence,
            double similarity,
            String reason,
            String modelId) {
        this(
                listing,
                query,
                verdict,
                confidence,
                similarity,
                reason,
                modelId,
                ListingAttributes.NONE,
                "rules".equals(modelId) ? "rules" : "local");
    }
}
