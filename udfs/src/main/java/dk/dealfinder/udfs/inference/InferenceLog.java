package dk.dealfinder.udfs.inference;

import dk.dealfinder.udfs.classify.ClassifiedMatch;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Passes each judged match on and writes how it was judged to side outputs: every decision to
 * {@link #INFERENCES}, every LLM verdict also to {@link #LABELS} (the examples the local model
 * learns from).
 */
public class InferenceLog extends ProcessFunction<Classification, ClassifiedMatch> {

    public static final OutputTag<InferenceRecord> INFERENCES =
            new OutputTag<>("model-inferences") {};
    public static final OutputTag<LabelRecord> LABELS = new OutputTag<>("labels") {};

    @Override
    public void processElement(Classification c, Context ctx, Collector<ClassifiedMatch> out) {
        InferenceRecord r = c.inference();
        ctx.output(INFERENCES, r);
        if ("llm".equals(r.provider())) {
            ctx.output(
                    LABELS,
                    new LabelRecord(
                            r.queryId(),
                            r.listingKey(),
                            r.listingVersion(),
                            c.match().listing().title(),
                            r.verdict(),
                            "llm",
                            r.modelId(),
                            r.confidence(),
                            r.decidedAt()));
        }
        out.collect(c.match());
    }
}
