package dk.dealfinder.scraper.fetch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.flink.util.Preconditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each request through the next healthy proxy of a configured list, round robin. A proxy that
 * cannot be reached is benched for a while and then tried again; when every proxy is benched, the
 * one whose bench ends first is used rather than failing outright.
 */
public final class ProxyRotation implements HttpTransport {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyRotation.class);

    private final List<Proxy> proxies = new ArrayList<>();
    private final long benchNanos;
    private final LongSupplier nanoTime;
    private int next;

    private static final class Proxy {
        final String address;
        final HttpTransport transport;
        long benchedUntil = Long.MIN_VALUE;

        Proxy(String address, HttpTransport transport) {
            this.address = address;
            this.transport = transport;
        }
    }

    /** {@code proxies} as {@code host:port}; each gets its own client and connection pool. */
    public ProxyRotation(
            List<String> proxies, Duration connectTimeout, Duration bench, LongSupplier nanoTime) {
        Preconditions.checkArgument(!proxies.isEmpty(), "proxy rotation needs at least one proxy");
        for (String address : proxies) {
            this.proxies.add(new Proxy(address, transportVia(address, connectTimeout)));
        }
        this.benchNanos = bench.toNanos();
        this.nanoTime = nanoTime;
    }

    private static HttpTransport transportVia(String address, Duration connectTimeout) {
        int colon = address.lastIndexOf(':');
        Preconditions.checkArgument(colon > 0, "a proxy is host:port, got '%s'", address);
        InetSocketAddress socket =
                InetSocketAddress.createUnresolved(
                        address.substring(0, colon),
                        Integer.parseInt(address.substring(colon + 1)));
        return JdkHttpTransport.viaProxy(connectTimeout, ProxySelector.of(socket));
    }

    @Override
    public FetchedPage get(URI uri, String accept, String userAgent, Duration timeout)
            throws IOException, InterruptedException {
        Proxy proxy = choose();
        try {
            return proxy.transport.get(uri, accept, userAgent, timeout);
        } catch (IOException e) {
            bench(proxy, e);
            throw e;
        }
    }

    private synchronized Proxy choose() {
        long now = nanoTime.getAsLong();
        Proxy soonest = null;
        for (int i = 0; i < proxies.size(); i++) {
            Proxy candidate = proxies.get((next + i) % proxies.size());
            if (candidate.benchedUntil <= now) {
                next = (proxies.indexOf(candidate) + 1) % proxies.size();
                return candidate;
            }
            if (soonest == null || candidate.benchedUntil < soonest.benchedUntil) {
                soonest = candidate;
            }
        }
        return soonest;
    }

    private synchronized void bench(Proxy proxy, IOException cause) {
        proxy.benchedUntil = nanoTime.getAsLong() + benchNanos;
        LOG.warn(
                "Proxy {} benched for {}s: {}",
                proxy.address,
                benchNanos / 1_000_000_000L,
                cause.toString());
    }

    /** How many proxies are not benched now. */
    public synchronized int healthy() {
        long now = nanoTime.getAsLong();
        return (int) proxies.stream().filter(p -> p.benchedUntil <= now).count();
    }
}
