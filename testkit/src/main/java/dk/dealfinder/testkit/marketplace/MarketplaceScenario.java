package dk.dealfinder.testkit.marketplace;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the marketplace feel alive for the demo: each tick a few waiting ads go live and, now and
 * then, a price drops, a text is edited, an ad is removed or reposted. All choices come from one
 * seeded {@link Random} on one thread, so a given seed plays out the same way.
 */
final class MarketplaceScenario implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MarketplaceScenario.class);

    /** Keeps the scenario's choices apart from the catalogue's, which use the same seed. */
    private static final long SEED_SALT = 0x5CE7A210L;

    private static final List<String> EDIT_NOTES =
            List.of(
                    "Stadig til salg.",
                    "Prisen er til forhandling.",
                    "Kan også sendes, køber betaler fragt.",
                    "Flere billeder på forespørgsel.");

    private final Catalogue catalogue;
    private final Random random;
    private final Duration tick;
    private ScheduledExecutorService timer;

    MarketplaceScenario(Catalogue catalogue, long seed, Duration tick) {
        this.catalogue = catalogue;
        this.random = new Random(seed ^ SEED_SALT);
        this.tick = tick;
    }

    synchronized void start() {
        if (timer != null) {
            return;
        }
        timer =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "local-marketplace-scenario");
                            thread.setDaemon(true);
                            return thread;
                        });
        timer.scheduleWithFixedDelay(
                this::safeStep, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Scenario started, one step every {}", tick);
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private void safeStep() {
        try {
            step();
        } catch (RuntimeException e) {
            LOG.warn("Scenario step failed, trying again next tick", e);
        }
    }

    /**
     * One tick's worth of change; runs on the scenario thread, or in a test that never starts it.
     */
    synchronized void step() {
        int toPublish = 1 + random.nextInt(3);
        for (int i = 0; i < toPublish; i++) {
            catalogue
                    .publishNextWaiting()
                    .ifPresent(
                            ad ->
                                    LOG.debug(
                                            "Published {} '{}' at {} kr.",
                                            ad.id(),
                                            ad.title(),
                                            ad.price()));
        }
        List<MarketListing> live =
                catalogue.published().stream().filter(MarketListing::active).toList();
        if (live.isEmpty()) {
            return;
        }
        double roll = random.nextDouble();
        MarketListing target = live.get(random.nextInt(live.size()));
        if (roll < 0.10) {
            dropPrice(target);
        } else if (roll < 0.18) {
            String note = EDIT_NOTES.get(random.nextInt(EDIT_NOTES.size()));
            catalogue.edit(target.id(), target.title(), target.description() + " " + note);
            LOG.info("Edited the text of {}", target.id());
        } else if (roll < 0.23) {
            catalogue.remove(target.id());
            LOG.info("Removed {} '{}'", target.id(), target.title());
        } else if (roll < 0.28) {
            repost(target);
        }
    }

    private void dropPrice(MarketListing target) {
        if (target.price() == 0) {
            return;
        }
        long newPrice =
                CatalogueGenerator.roundPrice(target.price() * (0.75 + random.nextDouble() * 0.2));
        if (newPrice < target.price()) {
            catalogue.changePrice(target.id(), newPrice);
            LOG.info(
                    "Price of {} dropped from {} to {} kr.", target.id(), target.price(), newPrice);
        }
    }

    /** Sellers who repost usually take the old ad down, but not always. */
    private void repost(MarketListing target) {
        long newId = catalogue.repost(target.id());
        boolean removeOld = random.nextBoolean();
        if (removeOld) {
            catalogue.remove(target.id());
        }
        LOG.info("Reposted {} as {}{}", target.id(), newId, removeOld ? ", old ad removed" : "");
    }
}
