package org.parley.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium under Selenium WebDriver, through Debian's chromedriver (both installed by
 * src/test/scripts/install-browser.sh before the tests). The binaries are given to Selenium, so
 * Selenium Manager never tries to download a browser or a driver.
 */
final class Chromium {

    private Chromium() {
    }

    static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions().setBinary(executable("chromium", "chromium-browser", "google-chrome"))
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                        "--window-size=1400,1000");
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(executable("chromedriver")).toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build();
        ChromeDriver browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return browser;
    }

    private static String executable(String... names) {
        return Stream.of(names).flatMap(n -> Stream.of("/usr/bin/" + n, "/usr/local/bin/" + n))
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst()
                .orElseThrow(() -> new IllegalStateException("none of " + String.join(", ", names)
                        + " is installed; run ivr-it/src/test/scripts/install-browser.sh"));
    }
}
