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
 */
public record ClassifiedMatch(
        Listing listing,
        SavedQuery query,
        Verdict verdict,
        double confidence,
        double similarity,
        String reason,
        String modelId) {}
