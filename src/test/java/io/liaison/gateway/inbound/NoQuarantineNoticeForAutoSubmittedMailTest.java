package io.liaison.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.testing.MutableClock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A quarantine notice answering an auto-reply, a bounce, list or bulk mail, or the gateway's own mail
 * could start a mail loop or be aimed at a contact through a list (RFC 3834). Such mail is quarantined
 * all the same, and why nobody was told is stored for the duty officer.
 */
class NoQuarantineNoticeForAutoSubmittedMailTest {

    @ParameterizedTest(name = "{0}: {1} → notice: {2}")
    @CsvSource(delimiter = '|', value = {
            "Auto-Submitted|auto-replied|false",
            "Auto-Submitted|auto-generated; owner-email=x@y.invalid|false",
            "Auto-Submitted|AUTO-NOTIFIED|false",
            "Auto-Submitted|no|true",
            "Precedence|bulk|false",
            "Precedence|list|false",
            "Precedence|junk|false",
            "Precedence|first-class|true",
            "Return-Path|<>|false",
            "Sender|gateway@nisc.sample.invalid|false",
            "X-Unrelated|1|true"})
    void automaticMailIsNeverAnswered(String header, String value, boolean told) throws Exception {
        try (IntakeFixture f = new IntakeFixture(InboundMail.SAMPLE.resolve("directory.yaml"), InboundSettings.defaults(),
                MutableClock.sampleDay(), QuarantineNoticeSettings.defaults(List.of(InboundMail.GATEWAY_ADDRESS)))) {
            byte[] mail = InboundMail.simple(new InboundMail.Envelope("soc@east-power.sample.invalid", f.clock.instant(),
                    "<auto-1@east-power.sample.invalid>").header(header, value), "text/plain; charset=UTF-8", "Out of office");

            InboundOutcome outcome = f.intake.receiveRaw(mail);

            assertEquals(InboundStatus.QUARANTINED, outcome.status(), "quarantined either way");
            assertEquals(told, outcome.outcomeReference().isPresent(), outcome.toString());
            assertEquals(told ? 1 : 0, f.noticesOfKind(NoticeKind.QUARANTINE_NOTICE).size());
            Optional<String> why = f.inbound.find(outcome.inboundId()).orElseThrow().noticeSuppressed();
            assertEquals(!told, why.isPresent(), why.toString());
            why.ifPresent(w -> assertTrue(w.startsWith("no notice to east-power-soc: "), w));
        }
    }

    @ParameterizedTest
    @CsvSource({"soc@east-power.sample.invalid", "SOC@East-Power.Sample.Invalid"})
    void mailFromTheGatewaysOwnAddressIsNeverAnswered(String own) throws Exception {
        // As when the gateway's own address is also registered for a contact (a misconfiguration): a notice
        // to the gateway's own mailbox would come back as inbound mail and loop.
        try (IntakeFixture f = new IntakeFixture(InboundMail.SAMPLE.resolve("directory.yaml"), InboundSettings.defaults(),
                MutableClock.sampleDay(), QuarantineNoticeSettings.defaults(List.of(own)))) {
            InboundOutcome outcome = f.intake.receiveRaw(InboundMail.simple(new InboundMail.Envelope(
                    "soc@east-power.sample.invalid", f.clock.instant(), "<own-1@nisc.sample.invalid>"), "text/plain", "loop"));

            assertEquals(Optional.empty(), outcome.outcomeReference());
            assertTrue(f.inbound.find(outcome.inboundId()).orElseThrow().noticeSuppressed().orElseThrow()
                    .contains("gateway's own address"));
        }
    }
}
