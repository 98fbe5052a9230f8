package io.liaison.gateway.inbound.corpus;

import static io.liaison.gateway.inbound.ReasonCode.DECRYPTION_FAILED;
import static io.liaison.gateway.inbound.ReasonCode.ENCRYPTION_NESTED;
import static io.liaison.gateway.inbound.ReasonCode.NOT_ENCRYPTED;
import static io.liaison.gateway.inbound.ReasonCode.UNSIGNED;
import static io.liaison.gateway.inbound.ReasonCode.WRONG_CONTENT_TYPE;
import static io.liaison.gateway.inbound.corpus.CorpusCase.of;
import static io.liaison.gateway.inbound.corpus.CorpusMail.MIC;
import static io.liaison.gateway.inbound.corpus.CorpusMail.T;
import static io.liaison.gateway.inbound.corpus.CorpusMail.WEST;
import static io.liaison.gateway.inbound.corpus.CorpusMail.concat;
import static io.liaison.gateway.inbound.corpus.CorpusMail.detachedSignature;
import static io.liaison.gateway.inbound.corpus.CorpusMail.mixed;
import static io.liaison.gateway.inbound.corpus.CorpusMail.pgpMultipartSigned;
import static io.liaison.gateway.inbound.corpus.CorpusMail.textPart;
import static io.liaison.gateway.inbound.corpus.CorpusMail.utf8;
import static io.liaison.gateway.inbound.corpus.CorpusMail.yamlPart;
import static io.liaison.gateway.inbound.corpus.Expected.accepted;
import static io.liaison.gateway.inbound.corpus.Expected.quarantined;

import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundSmime;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Partial signatures and wrapping: a signed part inside an unsigned container beside unsigned content,
 * a signature over part of the content, signed-then-encrypted against encrypted-then-signed, a signed
 * message forwarded as an attachment, extra OpenPGP data beside the signed message, and encryption
 * nested in encryption.
 */
final class WrappingCases implements CorpusCategory {
    @Override
    public String title() {
        return "partial signatures and wrapping";
    }

    @Override
    public List<CorpusCase> cases() {
        return List.of(
                // RFC 3156 §6.1 (multipart/signed inside the encryption), read since issue 12 item 12
                of("rfc3156-multipart-signed-inside-encryption", accepted(),
                        m -> m.unsignedPgp(m.east("mps-61"), pgpMultipartSigned(m.ackEntity("mps-61"),
                                detachedSignature(m.ackEntity("mps-61"), "east-power-soc", T)))),
                of("rfc3156-multipart-signed-over-other-content", quarantined(io.liaison.gateway.inbound.ReasonCode.SIGNATURE_INVALID,
                        "east-power-soc"),
                        m -> m.unsignedPgp(m.east("mps-61-other"), pgpMultipartSigned(m.ackEntity("mps-61-other"),
                                detachedSignature(m.ackEntity("mps-61-other-signed"), "east-power-soc", T)))),
                of("rfc3156-multipart-signed-by-west-from-east", quarantined(io.liaison.gateway.inbound.ReasonCode.FROM_SIGNER_MISMATCH,
                        "east-power-soc"),
                        m -> m.unsignedPgp(m.east("mps-61-west"), pgpMultipartSigned(m.ackEntity("mps-61-west"),
                                detachedSignature(m.ackEntity("mps-61-west"), "west-power-soc", T)))),
                of("signed-text-wrapped-in-unsigned-mixed-beside-unsigned-yaml", quarantined(UNSIGNED, "east-power-soc"), m -> {
                    byte[] signedText = utf8("Content-Type: text/plain; charset=UTF-8\r\n\r\n受領しました\r\n");
                    String signed = new String(pgpMultipartSigned(signedText, detachedSignature(signedText, "east-power-soc", T)),
                            StandardCharsets.UTF_8);
                    return m.unsignedPgp(m.east("wrapped-61"), mixed("w61", signed, yamlPart("# case: wrapped-61\n" + m.ack())));
                }),
                of("smime-signed-text-wrapped-in-unsigned-mixed-beside-unsigned-yaml", quarantined(UNSIGNED, "mic-liaison"), m -> {
                    byte[] signedText = utf8("Content-Type: text/plain; charset=UTF-8\r\n\r\n受領しました\r\n");
                    String signed = new String(InboundSmime.signedDetached(signedText, m.mic, T), StandardCharsets.UTF_8);
                    return InboundSmime.envelopedMail(m.envelope(MIC, "smime-wrapped"), InboundSmime.forGateway(
                            mixed("wsm", signed, yamlPart("# case: smime-wrapped\n" + m.ack())), true), true);
                }),
                of("smime-signed-acknowledgement-beside-an-unsigned-one", quarantined(UNSIGNED, "mic-liaison"), m -> {
                    String signed = new String(InboundSmime.signedDetached(m.ackEntity("smime-beside"), m.mic, T), StandardCharsets.UTF_8);
                    return InboundSmime.envelopedMail(m.envelope(MIC, "smime-beside"), InboundSmime.forGateway(
                            mixed("wsb", signed, yamlPart("# unsigned\n" + InboundMail.ack(m.eastOnlyReference))), true), true);
                }),
                of("smime-unsigned-yaml-in-the-epilogue-of-the-signed-part", accepted(), m -> {
                    byte[] signed = InboundSmime.signedDetached(m.ackEntity("smime-epilogue"), m.mic, T);
                    return InboundSmime.envelopedMail(m.envelope(MIC, "smime-epilogue"), InboundSmime.forGateway(concat(signed,
                            utf8("Content-Type: application/yaml\r\n\r\n" + InboundMail.ack(m.eastOnlyReference))), true), true);
                }),
                of("encrypted-then-signed", quarantined(NOT_ENCRYPTED, "east-power-soc"), m -> {
                    byte[] encrypted = m.unsignedPgp(m.east("enc-then-sign"), m.ackEntity("enc-then-sign"));
                    String body = new String(encrypted, StandardCharsets.UTF_8);
                    byte[] entity = utf8(body.substring(body.indexOf("Content-Type: multipart/encrypted")));
                    return concat(utf8(m.east("enc-then-sign").headers()),
                            pgpMultipartSigned(entity, detachedSignature(entity, "east-power-soc", T)));
                }),
                of("valid-pgp-mime-wrapped-in-multipart-mixed", quarantined(NOT_ENCRYPTED, "east-power-soc"), m -> {
                    String good = new String(m.goodAck("wrapped-whole"), StandardCharsets.UTF_8);
                    String part = good.substring(good.indexOf("Content-Type: multipart/encrypted"));
                    return concat(utf8(m.east("wrapped-whole").headers()), mixed("ww", part, textPart("see above")));
                }),
                of("signed-message-forwarded-as-attachment", quarantined(WRONG_CONTENT_TYPE, "west-power-soc"), m -> {
                    String forwarded = new String(m.goodAck("forwarded-original"), StandardCharsets.UTF_8);
                    return m.pgp(m.envelope(WEST, "forwarded"), mixed("fw", textPart("転送します / forwarding"),
                            "Content-Type: message/rfc822\n\n" + forwarded), m.west);
                }),
                of("signed-message-forwarded-under-unsigned-encryption", quarantined(UNSIGNED, "east-power-soc"), m -> {
                    String forwarded = new String(m.goodAck("forwarded-unsigned-original"), StandardCharsets.UTF_8);
                    return m.unsignedPgp(m.east("forwarded-unsigned"), mixed("fu", textPart("fwd"),
                            "Content-Type: message/rfc822\n\n" + forwarded));
                }),
                of("third-part-beside-pgp-mime-parts", quarantined(WRONG_CONTENT_TYPE, "east-power-soc"), m -> {
                    String good = new String(m.goodAck("third-part"), StandardCharsets.UTF_8);
                    int end = good.lastIndexOf("--pgp-mime-91c2--");
                    return utf8(good.substring(0, end) + "--pgp-mime-91c2\r\nContent-Type: application/yaml\r\n\r\n"
                            + InboundMail.ack(m.eastOnlyReference).replace("\n", "\r\n") + "\r\n" + good.substring(end));
                }),
                of("unsigned-openpgp-message-appended-after-the-signed-one", quarantined(DECRYPTION_FAILED, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("appended-message"), m.encrypt(concat(
                                InboundMail.signedPackets(m.ackEntity("appended-message"), m.east, T),
                                InboundMail.unsignedPackets(m.inner("appended-message-2", InboundMail.ack(m.eastOnlyReference))))))),
                of("unsigned-text-after-the-armor", accepted(), m -> InboundMail.pgpMime(m.east("after-armor"),
                        InboundMail.signedForGateway(m.ackEntity("after-armor"), m.east, T) + "\nliaison: 1\ntype: acknowledgement\n")),
                of("encryption-nested-in-encryption", quarantined(ENCRYPTION_NESTED, "east-power-soc"), m -> {
                    String inner = InboundMail.signedForGateway(m.ackEntity("nested-inner"), m.east, T);
                    byte[] entity = utf8("Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"n1\"\r\n\r\n"
                            + "--n1\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n\r\n--n1\r\n"
                            + "Content-Type: application/octet-stream\r\n\r\n" + inner.replace("\n", "\r\n") + "\r\n--n1--\r\n");
                    return m.pgp(m.east("nested"), entity, m.east);
                }),
                of("armored-message-of-another-party-in-a-text-part", quarantined(ENCRYPTION_NESTED, "east-power-soc"),
                        m -> m.pgp(m.east("armored-in-text"), mixed("at", textPart(InboundMail.armor(
                                InboundMail.signedPackets(m.inner("armored-in-text-west", m.ack()), m.west, T))),
                                yamlPart("# case: armored-in-text\n" + m.ack())), m.east)),
                of("smime-envelope-inside-the-envelope", quarantined(ENCRYPTION_NESTED, "mic-liaison"),
                        m -> InboundSmime.envelopedMail(m.envelope(MIC, "smime-nested"), InboundSmime.forGateway(
                                InboundSmime.pkcs7Entity("enveloped-data", InboundSmime.forGateway(
                                        InboundSmime.signedDetached(m.ackEntity("smime-nested"), m.mic, T), false)), true), true)),
                of("detached-signature-of-another-party-attached", quarantined(WRONG_CONTENT_TYPE, "east-power-soc"),
                        m -> m.pgp(m.east("sig-attached"), mixed("sa", yamlPart("# case: sig-attached\n" + m.ack()),
                                "Content-Type: application/pgp-signature\n\n" + detachedSignature(utf8("x"), "west-power-soc", T)), m.east)));
    }
}
