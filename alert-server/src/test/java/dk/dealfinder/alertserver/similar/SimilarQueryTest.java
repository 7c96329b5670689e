package dk.dealfinder.alertserver.similar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.dealfinder.core.query.DanishPostcodeCentres;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimilarQueryTest {

    @Test
    void readsAListingQueryWithEveryFilter() throws Exception {
        SimilarQuery query =
                SimilarQuery.parse(
                        params(
                                "listing", "dba.dk:123",
                                "minPrice", "500",
                                "maxPrice", "2000",
                                "site", "dba.dk",
                                "postcode", "2100, 8000",
                                "active", "false",
                                "near", "2100",
                                "radiusKm", "30",
                                "limit", "25"));

        assertThat(query)
                .isEqualTo(
                        new SimilarQuery(
                                "dba.dk:123",
                                null,
                                500L,
                                2000L,
                                false,
                                "dba.dk",
                                List.of("2100", "8000"),
                                DanishPostcodeCentres.centre("2100").orElseThrow(),
                                30,
                                25));
    }

    @Test
    void aTextQueryDefaultsToActiveListingsAndTenResults() throws Exception {
        SimilarQuery query = SimilarQuery.parse(params("text", "racercykel"));

        assertThat(query.text()).isEqualTo("racercykel");
        assertThat(query.activeOnly()).isTrue();
        assertThat(query.limit()).isEqualTo(SimilarQuery.DEFAULT_LIMIT);
        assertThat(query.postcodes()).isEmpty();
    }

    @Test
    void refusesWhatItCannotAnswerWithAReason() {
        assertInvalid(params(), "exactly one of");
        assertInvalid(params("listing", "dba.dk:1", "text", "cykel"), "exactly one of");
        assertInvalid(params("text", "x".repeat(1001)), "longer than");
        assertInvalid(params("text", "cykel", "radiusKm", "10"), "go together");
        assertInvalid(params("text", "cykel", "near", "2100"), "go together");
        assertInvalid(params("text", "cykel", "near", "3900", "radiusKm", "10"), "'near'");
        assertInvalid(params("text", "cykel", "near", "2100", "radiusKm", "0"), "'radiusKm'");
        assertInvalid(params("text", "cykel", "minPrice", "billig"), "'minPrice'");
        assertInvalid(params("text", "cykel", "maxPrice", "-5"), "'maxPrice'");
        assertInvalid(params("text", "cykel", "minPrice", "900", "maxPrice", "100"), "above");
        assertInvalid(params("text", "cykel", "postcode", "21OO"), "'postcode'");
        assertInvalid(params("text", "cykel", "limit", "0"), "'limit'");
        assertInvalid(params("text", "cykel", "limit", "101"), "'limit'");
    }

    private static void assertInvalid(Map<String, List<String>> params, String reason) {
        assertThatThrownBy(() -> SimilarQuery.parse(params))
                .isInstanceOf(InvalidSimilarQueryException.class)
                .hasMessageContaining(reason);
    }

    private static Map<String, List<String>> params(String... pairs) {
        Map<String, List<String>> params = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], List.of(pairs[i + 1]));
        }
        return params;
    }
}
