package io.liaison.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.compose.HandlingMark;
import io.liaison.gateway.marking.Tlp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A marking bound inside the signature (OpenPGP notations, S/MIME ESS security label) is the one the
 * sender vouched for: the Subject and X-TLP / X-Liaison-Reference / X-Liaison-Exercise headers, which
 * anyone on the path can edit, must show exactly it, or the reply is quarantined as MARKING_CHANGED.
 * Replies whose signature binds no marking (what gpg, Outlook and Thunderbird send) are judged as
 * before: by the levels in the signed content only.
 */
class MarkingBoundInTheSignatureMustMatchTheOuterMarkingTest {
    private static final String EAST = "East Power SOC <soc@east-power.sample.invalid>";

    @Test
    void smimeReplyWhoseSecurityLabelMatchesTheOuterMarkingIsAccepted() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("mic"));
            InboundOutcome outcome = f.intake.receiveRaw(InboundSmime.markedReply(marked(micEnvelope(f, "labelled"), Tlp.AMBER, ref),
                    InboundMail.inner(InboundMail.ack(ref)), "mic-liaison", HandlingMark.of(Tlp.AMBER, ref), f.clock.instant()));

            assertEquals(InboundStatus.ACCEPTED, outcome.status(), outcome.toString());
        }
    }

    @Test
    void smimeReplyWhoseOuterLevelWasLoweredAfterSigningIsQuarantined() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("mic"));
            InboundOutcome outcome = f.intake.receiveRaw(InboundSmime.markedReply(marked(micEnvelope(f, "lowered"), Tlp.CLEAR, ref),
                    InboundMail.inner(InboundMail.ack(ref)), "mic-liaison", HandlingMark.of(Tlp.RED, ref), f.clock.instant()));

            assertEquals(Optional.of(ReasonCode.MARKING_CHANGED), outcome.reason(), outcome.toString());
            assertTrue(f.inbound.acknowledgements(ref).isEmpty());
        }
    }

    @Test
    void smimeReplyWhoseOuterMarkingWasStrippedIsQuarantined() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("mic"));
            InboundOutcome outcome = f.intake.receiveRaw(InboundSmime.markedReply(micEnvelope(f, "stripped").subject("Re: reply"),
                    InboundMail.inner(InboundMail.ack(ref)), "mic-liaison", HandlingMark.of(Tlp.AMBER, ref), f.clock.instant()));

            assertEquals(Optional.of(ReasonCode.MARKING_CHANGED), outcome.reason(), outcome.toString());
        }
    }

    @Test
    void openPgpReplyWhoseNotationsMatchTheOuterMarkingIsAccepted() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("east-power"));
            InboundOutcome outcome = f.intake.receiveRaw(openPgp(f, marked(eastEnvelope(f, "notations"), Tlp.AMBER, ref),
                    InboundMail.ack(ref), HandlingMark.of(Tlp.AMBER, ref)));

            assertEquals(InboundStatus.ACCEPTED, outcome.status(), outcome.toString());
        }
    }

    @Test
    void openPgpReplyWhoseReferenceHeaderWasChangedAfterSigningIsQuarantined() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("east-power"));
            // The level shown is right; only the reference the signature binds was swapped for another one.
            InboundOutcome outcome = f.intake.receiveRaw(openPgp(f, marked(eastEnvelope(f, "reference"), Tlp.AMBER, "NISC-PR3-2026-09999"),
                    InboundMail.ack(ref), HandlingMark.of(Tlp.AMBER, ref)));

            assertEquals(Optional.of(ReasonCode.MARKING_CHANGED), outcome.reason(), outcome.toString());
            assertTrue(outcome.detail().orElse("").contains("X-Liaison-Reference"), outcome.toString());
        }
    }

    @Test
    void reportSignedAsAnExerciseButNotDeclaredOneIsQuarantined() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            InboundMail.Envelope envelope = marked(eastEnvelope(f, "exercise"), Tlp.AMBER, "EP-EX-1").header("X-Liaison-Exercise", "yes");
            InboundOutcome outcome = f.intake.receiveRaw(openPgp(f, envelope,
                    InboundMail.fragmentaryReport("EP-EX-1") + "tlp: TLP:AMBER\n", HandlingMark.exercise(Tlp.AMBER, "EP-EX-1")));

            assertEquals(Optional.of(ReasonCode.MARKING_CHANGED), outcome.reason(), outcome.toString());
            assertTrue(f.inbound.reports("east-power/EP-EX-1").isEmpty());
        }
    }

    @Test
    void replyWhoseSignatureBindsNoMarkingIsJudgedAsBefore() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("east-power"));
            // A client replying to a notice keeps its Subject label and may copy X-Liaison-Reference; no X-TLP, nothing signed.
            InboundMail.Envelope envelope = eastEnvelope(f, "plain-client").subject("Re: [TLP:AMBER] 情報提供 " + ref)
                    .header("X-Liaison-Reference", ref);
            InboundOutcome outcome = f.intake.receiveRaw(InboundMail.pgpMime(envelope,
                    InboundMail.signedForGateway(InboundMail.inner(InboundMail.ack(ref)), InboundMail.pocKey("east-power-soc"), f.clock.instant())));

            assertEquals(InboundStatus.ACCEPTED, outcome.status(), outcome.toString());
        }
    }

    private static InboundMail.Envelope marked(InboundMail.Envelope envelope, Tlp level, String reference) {
        return envelope.subject("Re: [" + level.label() + "] 情報提供 " + reference).header("X-TLP", level.label())
                .header("X-Liaison-Reference", reference);
    }

    private static InboundMail.Envelope micEnvelope(IntakeFixture f, String id) {
        return new InboundMail.Envelope(InboundSmime.MIC, f.clock.instant(), "<" + id + "@mic.sample.invalid>");
    }

    private static InboundMail.Envelope eastEnvelope(IntakeFixture f, String id) {
        return new InboundMail.Envelope(EAST, f.clock.instant(), "<" + id + "@east-power.sample.invalid>");
    }

    private static byte[] openPgp(IntakeFixture f, InboundMail.Envelope envelope, String yaml, HandlingMark mark) {
        Instant at = f.clock.instant();
        return InboundMail.pgpMime(envelope, InboundMail.encrypt(InboundMail.signedPacketsWithMark(InboundMail.inner(yaml),
                InboundMail.pocKey("east-power-soc"), at, mark), List.of(InboundMail.gatewayCertificate()), at));
    }
}
