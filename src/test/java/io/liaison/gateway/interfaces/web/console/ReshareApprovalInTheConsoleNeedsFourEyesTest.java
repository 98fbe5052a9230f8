package io.liaison.gateway.interfaces.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.application.Actor;
import io.liaison.gateway.application.Application;
import io.liaison.gateway.application.PersonId;
import io.liaison.gateway.application.Via;
import io.liaison.gateway.reshare.Grounds;
import io.liaison.gateway.reshare.ReshareProposal;
import io.liaison.gateway.reshare.ReshareRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-share proposal in the console shows every removal (the original struck through, its replacement
 * beside it) and an approve button for the NISC approver; the duty officer who proposed it is refused
 * (their role does not approve), an approver recorded as its proposer is refused by four eyes, and
 * another approver's approval sends it.
 */
class ReshareApprovalInTheConsoleNeedsFourEyesTest {
    @TempDir
    Path work;

    private static final String REPORT = "{\"liaison\":1,\"type\":\"incident-report\",\"incident\":\"EP-2026-0100\","
            + "\"contact\":{\"person\":\"山田\",\"means\":[{\"phone\":\"+81312340001\"}]},"
            + "\"summary\":\"制御系サーバの不審な通信\",\"notes\":\"攻撃元 198.51.100.23、連絡先 soc@east-power.sample.invalid\"}";

    @Test
    void theProposerIsRefusedAndAnotherApproverSends() throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(work)) {
            Application app = console.gateway.application();
            Actor nakamura = app.actors().resolvePerson(new PersonId("nakamura"), Via.CONSOLE);
            app.fileIncidentReport().file(nakamura, REPORT);
            Actor sato = app.actors().resolvePerson(new PersonId("sato"), Via.CONSOLE);
            ReshareProposal proposal = app.proposeReshare().propose(sato, new ReshareRequest("east-power/EP-2026-0100",
                    Optional.empty(), Grounds.VULNERABILITY, Optional.empty(), List.of(), false, List.of()));

            HttpResponse<String> page = console.get("kimura", "/reshare/" + proposal.label());
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("<del>198.51.100.23</del>"), "every removal highlighted: " + page.body());
            assertTrue(page.body().contains("/reshare/" + proposal.label() + "/approve"), "the approver gets the button");
            assertTrue(!console.get("sato", "/reshare/" + proposal.label()).body().contains("/approve\""), "the duty officer does not");

            HttpResponse<String> bySato = console.post("sato", "/reshare/" + proposal.label() + "/approve", ConsoleFixture.form());
            assertEquals(403, bySato.statusCode(), bySato.body());
            assertTrue(bySato.body().contains("当番（NISC）の sato には「再共有の承認」の権限がありません。"), bySato.body());
            assertEquals(ReshareProposal.State.PROPOSED, console.gateway.reshare().show(proposal.label()).state());

            ReshareProposal kimurasOwn = console.gateway.reshare().propose(new ReshareRequest("east-power/EP-2026-0100",
                    Optional.empty(), Grounds.VULNERABILITY, Optional.empty(), List.of(), false, List.of()), Optional.of("kimura"));
            HttpResponse<String> ownByKimura = console.post("kimura", "/reshare/" + kimurasOwn.label() + "/approve", ConsoleFixture.form());
            assertEquals(403, ownByKimura.statusCode(), ownByKimura.body());
            assertTrue(ownByKimura.body().contains("四つの目の原則：" + kimurasOwn.label() + " を提案した kimura"), ownByKimura.body());

            HttpResponse<String> byKimura = console.post("kimura", "/reshare/" + proposal.label() + "/approve", ConsoleFixture.form());
            assertEquals(200, byKimura.statusCode(), byKimura.body());
            assertEquals(ReshareProposal.State.SENT, console.gateway.reshare().show(proposal.label()).state());
            assertTrue(byKimura.body().contains("class=\"reference\">NISC-"), byKimura.body());
        }
    }
}
