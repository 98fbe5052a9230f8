package io.liaison.gateway.interfaces.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's re-share page lists the proposals awaiting a decision, each linked; the proposal's page gives
 * the NISC approver a reject form (POST with the CSRF token and a reason) beside the approve button, and the
 * duty officer neither. A rejection without a reason is a 400 naming the field, with nothing stored; with one, the
 * proposal is rejected, says by whom and why, leaves the pending list, and offers no form any more. Labels in
 * both languages.
 */
class ApproverRejectsAReshareInTheConsoleWithAReasonTest {
    @TempDir
    Path work;

    private static final String REPORT = "{\"liaison\":1,\"type\":\"incident-report\",\"incident\":\"EP-2026-0101\","
            + "\"contact\":{\"person\":\"山田\",\"means\":[{\"phone\":\"+81312340001\"}]},"
            + "\"summary\":\"制御系サーバの不審な通信\",\"notes\":\"攻撃元 198.51.100.23\"}";

    @Test
    void theApproverRejectsWithAReasonAndTheProposalLeavesThePendingList() throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(work)) {
            Application app = console.gateway.application();
            app.fileIncidentReport().file(app.actors().resolvePerson(new PersonId("nakamura"), Via.CONSOLE), REPORT);
            Actor sato = app.actors().resolvePerson(new PersonId("sato"), Via.CONSOLE);
            ReshareProposal proposal = app.proposeReshare().propose(sato, new ReshareRequest("east-power/EP-2026-0101",
                    Optional.empty(), Grounds.THREAT, Optional.empty(), List.of(), false, List.of()));
            String page = "/reshare/" + proposal.label();

            HttpResponse<String> pending = console.get("kimura", "/reshare");
            assertEquals(200, pending.statusCode(), pending.body());
            assertTrue(pending.body().contains("href=\"" + page + "\""), "each pending proposal is linked: " + pending.body());
            assertTrue(pending.body().contains("east-power/EP-2026-0101"), pending.body());
            HttpResponse<String> english = console.get("kimura", "/reshare", Map.of("Cookie", ConsoleDoor.LANGUAGE_COOKIE + "=en"));
            assertTrue(english.body().contains("Awaiting a decision"), english.body());
            assertTrue(pending.body().contains("判断待ちの再共有案"), pending.body());

            String forKimura = console.get("kimura", page).body();
            assertTrue(forKimura.contains("action=\"" + page + "/reject\"") && forKimura.contains("name=\"reason\""),
                    "the approver gets the reject form: " + forKimura);
            assertTrue(forKimura.contains("action=\"" + page + "/approve\""), "beside the approve button");
            String forSato = console.get("sato", page).body();
            assertFalse(forSato.contains("/reject\""), "the duty officer gets no reject form");

            HttpResponse<String> bySato = console.post("sato", page + "/reject", ConsoleFixture.form("reason", "not mine"));
            assertEquals(403, bySato.statusCode(), bySato.body());
            HttpResponse<String> noReason = console.post("kimura", page + "/reject", ConsoleFixture.form("reason", "  "));
            assertEquals(400, noReason.statusCode(), noReason.body());
            assertTrue(noReason.body().contains(">reason</code>"), noReason.body());
            HttpResponse<String> tooLong = console.post("kimura", page + "/reject", ConsoleFixture.form("reason", "x".repeat(1001)));
            assertEquals(400, tooLong.statusCode(), tooLong.body());
            assertEquals(ReshareProposal.State.PROPOSED, console.gateway.reshare().show(proposal.label()).state());

            HttpResponse<String> rejected = console.post("kimura", page + "/reject",
                    ConsoleFixture.form("reason", "工場名が残っています <b>要修正</b>"));
            assertEquals(200, rejected.statusCode(), rejected.body());
            assertEquals(ReshareProposal.State.REJECTED, console.gateway.reshare().show(proposal.label()).state());
            assertTrue(rejected.body().contains(proposal.label()), rejected.body());

            String after = console.get("sato", page).body();
            assertTrue(after.contains("kimura") && after.contains("工場名が残っています &lt;b&gt;要修正&lt;/b&gt;"),
                    "who and why, as text: " + after);
            assertFalse(console.get("kimura", page).body().contains("/reject\""), "no form on a decided proposal");
            assertFalse(console.get("kimura", "/reshare").body().contains("href=\"" + page + "\""), "no longer pending");
            assertTrue(console.get("kimura", "/reshare?state=rejected").body().contains("href=\"" + page + "\""));
            HttpResponse<String> again = console.post("kimura", page + "/reject", ConsoleFixture.form("reason", "again"));
            assertEquals(409, again.statusCode(), again.body());
            assertEquals(400, console.get("kimura", "/reshare?state=yesterday").statusCode());
        }
    }
}
