package io.liaison.gateway.track;

import static io.liaison.gateway.track.TrackingFixture.GATEWAY_SENDER;
import static io.liaison.gateway.track.TrackingFixture.POWER_DUTY;
import static io.liaison.gateway.track.TrackingFixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.testing.Await;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recipient's code, in its SMS and its e-mail, confirms once when replied from its registered number. */
class SmsReplyWithTheRightCodeAcknowledgesOnceTest {
    @TempDir
    Path work;

    @Test
    void replyFromTheRegisteredNumberConfirmsOnceAndTheCodeCannotBeReused() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);
            String code = TrackingFixture.codeSentTo(h.smsc, POWER_DUTY, ref);
            assertTrue(TrackingFixture.lastSmsTo(h.smsc, POWER_DUTY, ref).startsWith("DEMO / デモ TLP:AMBER " + ref), "the demo label, then the level first");
            MimeMessage mail = Arrays.stream(h.mail().getReceivedMessages())
                    .filter(m -> to(m).equals("duty@power-ceptoar.sample.invalid")).findFirst().orElseThrow();
            assertTrue(TrackingFixture.openedText(mail, "power-ceptoar-duty").contains("返信で確認: " + code + " / reply " + code
                    + " to confirm"), "the same code in the e-mail body");

            int before = h.smsc.received().size();
            Instant repliedAt = h.clock.instant();
            h.smsc.injectReply(POWER_DUTY, GATEWAY_SENDER, "ok " + code.toLowerCase() + " 確認しました");

            StatusReport confirmed = Await.until(() -> gateway.status(ref),
                    r -> r.confirmedOrganisations().containsKey("power-ceptoar"), WAIT, "power-ceptoar confirmed");
            Confirmation first = confirmed.confirmedOrganisations().get("power-ceptoar");
            assertEquals(ConfirmationChannel.SMS_REPLY, first.channel());
            assertEquals("power-ceptoar-duty", first.pocId().orElseThrow());
            assertEquals(repliedAt, first.at());
            for (Delivery d : confirmed.deliveries()) {
                assertEquals(d.pocId().equals("power-ceptoar-duty") ? "acknowledged" : "sent", confirmed.stateOf(d), d.toString());
            }
            String table = confirmed.render(gateway.zone());
            assertTrue(table.contains("power-ceptoar  confirmed by power-ceptoar-duty via sms-reply at 2026-06-01 10:00:00 JST"), table);
            assertTrue(table.contains("1 of 3 recipient organisations confirmed"), table);
            assertTrue(TrackingFixture.nextSmsTo(h.smsc, POWER_DUTY, before).contains("Confirmed: " + ref), "sender told");

            h.clock.advance(Duration.ofMinutes(2));
            int beforeReuse = h.smsc.received().size();
            h.smsc.injectReply(POWER_DUTY, GATEWAY_SENDER, code);

            StatusReport reused = Await.until(() -> gateway.status(ref), r -> r.confirmations().size() == 2, WAIT, "second reply recorded");
            Confirmation again = reused.confirmations().get(1);
            assertEquals(ConfirmationVerdict.CODE_ALREADY_USED, again.verdict());
            assertEquals(first, reused.confirmedOrganisations().get("power-ceptoar"), "the first confirmation stands");
            assertEquals(List.of(first), reused.confirmations().stream().filter(c -> c.verdict().accepted()).toList());
            assertTrue(TrackingFixture.nextSmsTo(h.smsc, POWER_DUTY, beforeReuse).contains("Code already used"));
            assertTrue(reused.render(gateway.zone()).contains("sms-reply from power-ceptoar-duty: code already used"));
        }
    }

    private static String to(MimeMessage m) {
        try {
            return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
