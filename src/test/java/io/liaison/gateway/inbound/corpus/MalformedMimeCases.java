package io.liaison.gateway.inbound.corpus;

import static io.liaison.gateway.inbound.ReasonCode.DECRYPTION_FAILED;
import static io.liaison.gateway.inbound.ReasonCode.FORMAT_INVALID;
import static io.liaison.gateway.inbound.ReasonCode.FROM_SIGNER_MISMATCH;
import static io.liaison.gateway.inbound.ReasonCode.HEADER_INJECTION;
import static io.liaison.gateway.inbound.ReasonCode.HEADER_MISSING;
import static io.liaison.gateway.inbound.ReasonCode.MALFORMED_MIME;
import static io.liaison.gateway.inbound.ReasonCode.MIME_TRUNCATED;
import static io.liaison.gateway.inbound.ReasonCode.NOT_ENCRYPTED;
import static io.liaison.gateway.inbound.ReasonCode.WRONG_CONTENT_TYPE;
import static io.liaison.gateway.inbound.corpus.CorpusCase.of;
import static io.liaison.gateway.inbound.corpus.CorpusMail.EAST;
import static io.liaison.gateway.inbound.corpus.CorpusMail.T;
import static io.liaison.gateway.inbound.corpus.CorpusMail.mixed;
import static io.liaison.gateway.inbound.corpus.CorpusMail.replace;
import static io.liaison.gateway.inbound.corpus.CorpusMail.textPart;
import static io.liaison.gateway.inbound.corpus.CorpusMail.utf8;
import static io.liaison.gateway.inbound.corpus.CorpusMail.yamlPart;
import static io.liaison.gateway.inbound.corpus.Expected.accepted;
import static io.liaison.gateway.inbound.corpus.Expected.quarantined;
import static io.liaison.gateway.inbound.corpus.Expected.quarantinedTellingNobody;

import io.liaison.gateway.inbound.InboundMail;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Broken structure: no header section, missing or wrong boundaries and content types, truncated or
 * garbage armor, missing or repeated From/Date/Message-ID, inner entities that are not MIME.
 */
final class MalformedMimeCases implements CorpusCategory {
    @Override
    public String title() {
        return "malformed MIME";
    }

    @Override
    public List<CorpusCase> cases() {
        return List.of(
                of("random-bytes", quarantinedTellingNobody(MALFORMED_MIME), m -> {
                    byte[] bytes = new byte[2048];
                    new Random(20261202L).nextBytes(bytes);
                    return bytes;
                }),
                of("empty-message", quarantinedTellingNobody(MALFORMED_MIME), m -> new byte[0]),
                of("header-section-never-ends", quarantined(MALFORMED_MIME, "east-power-soc"),
                        m -> utf8("From: " + EAST + "\r\nSubject: no body\r\nX-A: b")),
                of("first-line-not-a-header", quarantined(MALFORMED_MIME, "east-power-soc"),
                        m -> concat("Hello NISC,\r\n", m.goodAck("first-line-text"))),
                of("multipart-encrypted-without-boundary-parameter", quarantined(MIME_TRUNCATED, "east-power-soc"),
                        m -> replace(m.goodAck("no-boundary-param"), "; boundary=\"pgp-mime-91c2\"", "")),
                of("multipart-encrypted-without-closing-boundary", quarantined(MIME_TRUNCATED, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("no-close"), "application/pgp-encrypted", "application/pgp-encrypted",
                                "application/octet-stream", InboundMail.signedForGateway(m.ackEntity("no-close"), m.east, T), false)),
                of("declared-boundary-never-used", quarantined(MIME_TRUNCATED, "east-power-soc"),
                        m -> replace(m.goodAck("boundary-unused"), "boundary=\"pgp-mime-91c2\"", "boundary=\"another-boundary\"")),
                of("multipart-encrypted-without-protocol", quarantined(WRONG_CONTENT_TYPE, "east-power-soc"),
                        m -> replace(m.goodAck("no-protocol"), " protocol=\"application/pgp-encrypted\";", "")),
                of("no-content-type-armored-body", quarantined(WRONG_CONTENT_TYPE, "east-power-soc"),
                        m -> utf8(m.east("no-content-type").headers() + "\r\n"
                                + InboundMail.signedForGateway(m.ackEntity("no-content-type"), m.east, T).replace("\n", "\r\n"))),
                of("armored-body-as-application-octet-stream", quarantined(NOT_ENCRYPTED, "east-power-soc"),
                        m -> CorpusMail.message(m.east("octet-body"), "application/octet-stream",
                                InboundMail.signedForGateway(m.ackEntity("octet-body"), m.east, T))),
                of("unreadable-content-type", quarantined(WRONG_CONTENT_TYPE, "east-power-soc"),
                        m -> replace(m.goodAck("bad-content-type"), "Content-Type: multipart/encrypted;", "Content-Type: multipart/;;=;")),
                of("multipart-encrypted-with-one-part", quarantined(WRONG_CONTENT_TYPE, "east-power-soc"),
                        m -> utf8(m.east("one-part").headers() + "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\";"
                                + " boundary=\"b\"\r\n\r\n--b\r\nContent-Type: application/octet-stream\r\n\r\n"
                                + InboundMail.signedForGateway(m.ackEntity("one-part"), m.east, T).replace("\n", "\r\n") + "\r\n--b--\r\n")),
                of("control-part-without-version", quarantined(WRONG_CONTENT_TYPE, "east-power-soc"),
                        m -> replace(m.goodAck("no-version"), "\r\n\r\nVersion: 1\r\n", "\r\n\r\nVersion: 2\r\n")),
                of("armor-cut-in-half", quarantined(DECRYPTION_FAILED, "east-power-soc"), m -> {
                    String armored = InboundMail.signedForGateway(m.ackEntity("armor-half"), m.east, T);
                    return InboundMail.pgpMime(m.east("armor-half"), armored.substring(0, armored.length() / 2));
                }),
                of("garbage-inside-the-armor", quarantined(DECRYPTION_FAILED, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("armor-garbage"), "-----BEGIN PGP MESSAGE-----\n\n"
                                + "!!!!this is not base64 at all!!!!\n%%%%\n-----END PGP MESSAGE-----\n")),
                of("armor-without-its-end-line-but-whole", accepted(), m -> {
                    String armored = InboundMail.signedForGateway(m.ackEntity("armor-no-end"), m.east, T);
                    return InboundMail.pgpMime(m.east("armor-no-end"), armored.substring(0, armored.indexOf("-----END")));
                }),
                of("data-part-base64-transfer-encoding-of-garbage", quarantined(MIME_TRUNCATED, "east-power-soc"),
                        m -> replace(m.goodAck("b64-garbage"), "Content-Type: application/octet-stream; name=\"encrypted.asc\"\r\n\r\n",
                                "Content-Type: application/octet-stream; name=\"encrypted.asc\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")),
                of("unknown-transfer-encoding-on-the-yaml-part", quarantined(MIME_TRUNCATED, "east-power-soc"),
                        m -> m.pgp(m.east("unknown-cte"), mixed("uc", textPart("x"),
                                "Content-Type: application/yaml\nContent-Transfer-Encoding: x-rot13\n\n# case: unknown-cte\n" + m.ack()), m.east)),
                of("no-from-header", quarantinedTellingNobody(HEADER_MISSING),
                        m -> replace(m.goodAck("no-from"), "From: " + EAST + "\r\n", "")),
                of("no-date-header", quarantined(HEADER_MISSING, "east-power-soc"),
                        m -> m.pgp(new InboundMail.Envelope(EAST, null, CorpusMail.messageId("no-date")), m.ackEntity("no-date"), m.east)),
                of("no-message-id-header", quarantined(HEADER_MISSING, "east-power-soc"),
                        m -> m.pgp(new InboundMail.Envelope(EAST, T, null), m.ackEntity("no-message-id"), m.east)),
                of("date-header-not-a-date", quarantined(HEADER_MISSING, "east-power-soc"),
                        m -> m.pgp(new InboundMail.Envelope(EAST, null, CorpusMail.messageId("bad-date")).header("Date", "yesterday, around noon"),
                                m.ackEntity("bad-date"), m.east)),
                of("message-id-without-angle-brackets", quarantined(HEADER_MISSING, "east-power-soc"),
                        m -> m.pgp(new InboundMail.Envelope(EAST, T, "no-brackets.corpus@east-power.sample.invalid"),
                                m.ackEntity("no-brackets"), m.east)),
                of("message-id-with-a-comment", quarantined(HEADER_MISSING, "east-power-soc"),
                        m -> m.pgp(new InboundMail.Envelope(EAST, T, CorpusMail.messageId("comment") + " (sent by hand)"),
                                m.ackEntity("comment"), m.east)),
                of("two-from-headers", quarantinedTellingNobody(HEADER_INJECTION),
                        m -> m.pgp(m.east("two-from").header("From", "soc@west-power.sample.invalid"), m.ackEntity("two-from"), m.east)),
                of("two-mailboxes-in-one-from", quarantinedTellingNobody(HEADER_MISSING),
                        m -> m.pgp(m.envelope(EAST + ", soc@west-power.sample.invalid", "two-mailboxes"), m.ackEntity("two-mailboxes"), m.east)),
                of("from-is-an-empty-group", quarantinedTellingNobody(FROM_SIGNER_MISMATCH),
                        m -> m.pgp(m.envelope("undisclosed-senders:;", "empty-group"), m.ackEntity("empty-group"), m.east)),
                of("two-date-headers", quarantined(HEADER_INJECTION, "east-power-soc"),
                        m -> m.pgp(m.east("two-dates").header("Date", "Mon, 1 Jun 2026 09:00:00 +0900"), m.ackEntity("two-dates"), m.east)),
                of("two-content-type-headers", quarantined(HEADER_INJECTION, "east-power-soc"),
                        m -> m.pgp(m.east("two-content-types").header("Content-Type", "text/plain"), m.ackEntity("two-content-types"), m.east)),
                of("signed-content-is-bare-yaml-not-mime", quarantined(io.liaison.gateway.inbound.ReasonCode.TEXT_REPLY_WITHOUT_CODE, "east-power-soc"),
                        m -> m.pgp(m.east("bare-yaml"), utf8("# case: bare-yaml\r\n" + m.ack().replace("\n", "\r\n")), m.east)),
                of("signed-multipart-without-closing-boundary", quarantined(MIME_TRUNCATED, "east-power-soc"),
                        m -> m.pgp(m.east("inner-unclosed"), replace(m.ackEntity("inner-unclosed"), "--inner-7f3a--", ""), m.east)),
                of("signed-content-without-machine-readable-part", quarantined(io.liaison.gateway.inbound.ReasonCode.TEXT_REPLY_WITHOUT_CODE, "east-power-soc"),
                        m -> m.pgp(m.east("text-only"), utf8("Content-Type: text/plain; charset=UTF-8\r\n\r\n受領しました "
                                + m.reference + " text-only\r\n"), m.east)),
                of("signed-content-with-an-executable", quarantined(WRONG_CONTENT_TYPE, "east-power-soc"),
                        m -> m.pgp(m.east("exe"), mixed("ex", yamlPart("# case: exe\n" + m.ack()),
                                "Content-Type: application/x-msdownload\nContent-Transfer-Encoding: base64\n\nTVqQAAMAAAAEAAAA"), m.east)),
                of("signed-content-with-two-yaml-parts", quarantined(WRONG_CONTENT_TYPE, "east-power-soc"),
                        m -> m.pgp(m.east("two-yaml"), mixed("ty", yamlPart("# case: two-yaml\n" + m.ack()),
                                yamlPart(InboundMail.ack(m.eastOnlyReference))), m.east)),
                of("yaml-that-does-not-parse", quarantined(FORMAT_INVALID, "east-power-soc"),
                        m -> m.pgp(m.east("bad-yaml"), m.inner("bad-yaml", "liaison: 1\ntype: [unclosed\n"), m.east)),
                of("yaml-of-an-unknown-document-type", quarantined(FORMAT_INVALID, "east-power-soc"),
                        m -> m.pgp(m.east("unknown-type"), m.inner("unknown-type", "liaison: 1\ntype: command\nrun: rm -rf /\n"), m.east)),
                of("line-ends-bare-lf-throughout", accepted(),
                        m -> utf8(new String(m.goodAck("bare-lf"), StandardCharsets.UTF_8).replace("\r\n", "\n"))));
    }

    private static byte[] concat(String prefix, byte[] rest) {
        return CorpusMail.concat(utf8(prefix), rest);
    }
}
