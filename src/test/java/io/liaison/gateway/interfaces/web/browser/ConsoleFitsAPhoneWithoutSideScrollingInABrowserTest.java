package io.liaison.gateway.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.testing.HeadlessChromium;
import io.liaison.gateway.testing.Notices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A duty officer called at night opens the console on a phone: at 390 × 844 every page of each role fits the
 * screen's width (wide tables scroll inside their own box), so nothing of a row — its state, its TLP — is off to
 * the side where nobody scrolls to.
 */
class ConsoleFitsAPhoneWithoutSideScrollingInABrowserTest {
    @RegisterExtension
    final HeadlessChromium browser = new HeadlessChromium();

    @TempDir
    Path work;

    @Test
    void everyRolesPagesFitAPhonesWidth() throws Exception {
        try (BrowserConsole console = new BrowserConsole(work, browser)) {
            String reference = console.gateway.send(Notices.earlyWarning()).reference();
            console.driver().manage().window().setSize(new Dimension(390, 844));
            Map<String, List<String>> pages = Map.of(
                    "sato", List.of("/board", "/compose", "/notices/" + reference, "/quarantine", "/stats", "/directory", "/reshare"),
                    "ito", List.of("/inbox", "/notices/" + reference),
                    "nakamura", List.of("/incidents", "/incidents/new"));
            List<String> tooWide = new ArrayList<>();
            for (var person : pages.entrySet()) {
                console.actAs(person.getKey());
                for (String path : person.getValue()) {
                    console.open(path);
                    console.until(d -> d.findElement(By.tagName("main")));
                    Object widths = ((JavascriptExecutor) console.driver()).executeScript(
                            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
                    List<?> w = (List<?>) widths;
                    long content = ((Number) w.get(0)).longValue();
                    long screen = ((Number) w.get(1)).longValue();
                    if (content > screen) {
                        tooWide.add(person.getKey() + " " + path + ": " + content + " px wide on a " + screen + " px screen");
                    }
                    if (path.equals("/board")) {
                        browser.screenshot(getClass().getSimpleName() + ".phone-board");
                    }
                }
            }
            assertTrue(tooWide.isEmpty(), "pages wider than the phone:\n" + String.join("\n", tooWide));
        }
    }
}
