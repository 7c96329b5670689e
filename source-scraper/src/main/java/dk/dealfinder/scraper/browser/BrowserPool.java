package dk.dealfinder.scraper.browser;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded pool of headless chromium browsers driven by chromedriver, started on first use and
 * reused across pages. A browser that fails is quit and replaced by a fresh one later. Images are
 * not loaded: only the document matters, and every image would be one more request to the site.
 */
public final class BrowserPool implements PageRenderer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserPool.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** Flags that make Debian's chromium run headless in a container, quietly. */
    static final List<String> FLAGS =
            List.of(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--blink-settings=imagesEnabled=false");

    private final BrowserSettings settings;
    private final String userAgent;
    private final String proxy;
    private final BlockingQueue<ChromeDriver> idle = new LinkedBlockingQueue<>();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger alive = new AtomicInteger();

    /** {@code proxy} as {@code host:port}, or null for a direct connection. */
    public BrowserPool(BrowserSettings settings, String userAgent, String proxy) {
        this.settings = settings;
        this.userAgent = userAgent;
        this.proxy = proxy;
    }

    @Override
    public String render(URI uri, String readySelector) throws IOException, InterruptedException {
        ChromeDriver driver = borrow();
        try {
            driver.get(uri.toString());
            long deadline = System.nanoTime() + settings.pageTimeout().toNanos();
            while (driver.findElements(By.cssSelector(readySelector)).isEmpty()
                    && System.nanoTime() < deadline) {
                LockSupport.parkNanos(POLL_NANOS);
                if (Thread.interrupted()) {
                    throw new InterruptedException("rendering " + uri);
                }
            }
            String html = driver.getPageSource();
            idle.add(driver);
            return html;
        } catch (WebDriverException e) {
            discard(driver);
            throw new IOException("browser failed on " + uri + ": " + e.getRawMessage(), e);
        }
    }

    private ChromeDriver borrow() throws IOException, InterruptedException {
        ChromeDriver driver = idle.poll();
        if (driver != null) {
            return driver;
        }
        if (alive.incrementAndGet() <= settings.poolSize()) {
            try {
                return start();
            } catch (WebDriverException e) {
                alive.decrementAndGet();
                throw new IOException("could not start chromium: " + e.getRawMessage(), e);
            }
        }
        alive.decrementAndGet();
        driver = idle.poll(settings.pageTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (driver == null) {
            throw new IOException("no browser free within " + settings.pageTimeout());
        }
        return driver;
    }

    private ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(settings.chromiumBinary());
        options.addArguments(FLAGS);
        options.addArguments("--user-agent=" + userAgent);
        if (proxy != null) {
            options.addArguments("--proxy-server=http://" + proxy);
        }
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(settings.chromedriverBinary()))
                        .usingAnyFreePort()
                        .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(settings.pageTimeout());
        started.incrementAndGet();
        LOG.info("Started headless chromium {} of at most {}", alive.get(), settings.poolSize());
        return driver;
    }

    private void discard(ChromeDriver driver) {
        alive.decrementAndGet();
        try {
            driver.quit();
        } catch (WebDriverException e) {
            LOG.debug("Browser did not quit cleanly: {}", e.getRawMessage());
        }
    }

    /** How many browsers this pool has started so far. */
    public int started() {
        return started.get();
    }

    @Override
    public void close() {
        ChromeDriver driver;
        while ((driver = idle.poll()) != null) {
            discard(driver);
        }
    }
}
