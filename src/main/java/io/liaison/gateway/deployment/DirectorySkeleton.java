package io.liaison.gateway.deployment;

/**
 * The directory {@code init} writes: NISC and its duty desk, the critical-infrastructure sectors, and a comment on
 * every field. The duty desk's channels are placeholders the loader refuses, so {@code directory check} names
 * each field still to fill in and the gateway cannot start on a directory nobody completed (fail closed).
 */
final class DirectorySkeleton {
    private DirectorySkeleton() {
    }

    static String render() {
        return """
                # Liaison Gateway directory: who exists, who belongs to whom, how to reach each contact, and which
                # handling agreements (情報の取扱いに関する取り決め) let whom send what. No agreement, no sending.
                #
                # `liaison-gateway directory check directory.yaml` validates it whole and lists every problem as
                #     <file>: <section>[<id>].<field>: <reason>
                # The gateway refuses to start on any problem. An unknown key is refused too (a misspelt optional
                # field would otherwise silently take its default). The complete format, with every field, is at the
                # top of keys-sample/directory.yaml in the source.
                #
                # Certificates: ask each point of contact for their OpenPGP public key (or S/MIME certificate), over
                # a channel you trust; confirm its fingerprint with them by telephone (gpg --show-keys FILE prints
                # it); save it as certs/<poc-id>.asc (or .pem) next to this file and name it below. A contact
                # without a certificate is never e-mailed (no plaintext): only SMS and fax reach them.

                # Sectors: configuration, never code. The critical-infrastructure sectors (重要インフラ分野).
                # id: used in notices and here; name / name_ja: shown to recipients, who read both languages.
                sectors:
                  - {id: information-communications, name: Information and communications, name_ja: 情報通信}
                  - {id: finance, name: Finance, name_ja: 金融}
                  - {id: aviation, name: Aviation, name_ja: 航空}
                  - {id: airport, name: Airports, name_ja: 空港}
                  - {id: railway, name: Railway, name_ja: 鉄道}
                  - {id: electric-power, name: Electric power, name_ja: 電力}
                  - {id: gas, name: Gas, name_ja: ガス}
                  - {id: government-administrative, name: Government and administrative services, name_ja: 政府・行政サービス}
                  - {id: medical, name: Medical, name_ja: 医療}
                  - {id: water, name: Water, name_ja: 水道}
                  - {id: logistics, name: Logistics, name_ja: 物流}
                  - {id: chemical, name: Chemical, name_ja: 化学}
                  - {id: credit-card, name: Credit card, name_ja: クレジット}
                  - {id: petroleum, name: Petroleum, name_ja: 石油}
                  - {id: port, name: Ports, name_ja: 港湾}

                # Optional: "a failure in <sector> affects <affects>", used when a notice asks for dependent sectors.
                # dependencies:
                #   - sector: information-communications
                #     affects: [finance, electric-power]

                # Organisations. kind: nisc (exactly one), ministry (sectors: the sectors it owns), ceptoar
                # (sectors, members: its member operators), council (members: its member CEPTOARs), operator, agency.
                organisations:
                  - id: nisc
                    kind: nisc
                    name: National center of Incident readiness and Strategy for Cybersecurity
                #  - id: meti
                #    kind: ministry
                #    name: Ministry of Economy, Trade and Industry
                #    sectors: [electric-power, gas]

                # Points of contact: a desk (not a person) that receives notices. At least two channels of different
                # kinds, in order of preference. sms and fax: E.164 in quotes ("+81..."), no spaces or hyphens.
                # role: free text ("liaison" marks a ministry's liaison). standby: true = reached only by escalation.
                # openpgp_certificate / smime_certificate (never both): relative to this file's folder.
                points_of_contact:
                  - id: nisc-duty                       # gateway.escalation.duty-poc names this desk
                    organisation: nisc
                    name: NISC Duty Officer
                    role: duty-officer
                    channels:
                      - email: "FILL IN: the duty desk's e-mail address"
                      - sms: "FILL IN: the duty mobile, E.164, e.g. +819012345678"
                    # openpgp_certificate: certs/nisc-duty.asc

                # Handling agreements: provider may send recipient notices up to highest_level (TLP:CLEAR, TLP:GREEN,
                # TLP:AMBER, TLP:AMBER+STRICT, TLP:RED) between valid_from and valid_until (inclusive, yyyy-MM-dd);
                # recipient_may_forward: may the recipient pass them on to its members or sectors (default false).
                agreements: []
                #  - ref: HA-NISC-2026-001
                #    provider: nisc
                #    recipient: meti
                #    highest_level: TLP:AMBER
                #    valid_from: 2026-04-01
                #    valid_until: 2027-03-31
                #    recipient_may_forward: true
                """;
    }
}
