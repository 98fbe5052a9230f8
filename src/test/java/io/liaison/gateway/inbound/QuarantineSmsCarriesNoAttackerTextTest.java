package io.liaison.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.marking.NoticeMarking;
import io.liaison.gateway.store.StoredNotice;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quarantine SMS goes out under NISC's sender id to whoever a forger names in From: it must carry
 * nothing the forger wrote. The e-mail (encrypted to the registered contact) quotes the Message-ID only,
 * reduced to printable ASCII and cut short, and says in Japanese and English what happened and what to do.
 */
class QuarantineSmsCarriesNoAttackerTextTest {
    private static final String PHISH = "CALL-+81-3-0000-0000-NOW-NISC-URGENT";

    private StoredNotice quarantineNoticeFor(IntakeFixture f, String messageId, String subject) {
        byte[] mail = InboundMail.simple(new InboundMail.Envelope("soc@east-power.sample.invalid", f.clock.instant(), messageId)
                .subject(subject), "text/plain; charset=UTF-8", "call " + PHISH);
        InboundOutcome outcome = f.intake.receiveRaw(mail);
        assertEquals(InboundStatus.QUARANTINED, outcome.status());
        List<StoredNotice> notices = f.noticesOfKind(NoticeKind.QUARANTINE_NOTICE);
        assertEquals(1, notices.size());
        return notices.get(0);
    }

    @Test
    void theSmsIsAFixedBilingualTextWithTheGatewaysReferenceOnly() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            StoredNotice notice = quarantineNoticeFor(f, "<" + PHISH + "@evil.invalid>", PHISH);

            String sms = new NoticeMarking(IntakeFixture.ZONE).sms(notice);

            assertEquals(QuarantineNotifier.SMS_TEXT, notice.summary());
            assertFalse(sms.contains("CALL"), sms);
            assertFalse(sms.contains("evil"), sms);
            assertFalse(sms.contains("NOT_ENCRYPTED"), "no reason-code jargon in the SMS: " + sms);
            assertTrue(sms.contains(notice.reference()), "the gateway's own reference: " + sms);
            assertTrue(sms.contains("保留") && sms.contains("held"), "Japanese and English: " + sms);
            assertFalse(notice.title().contains("CALL"), notice.title());
        }
    }

    @Test
    void theEmailQuotesTheMessageIdOnlySanitisedAndCapped() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String bidi = "<\u202Egnp.exe\u202C" + "x".repeat(200) + "@evil.invalid>";
            StoredNotice notice = quarantineNoticeFor(f, bidi, "subject " + PHISH);

            String body = notice.body();

            assertFalse(body.contains("\u202E") || body.contains("\u202C"), "no bidi controls");
            assertFalse(body.contains("x".repeat(100)), "cut to 80 characters");
            assertFalse(body.contains(PHISH), "neither Subject nor body text is quoted");
            assertTrue(body.contains("NOT_ENCRYPTED"), "the reason code, for the sender's administrator");
            assertTrue(body.contains("暗号化") && body.contains("encrypted"), "what happened, in Japanese and English: " + body);
            assertTrue(body.contains("対処") && body.contains("What to do"), body);
            assertTrue(body.contains("ゲートウェイの証明書") && body.contains("gateway's certificate"),
                    "resend signed and encrypted: " + body);
            assertTrue(body.contains("電話") && body.contains("call the NISC"), "and call NISC if it was not you: " + body);
        }
    }
}
