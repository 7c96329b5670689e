package dk.dealfinder.udfs.classify;

/** Which kind of model decided a verdict. */
public enum Provider {
    /** A Danish marker ("købes", "defekt", "cover til …") decided; no model ran. */
    RULES,
    /** The in-process embedding model: zero-shot similarity and kNN over labelled examples. */
    LOCAL,
    /** A cloud LLM behind an OpenAI-compatible API. */
    LLM,
    /** CLIP on a Triton server. */
    CLIP,
    /** Nothing could decide in time; a placeholder verdict, logged and retried. */
    FALLBACK;

    /** The lower-case name stored in {@code model_inferences.provider}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
