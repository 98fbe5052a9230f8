package io.liaison.gateway.inbound.corpus;

import static io.liaison.gateway.inbound.ReasonCode.MARKING_CHANGED;
import static io.liaison.gateway.inbound.corpus.CorpusCase.of;
import static io.liaison.gateway.inbound.corpus.CorpusMail.MIC;
import static io.liaison.gateway.inbound.corpus.CorpusMail.T;
import static io.liaison.gateway.inbound.corpus.Expected.accepted;
import static io.liaison.gateway.inbound.corpus.Expected.quarantined;

import io.liaison.gateway.compose.HandlingMark;
import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundSmime;
import io.liaison.gateway.marking.Tlp;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Handling markings edited in transit: the Subject or X-TLP changed against the level the signed content
 * carries, or against the marking bound in the signature itself (OpenPGP notations, S/MIME ESS security
 * label), which HandlingMarkCheck holds to the letter: level, reference and exercise flag all shown and equal.
 */
final class EditedMarkingCases implements CorpusCategory {
    @Override
    public String title() {
        return "edited markings";
    }

    @Override
    public List<CorpusCase> cases() {
        return List.of(
                of("subject-says-green-document-says-red", quarantined(MARKING_CHANGED, "east-power-soc"),
                        m -> m.pgp(m.east("subject-green").subject("Re: [TLP:GREEN] reply"),
                                m.inner("subject-green", m.ack() + "tlp: TLP:RED\n"), m.east)),
                of("outer-x-tlp-clear-signed-x-tlp-amber", quarantined(MARKING_CHANGED, "east-power-soc"),
                        m -> m.pgp(m.east("x-tlp-clear").subject("Re: reply").header("X-TLP", "TLP:CLEAR"),
                                m.inner("x-tlp-clear", m.ack(), Map.of("X-TLP", "TLP:AMBER")), m.east)),
                of("outer-x-tlp-not-a-tlp-label", quarantined(MARKING_CHANGED, "east-power-soc"),
                        m -> m.pgp(m.east("x-tlp-purple").header("X-TLP", "TLP:PURPLE"),
                                m.inner("x-tlp-purple", m.ack() + "tlp: TLP:AMBER\n"), m.east)),
                of("subject-shows-two-levels", quarantined(MARKING_CHANGED, "east-power-soc"),
                        m -> m.pgp(m.east("two-labels").subject("Re: [TLP:AMBER] [TLP:RED] reply"),
                                m.inner("two-labels", m.ack() + "tlp: TLP:AMBER\n"), m.east)),
                of("subject-tlp-white-where-document-says-green", quarantined(MARKING_CHANGED, "east-power-soc"),
                        m -> m.pgp(m.east("white-vs-green").subject("Re: [TLP:WHITE] reply"),
                                m.inner("white-vs-green", m.ack() + "tlp: TLP:GREEN\n"), m.east)),
                of("signed-document-and-signed-x-tlp-disagree", quarantined(MARKING_CHANGED, "east-power-soc"),
                        m -> m.pgp(m.east("signed-disagree"), m.inner("signed-disagree", m.ack() + "tlp: TLP:AMBER\n",
                                Map.of("X-TLP", "TLP:GREEN")), m.east)),
                of("signed-x-tlp-not-a-tlp-label", quarantined(MARKING_CHANGED, "east-power-soc"),
                        m -> m.pgp(m.east("signed-x-tlp-blue"), m.inner("signed-x-tlp-blue", m.ack(), Map.of("X-TLP", "TLP:BLUE")), m.east)),
                of("signature-notation-tlp-disagrees-with-document", quarantined(MARKING_CHANGED, "east-power-soc"),
                        m -> m.notatedPgp(m.east("notation-disagrees"), m.inner("notation-disagrees", m.ack() + "tlp: TLP:AMBER\n"),
                                "tlp@client.example", "TLP:RED")),
                of("report-marked-red-inside-and-out", accepted(),
                        m -> m.pgp(m.east("report-red").subject("[TLP:RED] 情報連絡"), m.inner("report-red",
                                InboundMail.fullReport("CORPUS-RED-1").replace("tlp: TLP:AMBER", "tlp: TLP:RED")), m.east)),
                of("report-red-inside-amber-strict-in-subject", quarantined(MARKING_CHANGED, "east-power-soc"),
                        m -> m.pgp(m.east("report-red-strict").subject("[TLP:AMBER+STRICT] 情報連絡"), m.inner("report-red-strict",
                                InboundMail.fullReport("CORPUS-RED-2").replace("tlp: TLP:AMBER", "tlp: TLP:RED")), m.east)),
                of("report-without-level-subject-clear-is-held-stricter", accepted(),
                        m -> m.pgp(m.east("report-clear-outside").subject("[TLP:CLEAR] 情報連絡"),
                                m.inner("report-clear-outside", InboundMail.fragmentaryReport("CORPUS-CLEAR-1")), m.east)),
                of("bound-mark-shown-exactly", accepted(), marked("bound-exact", Tlp.AMBER, false, e -> e)),
                of("bound-mark-reference-header-changed", quarantined(MARKING_CHANGED, "east-power-soc"),
                        marked("bound-reference-changed", Tlp.AMBER, false, e -> e.header("X-Liaison-Reference", "NISC-PR3-2026-09999"))),
                of("bound-mark-reference-header-stripped", quarantined(MARKING_CHANGED, "east-power-soc"),
                        marked("bound-reference-stripped", Tlp.AMBER, false, e -> e.without("X-Liaison-Reference"))),
                of("bound-mark-x-tlp-stripped", quarantined(MARKING_CHANGED, "east-power-soc"),
                        marked("bound-x-tlp-stripped", Tlp.AMBER, false, e -> e.without("X-TLP"))),
                of("bound-mark-subject-label-stripped", quarantined(MARKING_CHANGED, "east-power-soc"),
                        marked("bound-subject-stripped", Tlp.AMBER, false, e -> e.subject("Re: reply"))),
                of("bound-mark-level-lowered-outside", quarantined(MARKING_CHANGED, "east-power-soc"),
                        marked("bound-lowered", Tlp.AMBER, false, e -> e.subject("Re: [TLP:GREEN] reply").header("X-TLP", "TLP:GREEN"))),
                of("bound-mark-exercise-flag-stripped", quarantined(MARKING_CHANGED, "east-power-soc"),
                        marked("bound-exercise-stripped", Tlp.AMBER, true, e -> e)),
                of("bound-mark-exercise-flag-added", quarantined(MARKING_CHANGED, "east-power-soc"),
                        marked("bound-exercise-added", Tlp.AMBER, false, e -> e.header("X-Liaison-Exercise", "yes"))),
                of("smime-security-label-shown-exactly", accepted(), m -> InboundSmime.markedReply(
                        markedEnvelope(m, m.envelope(MIC, "smime-label-exact"), Tlp.AMBER), m.ackEntity("smime-label-exact"), "mic-liaison",
                        HandlingMark.of(Tlp.AMBER, m.reference), T)),
                of("smime-security-label-level-changed-outside", quarantined(MARKING_CHANGED, "mic-liaison"),
                        m -> InboundSmime.markedReply(markedEnvelope(m, m.envelope(MIC, "smime-label-changed"), Tlp.GREEN),
                                m.ackEntity("smime-label-changed"), "mic-liaison", HandlingMark.of(Tlp.AMBER, m.reference), T)));
    }

    /** Signed by east with the mark bound in the signature; outer headers shown as the gateway shows them, then edited. */
    private static java.util.function.Function<CorpusMail, byte[]> marked(String name, Tlp level, boolean exercise,
                                                                           Function<InboundMail.Envelope, InboundMail.Envelope> edit) {
        return m -> {
            HandlingMark mark = exercise ? HandlingMark.exercise(level, m.reference) : HandlingMark.of(level, m.reference);
            return m.markedPgp(edit.apply(markedEnvelope(m, m.east(name), level)), m.ackEntity(name), mark);
        };
    }

    private static InboundMail.Envelope markedEnvelope(CorpusMail m, InboundMail.Envelope e, Tlp level) {
        return e.subject("Re: [" + level.label() + "] [" + m.reference + "] reply").header("X-TLP", level.label())
                .header("X-Liaison-Reference", m.reference);
    }
}
