package dk.dealfinder.udfs.match;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.DigestSchedule;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SearchArea;
import dk.dealfinder.core.model.SellerType;
import dk.dealfinder.udfs.match.StaticFilter.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaticFilterTest {

    private static final long DAY = StaticFilter.DAY_MILLIS;
    private static final long NOW = 1_000 * DAY;

    /** A query for "iphone" with one of the new filters set; the rest left open. */
    private static SavedQuery query(
            String expression,
            Integer maxAgeDays,
            SearchArea area,
            SellerType seller,
            Long minPrice,
            Long maxPrice) {
        return new SavedQuery(
                "q",
                "user-1",
                "phones",
                "iphone",
                "dba.dk",
                minPrice,
                maxPrice,
                List.of(),
                List.of(),
                expression,
                maxAgeDays,
                area,
                seller,
                null,
                50,
                DigestSchedule.DAILY,
                true,
                true);
    }

    private static SavedQuery open() {
        return query("", null, null, null, null, null);
    }

    private static Listing listing(
            String title, Long price, String postcode, SellerType seller, long ageMillis) {
        return new Listing(
                "dba.dk:1",
                "dba.dk",
                "1",
                "https://www.dba.dk/recommerce/forsale/item/1",
                title,
                "",
                price,
                "DKK",
                postcode == null ? "" : postcode + " By",
                postcode,
                List.of(),
                NOW - ageMillis,
                NOW,
                1,
                seller,
                null);
    }

    private static Listing phone(String title) {
        return listing(title, 2000L, "2100", null, 0);
    }

    private static Outcome check(SavedQuery q, Listing l) {
        return StaticFilter.of(q).check(l);
    }

    @Test
    void theKeywordExpressionMatchesWholeWordsWithAndOrNotAndPhrases() {
        SavedQuery q =
                query(
                        "iphone AND (pro OR max) AND NOT \"revnet skærm\"",
                        null,
                        null,
                        null,
                        null,
                        null);

        assertThat(check(q, phone("iPhone 13 Pro 128GB"))).isEqualTo(Outcome.ACCEPTED);
        assertThat(check(q, phone("IPHONE 12 MAX"))).isEqualTo(Outcome.ACCEPTED);
        assertThat(check(q, phone("iPhone 13 produkt"))).isEqualTo(Outcome.REJECTED);
        assertThat(check(q, phone("iPhone 13 Pro, revnet skærm"))).isEqualTo(Outcome.REJECTED);
        assertThat(check(open(), phone("iPhone 13"))).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void anExpressionThatDoesNotParseMatchesNothing() {
        StaticFilter filter =
                StaticFilter.of(query("iphone AND (pro", null, null, null, null, null));

        assertThat(filter.expressionInvalid()).isTrue();
        assertThat(filter.check(phone("iPhone pro"))).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void maxAgeIsMeasuredAtTheListingsScrapeTimeNotTheWallClock() {
        SavedQuery q = query("", 3, null, null, null, null);

        assertThat(check(q, listing("iPhone", 100L, "2100", null, 3 * DAY)))
                .isEqualTo(Outcome.ACCEPTED);
        assertThat(check(q, listing("iPhone", 100L, "2100", null, 3 * DAY + 1)))
                .isEqualTo(Outcome.REJECTED);
        // Years old by today's wall clock, but one day old when scraped: replays filter alike.
        assertThat(check(q, listing("iPhone", 100L, "2100", null, DAY)))
                .isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void aPostcodeListAcceptsOnlyThosePostcodes() {
        SavedQuery q =
                query(
                        "",
                        null,
                        new SearchArea(List.of("2100", "8000"), null, null),
                        null,
                        null,
                        null);

        assertThat(check(q, listing("iPhone", 100L, "8000", null, 0))).isEqualTo(Outcome.ACCEPTED);
        assertThat(check(q, listing("iPhone", 100L, "8200", null, 0))).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void aRadiusAcceptsPostcodesWhoseCentresAreWithinIt() {
        SavedQuery q = query("", null, new SearchArea(List.of(), "8000", 30), null, null, null);

        assertThat(check(q, listing("iPhone", 100L, "8200", null, 0)))
                .as("Aarhus N")
                .isEqualTo(Outcome.ACCEPTED);
        assertThat(check(q, listing("iPhone", 100L, "8660", null, 0)))
                .as("Skanderborg, ~22 km")
                .isEqualTo(Outcome.ACCEPTED);
        assertThat(check(q, listing("iPhone", 100L, "7100", null, 0)))
                .as("Vejle, ~70 km")
                .isEqualTo(Outcome.REJECTED);
        assertThat(check(q, listing("iPhone", 100L, "3900", null, 0)))
                .as("a postcode that cannot be placed")
                .isEqualTo(Outcome.REJECTED);
    }

    @Test
    void aListOrARadiusEitherLetsAListingThrough() {
        SavedQuery q =
                query("", null, new SearchArea(List.of("3700"), "1000", 20), null, null, null);

        assertThat(check(q, listing("iPhone", 100L, "3700", null, 0))).isEqualTo(Outcome.ACCEPTED);
        assertThat(check(q, listing("iPhone", 100L, "2300", null, 0))).isEqualTo(Outcome.ACCEPTED);
        assertThat(check(q, listing("iPhone", 100L, "5000", null, 0))).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void aListingWithoutAPostcodePassesOnlyAQueryWithoutAnArea() {
        Listing nowhere = listing("iPhone", 100L, null, null, 0);

        assertThat(check(open(), nowhere)).isEqualTo(Outcome.ACCEPTED);
        assertThat(
                        check(
                                query(
                                        "",
                                        null,
                                        new SearchArea(List.of(), "8000", 500),
                                        null,
                                        null,
                                        null),
                                nowhere))
                .isEqualTo(Outcome.REJECTED);
        assertThat(
                        check(
                                query(
                                        "",
                                        null,
                                        new SearchArea(List.of("8000"), null, null),
                                        null,
                                        null,
                                        null),
                                nowhere))
                .isEqualTo(Outcome.REJECTED);
    }

    @Test
    void theSellerTypeFilterPassesUnknownSellers() {
        SavedQuery privateOnly = query("", null, null, SellerType.PRIVATE, null, null);

        assertThat(check(privateOnly, listing("iPhone", 1L, "2100", SellerType.PRIVATE, 0)))
                .isEqualTo(Outcome.ACCEPTED);
        assertThat(check(privateOnly, listing("iPhone", 1L, "2100", SellerType.DEALER, 0)))
                .isEqualTo(Outcome.REJECTED);
        assertThat(check(privateOnly, listing("iPhone", 1L, "2100", null, 0)))
                .isEqualTo(Outcome.ACCEPTED);
        assertThat(check(open(), listing("iPhone", 1L, "2100", SellerType.DEALER, 0)))
                .isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void aPriceOutsideTheRangeIsReportedApartFromOtherFailures() {
        SavedQuery q = query("NOT cover", null, null, null, 1000L, 3000L);

        assertThat(check(q, listing("iPhone", 2000L, "2100", null, 0))).isEqualTo(Outcome.ACCEPTED);
        assertThat(check(q, listing("iPhone", null, "2100", null, 0))).isEqualTo(Outcome.ACCEPTED);
        assertThat(check(q, listing("iPhone", 3500L, "2100", null, 0)))
                .isEqualTo(Outcome.PRICE_OUT_OF_RANGE);
        assertThat(check(q, listing("iPhone", 500L, "2100", null, 0)))
                .isEqualTo(Outcome.PRICE_OUT_OF_RANGE);
        assertThat(check(q, listing("iPhone cover", 3500L, "2100", null, 0)))
                .as("another filter fails too")
                .isEqualTo(Outcome.REJECTED);
    }
}
