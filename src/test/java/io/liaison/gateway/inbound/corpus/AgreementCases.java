package io.liaison.gateway.inbound.corpus;

import static io.liaison.gateway.inbound.ReasonCode.ACK_NOT_A_RECIPIENT;
import static io.liaison.gateway.inbound.ReasonCode.ACK_UNKNOWN_REFERENCE;
import static io.liaison.gateway.inbound.corpus.CorpusCase.of;
import static io.liaison.gateway.inbound.corpus.CorpusMail.WEST;
import static io.liaison.gateway.inbound.corpus.Expected.accepted;
import static io.liaison.gateway.inbound.corpus.Expected.quarantined;

import io.liaison.gateway.inbound.InboundMail;
import java.util.List;

/**
 * Who may answer what. The intake checks no handling agreement itself: an acknowledgement counts only
 * from an organisation the notice reached (and a notice never reaches one whose agreement ended, or that
 * has none); an incident report is voluntarily provided and is taken from any registered organisation,
 * with or without an agreement, because the reporting rules, not an agreement, name who receives it.
 */
final class AgreementCases implements CorpusCategory {
    @Override
    public String title() {
        return "agreements and who may answer";
    }

    @Override
    public List<CorpusCase> cases() {
        return List.of(
                of("acknowledgement-from-old-power-whose-agreement-expired", quarantined(ACK_NOT_A_RECIPIENT, "old-power-soc"),
                        m -> m.pgp(m.envelope("soc@old-power.sample.invalid", "old-power-ack"), m.ackEntity("old-power-ack"), m.oldPower)),
                of("acknowledgement-from-island-power-without-agreement", quarantined(ACK_NOT_A_RECIPIENT, "island-power-soc"),
                        m -> m.pgp(m.envelope("soc@island-power.sample.invalid", "island-power-ack"), m.ackEntity("island-power-ack"),
                                m.islandPower)),
                of("acknowledgement-by-west-of-a-notice-sent-to-east-only", quarantined(ACK_NOT_A_RECIPIENT, "west-power-soc"),
                        m -> m.pgp(m.envelope(WEST, "west-acks-east-only"),
                                m.inner("west-acks-east-only", InboundMail.ack(m.eastOnlyReference)), m.west)),
                of("acknowledgement-of-a-reference-never-issued", quarantined(ACK_UNKNOWN_REFERENCE, "east-power-soc"),
                        m -> m.pgp(m.east("unknown-reference"), m.inner("unknown-reference", InboundMail.ack("NISC-PR3-2026-09999")),
                                m.east)),
                of("incident-report-from-old-power-whose-agreement-expired", accepted(),
                        m -> m.pgp(m.envelope("soc@old-power.sample.invalid", "old-power-report"),
                                m.inner("old-power-report", InboundMail.fragmentaryReport("OLD-1")), m.oldPower)),
                of("incident-report-from-island-power-without-agreement", accepted(),
                        m -> m.pgp(m.envelope("soc@island-power.sample.invalid", "island-power-report"),
                                m.inner("island-power-report", InboundMail.fragmentaryReport("ISLAND-1")), m.islandPower)));
    }
}
