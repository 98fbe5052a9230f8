package io.liaison.gateway.inbound.corpus;

import static io.liaison.gateway.inbound.corpus.CorpusCase.of;
import static io.liaison.gateway.inbound.corpus.CorpusMail.FSA;
import static io.liaison.gateway.inbound.corpus.CorpusMail.MIC;
import static io.liaison.gateway.inbound.corpus.CorpusMail.T;
import static io.liaison.gateway.inbound.corpus.CorpusMail.mixed;
import static io.liaison.gateway.inbound.corpus.CorpusMail.textPart;
import static io.liaison.gateway.inbound.corpus.Expected.accepted;

import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundSmime;
import java.util.List;

/**
 * Good messages, each the closest honest neighbour of hostile ones: they prove the workshop builds
 * messages the intake accepts, so every quarantine elsewhere is for the one thing that case breaks.
 */
final class AcceptedControlCases implements CorpusCategory {
    @Override
    public String title() {
        return "accepted controls";
    }

    @Override
    public List<CorpusCase> cases() {
        return List.of(
                of("pgp-acknowledgement", accepted(), m -> m.goodAck("pgp-acknowledgement")),
                of("pgp-acknowledgement-as-json", accepted(), m -> m.pgp(m.east("pgp-ack-json"), mixed("j1", textPart("ok"),
                        "Content-Type: application/json\n\n{\"liaison\": 1, \"type\": \"acknowledgement\", \"reference\": \""
                                + m.reference + "\", \"note\": \"pgp-acknowledgement-as-json\"}"), m.east)),
                of("pgp-fragmentary-incident-report", accepted(), m -> m.pgp(m.east("pgp-fragmentary-report"),
                        m.inner("pgp-fragmentary-report", InboundMail.fragmentaryReport("CORPUS-CONTROL-1")), m.east)),
                of("pgp-full-incident-report", accepted(), m -> m.pgp(m.east("pgp-full-report"),
                        m.inner("pgp-full-report", InboundMail.fullReport("CORPUS-CONTROL-2")), m.east)),
                of("smime-gcm-acknowledgement-from-mic", accepted(), m -> m.smime(m.envelope(MIC, "smime-gcm-mic"),
                        m.ackEntity("smime-gcm-mic"), m.mic)),
                of("smime-cbc-acknowledgement-from-fsa", accepted(), m -> InboundSmime.envelopedMail(m.envelope(FSA, "smime-cbc-fsa"),
                        InboundSmime.forGateway(InboundSmime.signedDetached(m.ackEntity("smime-cbc-fsa"), m.fsa, T), false), false)),
                of("smime-opaque-signed-acknowledgement", accepted(), m -> InboundSmime.envelopedMail(m.envelope(MIC, "smime-opaque"),
                        InboundSmime.forGateway(InboundSmime.signedOpaque(m.ackEntity("smime-opaque"), m.mic, T), true), true)),
                of("another-contact-of-the-signers-organisation-in-from", accepted(), m -> m.pgp(
                        m.envelope("Deputy <deputy@power-ceptoar.sample.invalid>", "ceptoar-deputy"), m.ackEntity("ceptoar-deputy"),
                        m.ceptoarDuty)),
                of("from-address-in-capitals", accepted(), m -> m.pgp(m.envelope("SOC <SOC@EAST-POWER.SAMPLE.INVALID>", "capitals"),
                        m.ackEntity("capitals"), m.east)),
                of("display-name-claims-nisc-decides-nothing", accepted(), m -> m.pgp(
                        m.envelope("\"NISC duty officer\" <soc@east-power.sample.invalid>", "display-name"),
                        m.ackEntity("display-name"), m.east)));
    }
}
