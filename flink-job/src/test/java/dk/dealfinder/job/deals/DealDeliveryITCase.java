package dk.dealfinder.job.deals;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.Alert;
import dk.dealfinder.core.model.DigestSchedule;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.testkit.Await;
import dk.dealfinder.testkit.marketplace.Catalogue;
import dk.dealfinder.testkit.marketplace.DecoyKind;
import dk.dealfinder.testkit.marketplace.ListingDraft;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Price drops and per-query delivery on the LocalMarketplace with real PostgreSQL, Redis and
 * alert-server: a price drop and a cheaper repost are each alerted once and say what the price was
 * before, a repost at the same price is not, and a query with instant alerts off gets its matches
 * but no alert.
 */
class DealDeliveryITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Duration DEADLINE = ScenarioStack.DEADLINE;

    private ScenarioStack stack;

    @BeforeEach
    void startServices() throws Exception {
        stack = ScenarioStack.start("deal_delivery");
        stack.save(ScenarioStack.IPHONE);
        stack.save(
                new SavedQuery(
                        "quiet",
                        null,
                        "iPhone 13, digest only",
                        "iPhone 13",
                        "dba.dk",
                        null,
                        4000L,
                        List.of(),
                        List.of(),
                        "",
                        null,
                        null,
                        null,
                        null,
                        50,
                        DigestSchedule.HOURLY,
                        false,
                        true));
    }

    @AfterEach
    void stopServices() {
        stack.close();
    }

    @Test
    void priceDropsAndCheaperRepostsAlertOnceWithThePriceBeforeAndQuietQueriesNever()
            throws Exception {
        Catalogue catalogue = stack.marketplace().catalogue();
        JobClient job = stack.startJob(new Configuration());
        try {
            stack.awaitPolls(2);
            long genuine =
                    catalogue.publish(
                            ListingDraft.of("iPhone 13 128GB sort, som ny", 2500)
                                    .withDescription("Kvittering haves."),
                            DecoyKind.GENUINE);
            String first = Alert.idOf("iphone", "dba.dk:" + genuine, 1);
            Await.until(DEADLINE, "the new listing's alert", () -> stack.alerts().size() == 1);

            catalogue.changePrice(genuine, 2000);
            String dropped = Alert.idOf("iphone", "dba.dk:" + genuine, 2);
            Await.until(DEADLINE, "the price drop's alert", () -> stack.alerts().size() == 2);

            long sameRepost = catalogue.repost(genuine);
            Await.until(DEADLINE, "the same-price repost linked", () -> stack.links().size() == 1);
            long cheaperRepost = catalogue.repost(genuine);
            catalogue.changePrice(cheaperRepost, 1500);
            String cheaper = Alert.idOf("iphone", "dba.dk:" + cheaperRepost, 1);
            Await.until(DEADLINE, "the cheaper repost's alert", () -> stack.alerts().size() == 3);
            stack.awaitPolls(3);

            Map<String, String> alerts = stack.alerts();
            assertThat(alerts).containsOnlyKeys(first, dropped, cheaper);
            assertThat(alerts.get(first)).startsWith("38 % under your max price of 4.000 kr.");
            assertThat(alerts.get(dropped))
                    .startsWith("price dropped 20 % from 2.500 kr. · 50 % under your max price");
            assertThat(alerts.get(cheaper))
                    .startsWith(
                            "reposted 25 % under the 2.000 kr. it was offered at before · 63 %"
                                    + " under your max price");
            assertThat(stack.links())
                    .containsOnlyKeys("dba.dk:" + sameRepost, "dba.dk:" + cheaperRepost)
                    .containsValue("dba.dk:" + genuine);
            assertThat(
                            stack.count(
                                    "SELECT count(*) FROM matches WHERE query_id = 'quiet'"
                                            + " AND verdict = 'RELEVANT'"))
                    .isEqualTo(3);
        } finally {
            job.cancel().get();
        }
    }

    /**
     * The scraper's sweeps notice an ad taken down (its item page says inactive): the listing is
     * marked removed in PostgreSQL with a REMOVED version, and comes back as RELISTED when the
     * seller puts it up again; neither is a new alert. The item page's facts are stored too.
     */
    @Test
    void aTakenDownListingIsMarkedRemovedAndItsRelistIsNoNewAlert() throws Exception {
        Catalogue catalogue = stack.marketplace().catalogue();
        JobClient job = stack.startJob(new Configuration());
        try {
            stack.awaitPolls(2);
            long genuine =
                    catalogue.publish(
                            ListingDraft.of("iPhone 13 128GB sort", 2500)
                                    .withPostcode("8000")
                                    .withCondition("Brugt - god stand"),
                            DecoyKind.GENUINE);
            String key = "'dba.dk:" + genuine + "'";
            Await.until(DEADLINE, "the new listing's alert", () -> stack.alerts().size() == 1);
            assertThat(
                            stack.count(
                                    "SELECT count(*) FROM listings WHERE listing_key = "
                                            + key
                                            + " AND condition = 'Brugt - god stand'"
                                            + " AND latitude BETWEEN 56 AND 56.3"
                                            + " AND seller_type IS NOT NULL"))
                    .as("what the item page said is stored with the listing")
                    .isEqualTo(1);

            catalogue.remove(genuine);
            Await.until(
                    DEADLINE,
                    "the listing marked removed",
                    () ->
                            stack.count(
                                            "SELECT count(*) FROM listings WHERE listing_key = "
                                                    + key
                                                    + " AND removed_at IS NOT NULL")
                                    == 1);

            catalogue.relist(genuine);
            Await.until(
                    DEADLINE,
                    "the listing live again",
                    () ->
                            stack.count(
                                                    "SELECT count(*) FROM listings WHERE"
                                                            + " listing_key = "
                                                            + key
                                                            + " AND removed_at IS NULL AND version"
                                                            + " = 3")
                                            == 1
                                    // price_history is another sink: it may land a moment later
                                    && stack.count(
                                                    "SELECT count(*) FROM price_history WHERE"
                                                            + " listing_key = "
                                                            + key)
                                            == 3);
            assertThat(
                            stack.pairs(
                                    "SELECT version::text, change_kind FROM price_history"
                                            + " WHERE listing_key = "
                                            + key))
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of("1", "NEW", "2", "REMOVED", "3", "RELISTED"));
            stack.awaitPolls(3);
            assertThat(stack.alerts()).as("a relist at the same price is no new deal").hasSize(1);
        } finally {
            job.cancel().get();
        }
    }
}
