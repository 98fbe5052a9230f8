package io.liaison.gateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for browser tests: Debian's {@code chromium} driven by its own {@code chromedriver},
 * nothing downloaded (Selenium Manager is bypassed by naming the driver and the binary, and told to stay
 * offline). Register with {@code @RegisterExtension}; each test gets a fresh browser and leaves a screenshot in
 * {@code target/screenshots/Class.method.png}, taken before the browser closes, pass or fail, so a failure can be
 * seen. Without chromium the test is skipped, not failed: {@code .ci/run} installs it, a developer's laptop may not.
 */
public final class HeadlessChromium implements BeforeEachCallback, AfterEachCallback {
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private WebDriver driver;

    /** The browser of the running test. */
    public WebDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("no browser: HeadlessChromium must be registered with @RegisterExtension");
        }
        return driver;
    }

    public static boolean available() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(available(), "no " + BINARY + " / " + DRIVER + " here (apt-get install chromium chromium-driver; .ci/run does)");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("selenium.manager.offline", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--lang=ja", "--disable-gpu", "--no-first-run", "--disable-extensions");
        // --lang sets the interface's language; the Accept-Language the console reads comes from this preference
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "ja,en"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (driver == null) {
            return;
        }
        try {
            screenshot(context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
        } finally {
            driver.quit();
            driver = null;
        }
    }

    /** Keeps what the browser shows now as {@code target/screenshots/NAME.png}; returns the file. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((ChromeDriver) driver()).getScreenshotAs(OutputType.BYTES);
        Path file = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        Files.write(file, png);
        return file;
    }
}
