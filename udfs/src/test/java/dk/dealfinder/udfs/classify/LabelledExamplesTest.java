package dk.dealfinder.udfs.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.Verdict;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The kNN vote over hand-made unit vectors whose similarities are known. */
class LabelledExamplesTest {

    /** A unit vector at cosine similarity {@code s} to (1, 0). */
    private static float[] at(double s) {
        return new float[] {(float) s, (float) Math.sqrt(1 - s * s)};
    }

    private static final float[] LISTING = {1, 0};

    @Test
    void aNearIdenticalExampleOutweighsManyThatAreMerelyAlike() {
        LabelledExamples examples = new LabelledExamples(100);
        examples.add("q", at(0.99), Verdict.IRRELEVANT);
        for (int i = 0; i < 6; i++) {
            examples.add("q", at(0.8), Verdict.RELEVANT);
        }

        LabelledExamples.Vote vote = examples.vote("q", LISTING, 7, 1).orElseThrow();

        assertThat(vote.verdict()).isEqualTo(Verdict.IRRELEVANT);
        assertThat(vote.share()).isGreaterThan(0.8);
        assertThat(vote.neighbours()).isEqualTo(7);
        assertThat(vote.nearest()).isCloseTo(0.99, Offset.offset(1e-6));
    }

    @Test
    void votesOnlyOnceTheQueryHasEnoughExamples() {
        LabelledExamples examples = new LabelledExamples(100);
        examples.add("q", at(0.9), Verdict.RELEVANT);

        assertThat(examples.vote("q", LISTING, 7, 2)).isEmpty();
        assertThat(examples.vote("other", LISTING, 7, 1)).isEmpty();
        assertThat(examples.vote("q", LISTING, 7, 1))
                .get()
                .extracting(LabelledExamples.Vote::verdict)
                .isEqualTo(Verdict.RELEVANT);
    }

    @Test
    void forgetsTheOldestExamplesOfAQuery() {
        LabelledExamples examples = new LabelledExamples(2);
        examples.add("q", at(0.99), Verdict.BROKEN);
        examples.add("q", at(0.5), Verdict.RELEVANT);
        examples.add("q", at(0.5), Verdict.RELEVANT);

        assertThat(examples.count("q")).isEqualTo(2);
        assertThat(examples.vote("q", LISTING, 7, 1).orElseThrow().verdict())
                .isEqualTo(Verdict.RELEVANT);
    }
}
