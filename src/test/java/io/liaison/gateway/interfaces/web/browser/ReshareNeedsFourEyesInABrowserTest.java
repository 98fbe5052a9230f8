package io.liaison.gateway.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.application.PersonId;
import io.liaison.gateway.application.Via;
import io.liaison.gateway.reshare.Grounds;
import io.liaison.gateway.reshare.ReshareProposal;
import io.liaison.gateway.reshare.ReshareRequest;
import io.liaison.gateway.testing.HeadlessChromium;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * In Chromium, the NISC approver sees a re-share with the removals struck through; pressing approve on a
 * proposal recorded as its own is refused (four eyes), on the duty officer's proposal it sends.
 */
class ReshareNeedsFourEyesInABrowserTest {
    private static final String REPORT = "{\"liaison\":1,\"type\":\"incident-report\",\"incident\":\"EP-2026-0100\","
            + "\"contact\":{\"person\":\"山田\",\"means\":[{\"phone\":\"+81312340001\"}]},"
            + "\"summary\":\"制御系サーバの不審な通信\",\"notes\":\"攻撃元 198.51.100.23\"}";

    @RegisterExtension
    final HeadlessChromium browser = new HeadlessChromium();

    @TempDir
    Path work;

    @Test
    void ownProposalRefusedAnothersSent() throws Exception {
        try (BrowserConsole console = new BrowserConsole(work, browser)) {
            var app = console.gateway.application();
            app.fileIncidentReport().file(app.actors().resolvePerson(new PersonId("nakamura"), Via.CONSOLE), REPORT);
            ReshareRequest request = new ReshareRequest("east-power/EP-2026-0100", Optional.empty(), Grounds.VULNERABILITY,
                    Optional.empty(), List.of(), false, List.of());
            ReshareProposal bySato = app.proposeReshare().propose(app.actors().resolvePerson(new PersonId("sato"), Via.CONSOLE), request);
            ReshareProposal byKimura = console.gateway.reshare().propose(request, Optional.of("kimura"));

            console.actAs("kimura");
            console.open("/reshare/" + byKimura.label());
            console.driver().findElement(By.xpath("//form[contains(@action,'/approve')]//button")).click();
            // the refusal in Japanese, naming the rule and the proposal
            String refused = console.textOnce("main", "四つの目の原則", byKimura.label() + " を提案した kimura", "再共有の承認");
            assertFalse(refused.contains("may not"), "the audit trail's English sentence stays off the page: " + refused);
            assertEquals(ReshareProposal.State.PROPOSED, console.gateway.reshare().show(byKimura.label()).state());
            browser.screenshot(getClass().getSimpleName() + ".four-eyes");

            console.open("/reshare/" + bySato.label());
            assertTrue(console.driver().findElements(By.xpath("//del[normalize-space()='198.51.100.23']")).size() > 0,
                    "the removal is shown struck through");
            console.driver().findElement(By.xpath("//form[contains(@action,'/approve')]//button")).click();
            console.classTextOnce("reference", "NISC-");
            assertEquals(ReshareProposal.State.SENT, console.gateway.reshare().show(bySato.label()).state());
        }
    }
}
