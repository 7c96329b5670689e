package dk.dealfinder.udfs.score;

import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.query;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.Alert;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.classify.ClassifiedMatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class DealScorerTest {

    private static ClassifiedMatch match(Verdict verdict, double confidence, long price) {
        return new ClassifiedMatch(
                listing("1", "iPhone 13", price),
                query("phone", "iPhone 13", 4000L, List.of()),
                verdict,
                confidence,
                confidence,
                "matches 'iPhone 13' (similarity 0.80)",
                "m");
    }

    @Test
    void cheaperScoresHigherAndTheExplanationSaysWhy() {
        ScoredDeal cheap = new DealScorer().map(match(Verdict.RELEVANT, 0.8, 1000));
        ScoredDeal atMax = new DealScorer().map(match(Verdict.RELEVANT, 0.8, 4000));

        assertThat(cheap.score()).isEqualTo(83.0);
        assertThat(atMax.score()).isEqualTo(68.0);
        assertThat(cheap.explanation()).endsWith("75 % under your max price of 4.000 kr.");
        assertThat(cheap.alertWorthy()).isTrue();
    }

    @Test
    void anythingNotRelevantScoresZero() {
        ScoredDeal s = new DealScorer().map(match(Verdict.ACCESSORY, 0.9, 10));
        assertThat(s.score()).isZero();
        assertThat(s.alertWorthy()).isFalse();
    }

    @Test
    void alertIdIsStableForQueryListingAndVersion() {
        Alert a = new DealScorer().map(match(Verdict.RELEVANT, 0.8, 1000)).toAlert(1);
        Alert b = new DealScorer().map(match(Verdict.RELEVANT, 0.8, 1000)).toAlert(2);
        assertThat(a.alertId())
                .isEqualTo(b.alertId())
                .isEqualTo(Alert.idOf("phone", "dba.dk:1", 1));
        assertThat(Alert.idOf("phone", "dba.dk:1", 2)).isNotEqualTo(a.alertId());
    }
}
