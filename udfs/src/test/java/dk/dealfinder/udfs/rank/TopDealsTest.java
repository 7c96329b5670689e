package dk.dealfinder.udfs.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.Alert;
import org.junit.jupiter.api.Test;

class TopDealsTest {

    private static Alert alert(String adId, int version, double score) {
        String key = "dba.dk:" + adId;
        return new Alert(
                Alert.idOf("q", key, version),
                "q",
                "q",
                key,
                version,
                "t",
                1L,
                "DKK",
                "u",
                null,
                score,
                "why",
                0,
                0,
                0);
    }

    @Test
    void keepsTheBestNWithOneVersionPerListing() {
        TopDeals top =
                TopDeals.empty(2)
                        .with(alert("1", 1, 50))
                        .with(alert("2", 1, 70))
                        .with(alert("1", 2, 90))
                        .with(alert("1", 3, 40))
                        .with(alert("3", 1, 60));

        assertThat(top.best())
                .extracting(Alert::listingKey, Alert::listingVersion)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dba.dk:1", 2),
                        org.assertj.core.groups.Tuple.tuple("dba.dk:2", 1));
    }

    @Test
    void mergingIsTheSameAsAddingOneByOne() {
        TopDeals left = TopDeals.empty(3).with(alert("1", 1, 50)).with(alert("2", 1, 70));
        TopDeals right = TopDeals.empty(3).with(alert("1", 2, 80)).with(alert("3", 1, 10));

        assertThat(left.merge(right).best())
                .extracting(Alert::listingKey)
                .containsExactly("dba.dk:1", "dba.dk:2", "dba.dk:3");
    }
}
