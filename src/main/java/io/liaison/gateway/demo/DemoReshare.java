package io.liaison.gateway.demo;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.app.SkippingClock;
import io.liaison.gateway.inbound.InboundOutcome;
import io.liaison.gateway.inbound.InboundStatus;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.reshare.Grounds;
import io.liaison.gateway.reshare.ProposalView;
import io.liaison.gateway.reshare.ReshareDesk;
import io.liaison.gateway.reshare.ReshareProposal;
import io.liaison.gateway.reshare.ReshareRequest;
import io.liaison.gateway.track.StatusReport;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The demo's re-share: East Power reports an intrusion (signed and encrypted, through the real intake, relayed to
 * METI and NISC); NISC proposes a redacted copy and sees exactly what was removed; the duty officer approves; it
 * goes out as an early warning to the power sector and the sectors depending on it, under the normal policy.
 */
final class DemoReshare {
    static final String INCIDENT = "EP-2026-0815";
    private static final String REPORT = """
            liaison: 1
            type: incident-report
            incident: EP-2026-0815
            contact:
              person: 山田 太郎 (SOC当番)
              means:
                - phone: "+81312340001"
                - email: soc@east-power.sample.invalid
            tlp: TLP:AMBER
            summary: East Powerの制御系サーバ hmi01.east-power.sample.invalid (192.0.2.15) への不正侵入
            trigger:
              category: cyber-attack
              case: attack-damage
            event_type: intrusion
            causes: [suspicious-mail, system-vulnerability]
            affected_system:
              hardware: SCADA server HX-200 at 10.20.30.40
              software: GridView
              version: "4.2"
              patch_state: 2026-10 patch not applied
            response:
              measures: 山田がサーバを隔離し、ログ east-power-hmi01.evtx を保全。攻撃元 198.51.100.23 を遮断
              contacted: [power-ceptoar, npa]
            spread: 同じ GridView 4.2 を使う他の事業者に波及のおそれ。詳細 https://portal.east-power.sample.invalid/i/EP-2026-0815
            notes: 連絡先 03-1234-0001 (East Power SOC duty desk)
            """;

    private final PrintStream out;
    private final Duration wait;
    private final String gatewayAddress;
    private final Clock clock;

    /** @param clock the gateway's clock: the report is signed at the time the gateway judges it by */
    DemoReshare(PrintStream out, Duration wait, String gatewayAddress, Clock clock) {
        this.out = out;
        this.wait = wait;
        this.gatewayAddress = gatewayAddress;
        this.clock = clock;
    }

    /** The relay of the report and the re-share, for the demo's verification. */
    List<StatusReport> run(Gateway gateway) throws Exception {
        byte[] mail = DemoReplies.signedAndEncrypted("east-power-soc", "soc@east-power.sample.invalid",
                gatewayAddress, "[TLP:AMBER] 情報連絡 第1報", REPORT, clock.instant());
        InboundOutcome received = gateway.receive(mail);
        if (received.status() != InboundStatus.ACCEPTED) {
            throw new IllegalStateException("the demo's incident report was not accepted: " + received);
        }
        String relay = received.outcomeReference().orElseThrow();
        out.println("East Power's report east-power/" + INCIDENT + " was accepted and relayed to METI and NISC as " + relay
                + " (任意提供情報, unredacted: ministry and NISC only)");
        StatusReport relayed = gateway.awaitSettled(relay, wait);
        out.print(relayed.render(gateway.zone()));
        out.println();

        ReshareProposal proposal = gateway.reshare().propose(new ReshareRequest("east-power/" + INCIDENT, Optional.empty(),
                Grounds.THREAT, Optional.of(Tlp.AMBER), List.of(), true, List.of()));
        out.print(ProposalView.render(proposal, gateway.zone()));
        out.println();
        ReshareDesk.Approved approved = gateway.reshare().approve(proposal.id(), "nisc-duty");
        out.println("Approved " + proposal.label() + " as nisc-duty: sent as " + approved.reference()
                + " (its source is recorded for NISC only: 'reshare show " + approved.reference() + "')");
        StatusReport reshared = gateway.awaitSettled(approved.reference(), wait);
        out.print(reshared.render(gateway.zone()));
        out.println();
        return List.of(relayed, reshared);
    }
}
