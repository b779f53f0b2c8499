package dev.bolide.shop.it;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium without a screen, driven through its own chromedriver (both installed by
 * {@code src/it/install-chromium} before the tests): Selenium is told both paths, so it never looks
 * for a browser or driver to download.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final String BROWSER = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    public static HeadlessChromium start() {
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER).addArguments(
                "--headless=new",
                // the build runs as root, where Chromium's sandbox cannot start
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Waits for what the page's scripts do after a click; generous for a loaded machine. */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
