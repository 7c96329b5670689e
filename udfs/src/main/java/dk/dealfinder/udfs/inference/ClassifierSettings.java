package dk.dealfinder.udfs.inference;

import dk.dealfinder.core.embedding.EmbeddingModelSpec;
import dk.dealfinder.udfs.async.BatchSettings;
import dk.dealfinder.udfs.classify.LocalSettings;
import dk.dealfinder.udfs.inference.llm.LlmSettings;
import dk.dealfinder.udfs.inference.triton.ClipSettings;
import java.io.Serializable;

/**
 * Everything the async classifier needs.
 *
 * @param embedding the local classifier's embedding model
 * @param llm the cloud LLM, or null for none (AUTO then stays local)
 * @param clip CLIP on Triton, or null for none (CLIP-mode queries then stay local)
 * @param labels where the labelled examples are kept, or null to start the kNN vote empty
 */
public record ClassifierSettings(
        BatchSettings batching,
        LocalSettings local,
        EmbeddingModelSpec embedding,
        RoutingSettings routing,
        LlmSettings llm,
        ClipSettings clip,
        LabelStore labels)
        implements Serializable {}
