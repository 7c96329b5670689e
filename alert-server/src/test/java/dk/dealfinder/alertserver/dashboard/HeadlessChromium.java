package dk.dealfinder.alertserver.dashboard;

import dk.dealfinder.alertserver.AlertServer;
import dk.dealfinder.alertserver.TestBackends.TestUser;
import dk.dealfinder.testkit.Await;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless {@code chromium} driven through {@code chromedriver} (installed by {@code
 * scripts/}; other paths through {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER_BINARY}). Images
 * stay enabled, so a title that smuggled in an {@code <img onerror>} would get to fire.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private static final String CHROMIUM =
            System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium");
    private static final String CHROMEDRIVER =
            System.getenv().getOrDefault("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver");

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Skips the calling test class when the browser is not installed. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "browser tests need chromium and chromedriver (apt-get install chromium"
                        + " chromium-driver, or set CHROMIUM_BINARY and CHROMEDRIVER_BINARY); not"
                        + " found at "
                        + CHROMIUM
                        + " and "
                        + CHROMEDRIVER);
    }

    static HeadlessChromium start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--window-size=1280,900");
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER))
                        .usingAnyFreePort()
                        .build();
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Signs in through the sign-in form, as a person pasting their token. */
    void signIn(AlertServer server, TestUser user) {
        open(server, "/login");
        driver.findElement(By.id("token")).sendKeys(user.token());
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        Await.until(
                WAIT,
                "the dashboard after signing in",
                () -> !driver.findElements(By.id("q")).isEmpty());
    }

    void open(AlertServer server, String path) {
        driver.get(url(server, path));
    }

    static String url(AlertServer server, String path) {
        return server.baseUrl().resolve(path).toString();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
