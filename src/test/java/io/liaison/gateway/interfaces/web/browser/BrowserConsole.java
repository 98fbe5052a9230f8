package io.liaison.gateway.interfaces.web.browser;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.app.HttpDoors;
import io.liaison.gateway.demo.DemoIdentityProvider;
import io.liaison.gateway.interfaces.http.GatewayHttpServer;
import io.liaison.gateway.testing.EditedDirectory;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real gateway with its HTTP doors as {@code serve} starts them, and the in-process OpenID Connect provider the
 * demo uses, for a real browser. Nothing is stood in for: a person logs in through the provider's form
 * (authorization code with PKCE) and gets the console's session cookie and CSRF token; the browser runs the
 * served script, follows the redirects, submits the forms and listens to the live events.
 */
final class BrowserConsole implements AutoCloseable {
    final GatewayHarness harness;
    final Gateway gateway;
    final GatewayHttpServer server;
    private final DemoIdentityProvider provider;
    private final HeadlessChromium browser;

    BrowserConsole(Path work, HeadlessChromium browser) throws Exception {
        this.browser = browser;
        harness = GatewayHarness.start(work);
        provider = DemoIdentityProvider.start(0);
        // the sample directory's persons log in at the demo's issuer; this provider listens on a free port
        Path directory = EditedDirectory.ofSample(Files.createDirectories(work.resolve("dir")))
                .replace("http://127.0.0.1:8089/demo", provider.issuer()).write();
        Path secret = work.resolve("client-secret.txt");
        Files.writeString(secret, "demo-secret\n");
        Properties p = new Properties();
        p.setProperty("gateway.directory", directory.toString());
        p.setProperty("gateway.http.port", String.valueOf(GatewayHarness.freePort()));
        p.setProperty("gateway.console.oidc.providers", "demo");
        p.setProperty("gateway.console.oidc.demo.issuer", provider.issuer());
        p.setProperty("gateway.console.oidc.demo.client-id", "liaison-gateway");
        p.setProperty("gateway.console.oidc.demo.client-secret-file", secret.toString());
        gateway = harness.gatewayWith(p);
        Properties all = harness.overrides();
        all.putAll(p);
        server = HttpDoors.start(gateway, GatewaySettings.load(Optional.empty(), all));
    }

    WebDriver driver() {
        return browser.driver();
    }

    /**
     * The browser logs out whoever it was and logs in as {@code person} through the provider's form (the
     * directory maps the provider's subject to the person); it lands on that role's home, the header naming them.
     */
    void actAs(String person) {
        driver().manage().deleteAllCookies();
        driver().get(server.baseUrl() + "/login?provider=demo");
        until(d -> !d.findElements(By.name("username")).isEmpty());
        driver().findElement(By.name("username")).sendKeys(person);
        driver().findElement(By.name("username")).submit();
        until(d -> d.getCurrentUrl().startsWith(server.baseUrl())
                && d.findElements(By.tagName("header")).stream().anyMatch(h -> h.getText().contains(person)));
    }

    void open(String path) {
        driver().get(server.baseUrl() + path);
    }

    /**
     * The text of {@code tag} once it contains every one of {@code expected}, read inside the wait: after a submit
     * the old page may still be there, and a live page replaces its main element when it changes.
     */
    String textOnce(String tag, String... expected) {
        return until(d -> {
            String text = d.findElement(By.tagName(tag)).getText();
            return java.util.Arrays.stream(expected).allMatch(text::contains) ? text : null;
        });
    }

    /** The text of the element with {@code className} once it starts with {@code prefix}, read inside the wait. */
    String classTextOnce(String className, String prefix) {
        return until(d -> {
            String text = d.findElement(By.className(className)).getText();
            return text.startsWith(prefix) ? text : null;
        });
    }

    /** Waits (polling the page, at most 30 s) until {@code condition} holds; what the page shows live, not a pause. */
    <T> T until(Function<WebDriver, T> condition) {
        // the live page replaces its main element when it changes: an element found a moment ago may be gone
        return new WebDriverWait(driver(), Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    @Override
    public void close() {
        server.close();
        provider.close();
        harness.close();
    }
}
