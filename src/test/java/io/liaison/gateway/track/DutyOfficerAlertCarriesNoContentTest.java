package io.liaison.gateway.track;

import static io.liaison.gateway.track.TrackingFixture.NISC_DUTY;
import static io.liaison.gateway.track.TrackingFixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.testing.Await;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The duty officer's alert says which notice (reference, level) and who has not confirmed it — and
 * nothing of the notice itself: NISC holds no handling agreement for what a CEPTOAR sends its members,
 * and the officer is not one of its recipients. The rule holds for every originator, NISC included.
 */
class DutyOfficerAlertCarriesNoContentTest {
    private static final List<String> CONTENT = List.of("KQ7-TITLE", "KQ7-SUMMARY", "KQ7-BODY");

    @TempDir
    Path work;

    @Test
    void theAlertAboutACeptoarsNoticeNamesReferenceLevelAndTheSilentMemberOnly() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.of("member-warning.yaml", """
                    kind: provision
                    priority: urgent
                    level: TLP:AMBER
                    from: power-ceptoar-duty
                    title: 会員向け KQ7-TITLE 変電所監視系の侵害
                    summary: KQ7-SUMMARY 至急確認
                    body: |
                      KQ7-BODY 会員事業者の変電所監視サーバで侵害の痕跡。詳細は会員限り。
                    target:
                      organisations: [east-power]
                    """)).reference();
            gateway.awaitSettled(ref, WAIT);

            for (int step = 1; step <= 3; step++) {
                h.clock.advance(Duration.ofMinutes(step == 1 ? 15 : 10));
                gateway.escalator().runDue();
                int count = step;
                Await.until(() -> gateway.status(ref), r -> r.escalations().size() >= count, WAIT, step + " escalation steps");
            }
            StatusReport done = gateway.awaitSettled(ref, WAIT);
            assertTrue(done.deliveries().stream().anyMatch(d -> d.role() == DeliveryRole.DUTY_ALERT), done.render(gateway.zone()));

            String sms = TrackingFixture.lastSmsTo(h.smsc, NISC_DUTY, ref);
            assertTrue(sms.startsWith("DEMO / デモ TLP:AMBER " + ref), sms); // the test gateway runs in demo mode
            assertTrue(sms.contains("east-power"), sms);
            CONTENT.forEach(secret -> assertFalse(sms.contains(secret), "SMS carries " + secret + ": " + sms));

            MimeMessage mail = Await.until(() -> Arrays.stream(h.mail().getReceivedMessages()).filter(m -> to(m)
                    .equals("duty@nisc.sample.invalid")).toList(), l -> !l.isEmpty(), WAIT, "the alert e-mail").get(0);
            String text = TrackingFixture.openedText(mail, "nisc-duty");
            assertTrue(text.contains(ref) && text.contains("TLP:AMBER"), text);
            assertTrue(text.contains("east-power"), text);
            for (String secret : CONTENT) {
                assertFalse(text.contains(secret), "the alert e-mail carries " + secret + ":\n" + text);
                assertFalse(mail.getSubject().contains(secret), mail.getSubject());
            }
            assertEquals(1, Arrays.stream(h.mail().getReceivedMessages()).filter(m -> to(m).equals("duty@nisc.sample.invalid")).count());
        }
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
