package io.liaison.gateway.inbound.corpus;

import static io.liaison.gateway.inbound.ReasonCode.HEADER_INJECTION;
import static io.liaison.gateway.inbound.ReasonCode.MALFORMED_MIME;
import static io.liaison.gateway.inbound.ReasonCode.MARKING_CHANGED;
import static io.liaison.gateway.inbound.corpus.CorpusCase.of;
import static io.liaison.gateway.inbound.corpus.CorpusMail.EAST;
import static io.liaison.gateway.inbound.corpus.CorpusMail.replace;
import static io.liaison.gateway.inbound.corpus.Expected.accepted;
import static io.liaison.gateway.inbound.corpus.Expected.quarantined;
import static io.liaison.gateway.inbound.corpus.Expected.quarantinedTellingNobody;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Header injection: line breaks and NULs smuggled through encoded-words, bare CR or LF, folding that
 * hides a header inside another, repeated single headers under other spellings, and the mail's own
 * control headers (Camel's and camel-mail's), which must steer nothing.
 */
final class HeaderInjectionCases implements CorpusCategory {
    @Override
    public String title() {
        return "header injection";
    }

    @Override
    public List<CorpusCase> cases() {
        return List.of(
                of("crlf-in-a-base64-encoded-subject", quarantined(HEADER_INJECTION, "east-power-soc"),
                        m -> m.pgp(m.east("crlf-b-subject").encodedSubject("Ack\r\nBcc: victim@example.invalid"),
                                m.ackEntity("crlf-b-subject"), m.east)),
                of("crlf-in-a-q-encoded-subject", quarantined(HEADER_INJECTION, "east-power-soc"),
                        m -> m.pgp(m.east("crlf-q-subject").encodedSubject("x").header("Subject", "=?UTF-8?Q?Ack=0D=0ABcc:_victim@example.invalid?="),
                                m.ackEntity("crlf-q-subject"), m.east)),
                of("nul-in-an-encoded-subject", quarantined(HEADER_INJECTION, "east-power-soc"),
                        m -> m.pgp(m.east("nul-subject").encodedSubject("Ack\u0000hidden"), m.ackEntity("nul-subject"), m.east)),
                of("crlf-in-an-encoded-from-display-name", quarantinedTellingNobody(HEADER_INJECTION),
                        m -> m.pgp(m.envelope("=?UTF-8?B?" + Base64.getEncoder().encodeToString("SOC\r\nBcc: victim@example.invalid"
                                .getBytes(StandardCharsets.UTF_8)) + "?= <soc@east-power.sample.invalid>", "crlf-from-name"),
                                m.ackEntity("crlf-from-name"), m.east)),
                of("bare-cr-inside-a-header", quarantined(HEADER_INJECTION, "east-power-soc"),
                        m -> m.pgp(m.east("bare-cr").header("X-Note", "hello\rBcc: victim@example.invalid"), m.ackEntity("bare-cr"), m.east)),
                of("nul-byte-inside-a-header", quarantined(HEADER_INJECTION, "east-power-soc"),
                        m -> m.pgp(m.east("nul-header").header("X-Note", "hello\u0000world"), m.ackEntity("nul-header"), m.east)),
                of("bare-lf-inside-a-header-adds-a-second-from", quarantinedTellingNobody(HEADER_INJECTION),
                        m -> m.pgp(m.east("bare-lf-from").header("X-Note", "hello\nFrom: soc@west-power.sample.invalid"),
                                m.ackEntity("bare-lf-from"), m.east)),
                of("bare-lf-inside-a-header-adds-a-bcc", quarantined(HEADER_INJECTION, "east-power-soc"),
                        m -> m.pgp(m.east("bare-lf-bcc").header("X-Note", "hello\nBcc: victim@example.invalid"), m.ackEntity("bare-lf-bcc"), m.east)),
                of("folded-continuation-smuggles-x-tlp-into-the-subject", quarantined(MARKING_CHANGED, "east-power-soc"),
                        m -> m.pgp(m.east("folded-x-tlp").encodedSubject("x").header("Subject", "Re: reply\r\n\tX-TLP: TLP:CLEAR"),
                                m.inner("folded-x-tlp", m.ack() + "tlp: TLP:AMBER\n"), m.east)),
                of("from-with-space-before-the-colon-repeats-from", quarantinedTellingNobody(HEADER_INJECTION),
                        m -> m.pgp(m.east("space-colon").header("From ", "soc@west-power.sample.invalid"), m.ackEntity("space-colon"), m.east)),
                of("from-spelled-in-other-case-repeats-from", quarantinedTellingNobody(HEADER_INJECTION),
                        m -> m.pgp(m.east("from-case").header("FROM", "soc@west-power.sample.invalid"), m.ackEntity("from-case"), m.east)),
                of("folded-from-with-an-address-in-the-display-name", accepted(),
                        m -> replace(m.goodAck("folded-from"), "From: " + EAST, "From: soc@west-power.sample.invalid\r\n " + EAST)),
                of("x-tlp-repeated", quarantined(HEADER_INJECTION, "east-power-soc"),
                        m -> m.pgp(m.east("two-x-tlp").header("X-TLP", "TLP:AMBER").header("X-Tlp", "TLP:CLEAR"), m.ackEntity("two-x-tlp"), m.east)),
                of("subject-repeated", quarantined(HEADER_INJECTION, "east-power-soc"),
                        m -> m.pgp(m.east("two-subjects").header("SUBJECT", "[TLP:CLEAR] other"), m.ackEntity("two-subjects"), m.east)),
                of("message-id-repeated", quarantined(HEADER_INJECTION, "east-power-soc"),
                        m -> m.pgp(m.east("two-ids").header("Message-Id", "<other.corpus@east-power.sample.invalid>"), m.ackEntity("two-ids"), m.east)),
                of("continuation-line-before-any-header", quarantined(MALFORMED_MIME, "east-power-soc"),
                        m -> CorpusMail.concat(" folded: nothing\r\n".getBytes(StandardCharsets.US_ASCII), m.goodAck("continuation-first"))),
                of("header-line-without-a-colon", quarantined(HEADER_INJECTION, "east-power-soc"),
                        m -> replace(m.goodAck("no-colon"), "MIME-Version: 1.0\r\n", "Bcc victim@example.invalid\r\nMIME-Version: 1.0\r\n")),
                of("camel-and-camel-mail-control-headers-steer-nothing", accepted(),
                        m -> m.pgp(m.east("control-headers").header("copyTo", "INBOX").header("moveTo", "Trash").header("delete", "true")
                                .header("CamelMailMoveTo", "Trash").header("CamelFileName", "../../etc/passwd").header("peek", "false"),
                                m.ackEntity("control-headers"), m.east)),
                of("auto-submitted-and-precedence-headers", accepted(),
                        m -> m.pgp(m.east("auto-submitted").header("Auto-Submitted", "auto-replied").header("Precedence", "bulk"),
                                m.ackEntity("auto-submitted"), m.east)));
    }
}
