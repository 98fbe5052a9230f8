package io.liaison.gateway.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.intake.NoticeFile;
import io.liaison.gateway.testing.HeadlessChromium;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** In Chromium, the METI liaison opens a notice NISC sent it, sees the gate's verdict, then forwards it once to the power CEPTOAR. */
class LiaisonForwardsInABrowserTest {
    private static final String NOTICE = "kind: provision\nlevel: TLP:AMBER\nfrom: nisc-duty\ntitle: 省庁向け情報提供 / For the ministry\n"
            + "summary: 省庁向け\nbody: |\n  本文\ntarget:\n  organisations: [meti]\n";

    @RegisterExtension
    final HeadlessChromium browser = new HeadlessChromium();

    @TempDir
    Path work;

    @Test
    void verdictThenForward() throws Exception {
        try (BrowserConsole console = new BrowserConsole(work, browser)) {
            var app = console.gateway.application();
            String ref = app.sendNotice().send(app.actors().resolveLocal("sato"),
                    new NoticeFile("meti.yaml", NOTICE.getBytes(StandardCharsets.UTF_8))).reference();
            console.actAs("yamada");
            console.open("/inbox");
            console.textOnce("main", ref); // the liaison's inbox lists the notice its ministry received
            browser.screenshot(getClass().getSimpleName() + ".inbox");
            console.driver().findElement(By.linkText(ref)).click();
            console.until(d -> d.getCurrentUrl().endsWith("/notices/" + ref));
            console.driver().findElement(By.name("to")).sendKeys("power-ceptoar");
            console.driver().findElement(By.xpath("//form[input[@name='step' and @value='preview']]//button")).click();
            console.textOnce("main", "power-ceptoar"); // the verdict names who would get it
            assertEquals(1, hops(console, ref), "the verdict sends nothing");
            browser.screenshot(getClass().getSimpleName() + ".verdict");

            console.driver().findElement(By.xpath("//form[input[@name='step' and @value='send']]//button")).click();
            console.until(d -> d.findElement(By.className("reference")));
            assertEquals(2, hops(console, ref), "forwarded once");
        }
    }

    private static int hops(BrowserConsole console, String ref) {
        return console.gateway.application().noticeStatus().detail(console.gateway.application().actors().resolveLocal("sato"), ref)
                .chain().size();
    }
}
