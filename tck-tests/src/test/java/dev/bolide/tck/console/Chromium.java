package dev.bolide.tck.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through Debian's chromedriver (installed before the tests by the
 * shop's {@code install-chromium}), both named to Selenium so that it downloads nothing.
 */
final class Chromium implements AutoCloseable {
    private final ChromeDriver driver;

    Chromium(Path profile) {
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                // as root, Chromium's sandbox cannot start; the machine's network is closed
                "--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Waits for what the page's script does; generous for a loaded machine. The pages redraw their
     * tables as figures change, so an element found may be gone when read: the condition is tried again.
     */
    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Saves what the browser shows as {@code target/<name>.png}. */
    void screenshot(String name) throws IOException {
        Path target = Files.createDirectories(Path.of("target", "console-screenshots")).resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
