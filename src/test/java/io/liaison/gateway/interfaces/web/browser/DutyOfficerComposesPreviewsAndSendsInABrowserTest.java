package io.liaison.gateway.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.application.NoticeSummary;
import io.liaison.gateway.testing.HeadlessChromium;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * In Chromium, NISC's duty officer fills the compose form, sees the preview (recipients, markings) with nothing
 * sent, presses send once, and lands on the sent notice's reference; exactly one notice went out.
 */
class DutyOfficerComposesPreviewsAndSendsInABrowserTest {
    private static final String TITLE = "ブラウザからの早期警戒 / Early warning from a browser";

    @RegisterExtension
    final HeadlessChromium browser = new HeadlessChromium();

    @TempDir
    Path work;

    @Test
    void composePreviewThenSend() throws Exception {
        try (BrowserConsole console = new BrowserConsole(work, browser)) {
            console.actAs("sato");
            assertTrue(console.driver().getCurrentUrl().endsWith("/board"), "the duty officer's home: " + console.driver().getCurrentUrl());
            console.open("/compose");
            new Select(console.driver().findElement(By.name("kind"))).selectByValue("early-warning");
            new Select(console.driver().findElement(By.name("level"))).selectByValue("TLP:AMBER");
            console.driver().findElement(By.name("title")).sendKeys(TITLE);
            console.driver().findElement(By.name("summary")).sendKeys("電力制御系への攻撃の兆候");
            console.driver().findElement(By.name("body")).sendKeys("本文 / body");
            console.driver().findElement(By.name("sectors")).sendKeys("electric-power");
            submit(console, "preview");

            console.textOnce("main", "east-power", "power-ceptoar", "TLP:AMBER"); // the exact recipients and the marking
            assertEquals(0, sent(console).size(), "a preview sends nothing");
            browser.screenshot(getClass().getSimpleName() + ".preview");

            submit(console, "send");
            String reference = console.classTextOnce("reference", "NISC-");
            assertEquals(List.of(reference), sent(console).stream().map(NoticeSummary::reference).toList(), "sent once");
        }
    }

    /** Presses the submit button of the form whose hidden step is {@code step}. */
    private static void submit(BrowserConsole console, String step) {
        WebElement form = console.driver().findElement(By.xpath("//form[input[@name='step' and @value='" + step + "']]"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static List<NoticeSummary> sent(BrowserConsole console) {
        return console.gateway.application().noticeStatus().inbox(console.gateway.application().actors().resolveLocal("sato")).stream()
                .filter(n -> n.title().equals(TITLE)).toList();
    }
}
