package dk.dealfinder.scraper.reader;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raised when a site answers with content that parses to zero listings: the signature of a layout
 * change, which must not look like a quiet feed. Counts every occurrence, logs one clear line per
 * site until the site parses again, and exposes a gauge of the sites currently in alarm.
 */
final class LayoutAlarm {

    private static final Logger LOG = LoggerFactory.getLogger(LayoutAlarm.class);

    private final Set<String> sitesInAlarm = new HashSet<>();
    private final Counter alarms;

    LayoutAlarm(MetricGroup metrics) {
        this.alarms = metrics.counter("layoutChangeAlarms");
        metrics.gauge("sitesWithLayoutAlarm", this::sitesInAlarm);
    }

    synchronized void raise(String site, URI page, String snippet) {
        alarms.inc();
        if (sitesInAlarm.add(site)) {
            LOG.error(
                    "LAYOUT CHANGE on {}: {} has content but no listing could be read from it;"
                            + " the adapter needs updating. Page starts: {}",
                    site,
                    page,
                    snippet);
        }
    }

    synchronized void clear(String site) {
        if (sitesInAlarm.remove(site)) {
            LOG.info("Listings on {} can be read again; layout alarm cleared", site);
        }
    }

    synchronized int sitesInAlarm() {
        return sitesInAlarm.size();
    }
}
