package io.liaison.gateway.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.testing.HeadlessChromium;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The whole login in Chromium, step by step: / sends the visitor through /login to the in-process OpenID
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
        try (BrowserConsole console = new BrowserConsole(work, browser)) {
            String base = console.server.baseUrl();
            var driver = console.driver();
            console.open("/");
            // one provider configured: /login goes straight on to it (with several, a list to choose from)
            if (driver.getCurrentUrl().startsWith(base + "/login")) {
                driver.findElement(By.cssSelector("a[href^='/login?provider=demo']")).click();
            }
            assertTrue(driver.getCurrentUrl().contains("/demo/authorize") && driver.getCurrentUrl().contains("code_challenge="),
                    "at the provider, with PKCE: " + driver.getCurrentUrl());
            console.until(d -> !d.findElements(By.name("username")).isEmpty());
            browser.screenshot(getClass().getSimpleName() + ".provider-form");
            driver.findElement(By.name("username")).sendKeys("sato");
            driver.findElement(By.name("username")).submit();
            console.until(d -> d.getCurrentUrl().startsWith(base + "/board"));
            String header = driver.findElement(By.tagName("header")).getText();
            assertTrue(header.contains("sato") && header.contains("nisc-duty"), header);
            assertTrue(driver.manage().getCookies().stream().anyMatch(c -> c.isHttpOnly()), "the session cookie is HttpOnly");
        }
    }
}
