package io.liaison.gateway.reshare;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundOutcome;
import io.liaison.gateway.inbound.InboundStatus;
import java.time.Instant;
import java.util.UUID;

/** Incident reports as a point of contact's client sends them: signed with its sample key, encrypted to the gateway. */
final class Reports {
    private Reports() {
    }

    /** Everything an operator might write that identifies it, in every field a re-share carries. */
    static String identifying(String incident, boolean doNotShare, String fingerprint) {
        return "liaison: 1\ntype: incident-report\nincident: " + incident + "\n"
                + "contact:\n  person: 山田 太郎 (SOC当番)\n  means:\n    - phone: \"+81312340001\"\n"
                + "    - email: yamada@east-power.sample.invalid\n"
                + "tlp: TLP:AMBER\n"
                + "summary: East Power Co.の制御系サーバ scada01.east-power.sample.invalid (192.0.2.15) から不審な通信\n"
                + "trigger:\n  category: cyber-attack\n  case: attack-detected\n"
                + "event_type: intrusion\ncauses: [suspicious-mail, system-vulnerability]\n"
                + "affected_system:\n  hardware: SCADA server HX-200 at 10.20.30.40 (MAC 00:1a:2b:3c:4d:5e)\n  software: GridView\n"
                + "  version: \"4.2\"\n  patch_state: 2026-10 patch not applied on eastpower-ops\n"
                + "response:\n  measures: 東日本電力の山田がサーバを隔離。ログ east-power-scada01.evtx と"
                + " \\\\fs01.east-power.sample.invalid\\logs\\ep-0077.pcap を保全\n"
                + "  contacted: [power-ceptoar, npa]\n"
                + "spread: 同一製品を使う他の電力事業者（West Power Co. など）に波及のおそれ。詳細 https://portal.east-power.sample.invalid/i/" + incident + "\n"
                + "notes: \"連絡先 03-1234-0001 / soc@east-power.sample.invalid、IPv6 2001:db8:0:42::15、攻撃元 198.51.100.23、"
                + "East Power SOC duty desk の鍵 " + fingerprint + "、チケット EASTPOWER-4711\"\n"
                + "do_not_share: " + doNotShare + "\n";
    }

    static String fragmentary(String incident, boolean doNotShare) {
        return "liaison: 1\ntype: incident-report\nincident: " + incident + "\n"
                + "contact:\n  person: 山田\n  means:\n    - phone: \"+81312340001\"\n"
                + "summary: 続報\ndo_not_share: " + doNotShare + "\n";
    }

    /** Sends {@code yaml} as {@code pocId} (whose e-mail is {@code from}) and insists it is accepted. */
    static String send(Gateway gateway, Instant at, String pocId, String from, String yaml) {
        InboundOutcome outcome = gateway.receive(InboundMail.pgpMime(
                new InboundMail.Envelope(from, at, "<" + UUID.randomUUID() + "@sample.invalid>").subject("情報連絡"),
                InboundMail.signedForGateway(InboundMail.inner(yaml), InboundMail.pocKey(pocId), at)));
        if (outcome.status() != InboundStatus.ACCEPTED) {
            throw new AssertionError("report not accepted: " + outcome);
        }
        return outcome.outcomeReference().orElseThrow();
    }

    static String fromEastPower(Gateway gateway, Instant at, String yaml) {
        return send(gateway, at, "east-power-soc", "soc@east-power.sample.invalid", yaml);
    }
}
