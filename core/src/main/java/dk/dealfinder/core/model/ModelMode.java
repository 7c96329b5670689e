package dk.dealfinder.core.model;

/** How a saved query's listings are judged (chosen per saved query). */
public enum ModelMode {
    /** The local model only: free, private, fast. */
    LOCAL,
    /** Cache, then the local model, then the LLM for what the local model is unsure about. */
    AUTO,
    /** The cloud LLM for every listing (while the daily budget lasts). */
    LLM,
    /** CLIP on Triton, judging the first photo (local model when there is none). */
    CLIP
}
