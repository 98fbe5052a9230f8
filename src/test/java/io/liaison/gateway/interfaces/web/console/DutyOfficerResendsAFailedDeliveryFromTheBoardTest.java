package io.liaison.gateway.interfaces.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.application.NoticeDetail;
import io.liaison.gateway.testing.Notices;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delivery to East Power failed after the fact (a later hop's 550): the duty board lists it with a
 * Resend button; East Power's SOC may not resend it (403 page); the duty officer's press puts it back in
 * the queue and it goes out again.
 */
class DutyOfficerResendsAFailedDeliveryFromTheBoardTest {
    @TempDir
    Path work;

    @Test
    void theBoardListsTheFailureAndItsResendButtonSendsItAgain() throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(work)) {
            var app = console.gateway.application();
            String ref = app.sendNotice().send(app.actors().resolveLocal("sato"), Notices.earlyWarning()).reference();
            console.gateway.awaitSettled(ref, Duration.ofSeconds(60));
            long id = app.noticeStatus().detail(app.actors().resolveLocal("sato"), ref).deliveries().stream()
                    .filter(d -> d.organisationId().equals("east-power")).findFirst().orElseThrow().id();
            try (java.sql.Connection c = console.gateway.dataSource().getConnection();
                 java.sql.PreparedStatement ps = c.prepareStatement("UPDATE delivery SET state = 'FAILED', last_error = "
                         + "'550 mailbox unavailable (test)', claimed_by = NULL, claim_expires_at = NULL, next_attempt_at = NULL WHERE id = ?")) {
                ps.setLong(1, id);
                assertEquals(1, ps.executeUpdate());
            }

            String board = console.get("sato", "/board").body();
            assertTrue(board.contains("550 mailbox unavailable (test)") && board.contains("action=\"/deliveries/" + id + "/resend\""), board);
            HttpResponse<String> refused = console.post("nakamura", "/deliveries/" + id + "/resend", ConsoleFixture.form());
            assertEquals(403, refused.statusCode());
            assertTrue(refused.body().contains("SOC（事業者）の nakamura には「失敗した配送の再送」の権限がありません。"),
                    "who, as which role, may not do what, in Japanese: " + refused.body());

            HttpResponse<String> resent = console.post("sato", "/deliveries/" + id + "/resend", ConsoleFixture.form());
            assertEquals(200, resent.statusCode(), resent.body());
            console.gateway.awaitSettled(ref, Duration.ofSeconds(60));
            NoticeDetail.DeliveryLine after = app.noticeStatus().detail(app.actors().resolveLocal("sato"), ref).deliveries().stream()
                    .filter(d -> d.id() == id).findFirst().orElseThrow();
            assertTrue(!after.failed(), after.toString());
        }
    }
}
