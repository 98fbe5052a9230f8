package io.liaison.gateway.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.application.PersonId;
import io.liaison.gateway.application.Via;
import io.liaison.gateway.testing.HeadlessChromium;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** In Chromium, East Power's SOC opens its incident, presses "next report" and files the 第2報 in the form; the thread has two. */
class OperatorFilesASecondReportInABrowserTest {
    private static final String FIRST = "{\"liaison\":1,\"type\":\"incident-report\",\"incident\":\"EP-2026-0042\","
            + "\"contact\":{\"person\":\"山田 (SOC当番)\",\"means\":[{\"phone\":\"+81312340001\"}]},\"summary\":\"制御系サーバの不審な通信\"}";

    @RegisterExtension
    final HeadlessChromium browser = new HeadlessChromium();

    @TempDir
    Path work;

    @Test
    void secondReportFiledInTheForm() throws Exception {
        try (BrowserConsole console = new BrowserConsole(work, browser)) {
            var app = console.gateway.application();
            app.fileIncidentReport().file(app.actors().resolvePerson(new PersonId("nakamura"), Via.CONSOLE), FIRST);
            console.actAs("nakamura");
            console.open("/incidents/new?incident=EP-2026-0042");
            assertEquals("EP-2026-0042", console.driver().findElement(By.name("incident")).getAttribute("value"));
            console.driver().findElement(By.name("contact.person")).sendKeys("山田 (SOC当番)");
            console.driver().findElement(By.name("contact.email")).sendKeys("soc@east-power.example");
            console.driver().findElement(By.xpath("//form[@action='/incidents/new']//button[@type='submit']")).click();
            console.textOnce("main", "第2報として受け付けました");
            var thread = app.incidentView().thread(app.actors().resolvePerson(new PersonId("sato"), Via.CONSOLE), "east-power/EP-2026-0042");
            assertEquals(2, thread.reports().size(), "第1報 and the 第2報 from the form");
        }
    }
}
