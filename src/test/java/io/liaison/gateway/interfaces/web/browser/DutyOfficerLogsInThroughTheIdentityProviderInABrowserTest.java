package io.liaison.gateway.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole login in Chromium, no stand-in: / sends the visitor through /login to the in-process OpenID
 * Connect provider's form (authorization code with PKCE), the duty officer types "sato", and the browser comes back with a
 * session on the duty board, the header naming sato.
 */
class DutyOfficerLogsInThroughTheIdentityProviderInABrowserTest {
    @RegisterExtension
    final HeadlessChromium browser = new HeadlessChromium();

    @TempDir
    Path work;

    @Test
    void logsInThroughTheProvidersFormAndLandsOnTheBoard() throws Exception {
        try (GatewayHarness harness = GatewayHarness.start(work);
             DemoIdentityProvider provider = DemoIdentityProvider.start(0)) {
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
            Gateway gateway = harness.gatewayWith(p);
            Properties all = harness.overrides();
            all.putAll(p);
            try (GatewayHttpServer server = HttpDoors.start(gateway, GatewaySettings.load(Optional.empty(), all))) {
                var driver = browser.driver();
                driver.get(server.baseUrl() + "/");
                // one provider configured: /login goes straight on to it (with several, a list to choose from)
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                if (driver.getCurrentUrl().startsWith(server.baseUrl() + "/login")) {
                    driver.findElement(By.cssSelector("a[href^='/login?provider=demo']")).click();
                }
                assertTrue(driver.getCurrentUrl().contains("/demo/authorize") && driver.getCurrentUrl().contains("code_challenge="),
                        "at the provider, with PKCE: " + driver.getCurrentUrl());
                wait.until(d -> !d.findElements(By.name("username")).isEmpty());
                browser.screenshot(getClass().getSimpleName() + ".provider-form");
                driver.findElement(By.name("username")).sendKeys("sato");
                driver.findElement(By.name("username")).submit();
                wait.until(d -> d.getCurrentUrl().startsWith(server.baseUrl() + "/board"));
                String header = driver.findElement(By.tagName("header")).getText();
                assertTrue(header.contains("sato") && header.contains("nisc-duty"), header);
                assertTrue(driver.manage().getCookies().stream().anyMatch(c -> c.isHttpOnly()), "the session cookie is HttpOnly");
            }
        }
    }
}
