package dk.dealfinder.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.DigestSchedule;
import dk.dealfinder.core.model.ModelMode;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SearchArea;
import dk.dealfinder.core.model.SellerType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SavedQueryRulesTest {

    private static final Set<String> SITES = Set.of("dba.dk");

    private static SavedQuery query(
            String terms, Long min, Long max, String expression, Integer maxAge, SearchArea area) {
        return new SavedQuery(
                "q",
                "u",
                terms,
                terms,
                "dba.dk",
                min,
                max,
                List.of(),
                List.of(),
                expression,
                maxAge,
                area,
                SellerType.PRIVATE,
                ModelMode.AUTO,
                60,
                DigestSchedule.HOURLY,
                true,
                true);
    }

    @Test
    void aCompleteQueryIsValid() {
        SavedQuery q =
                query(
                        "iphone 13",
                        1000L,
                        4000L,
                        "iphone AND NOT defekt",
                        7,
                        new SearchArea(List.of("2100", "8000"), "2100", 25));
        assertThat(SavedQueryRules.check(q, SITES)).isEmpty();
    }

    @Test
    void everyProblemIsNamedByItsField() {
        SavedQuery q =
                new SavedQuery(
                        "q",
                        null,
                        "",
                        " ",
                        "ebay.com",
                        -5L,
                        -1L,
                        List.of("ok", " "),
                        List.of("x".repeat(51)),
                        "iphone AND",
                        0,
                        new SearchArea(List.of("21000"), "abc", 900),
                        null,
                        null,
                        101,
                        null,
                        true,
                        true);

        assertThat(SavedQueryRules.check(q, SITES))
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(
                        "name",
                        "terms",
                        "site",
                        "minPrice",
                        "maxPrice",
                        "includeKeywords[1]",
                        "excludeKeywords[0]",
                        "keywordExpression",
                        "maxAgeDays",
                        "postcodes[0]",
                        "nearPostcode",
                        "radiusKm",
                        "alertThreshold");
    }

    @Test
    void minAboveMaxAndAHalfGivenRadiusAreRefused() {
        assertThat(
                        SavedQueryRules.check(
                                query("cykel", 500L, 100L, "", null, SearchArea.ANYWHERE), SITES))
                .containsExactly(
                        new FieldProblem("maxPrice", "must not be below minPrice (100 < 500)"));
        assertThat(
                        SavedQueryRules.check(
                                query(
                                        "cykel",
                                        null,
                                        null,
                                        "",
                                        null,
                                        new SearchArea(null, "2100", null)),
                                SITES))
                .extracting(FieldProblem::field)
                .containsExactly("radiusKm");
    }
}
