package io.liaison.gateway.inbound.corpus;

import static io.liaison.gateway.inbound.ReasonCode.SIGNATURE_INVALID;
import static io.liaison.gateway.inbound.ReasonCode.SIGNER_KEY_EXPIRED;
import static io.liaison.gateway.inbound.ReasonCode.SIGNER_KEY_REVOKED;
import static io.liaison.gateway.inbound.ReasonCode.UNKNOWN_SIGNER;
import static io.liaison.gateway.inbound.corpus.CorpusCase.of;
import static io.liaison.gateway.inbound.corpus.CorpusMail.MIC;
import static io.liaison.gateway.inbound.corpus.CorpusMail.T;
import static io.liaison.gateway.inbound.corpus.Expected.accepted;
import static io.liaison.gateway.inbound.corpus.Expected.quarantined;

import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundSmime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Signatures by the right party that do not count: a revoked key, a key not valid when it signed, a
 * weak hash, content changed after signing, and messages carrying more than one signature.
 */
final class WrongSignerCases implements CorpusCategory {
    @Override
    public String title() {
        return "wrong signer and signatures that do not count";
    }

    @Override
    public List<CorpusCase> cases() {
        return List.of(
                of("signed-by-a-revoked-signing-subkey", quarantined(SIGNER_KEY_REVOKED, "revoked-power-soc"),
                        m -> m.pgp(m.envelope("soc@revoked-power.test.invalid", "revoked-subkey"), m.ackEntity("revoked-subkey"),
                                m.keys.revoked)),
                of("signature-over-a-changed-body", quarantined(SIGNATURE_INVALID, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("changed-body"), m.encrypt(InboundMail.replaceOnce(
                                InboundMail.signedPackets(m.ackEntity("changed-body"), m.east, T), "受領しました", "受領しません")))),
                of("signature-over-a-changed-reference", quarantined(SIGNATURE_INVALID, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("changed-reference"), m.encrypt(InboundMail.replaceOnce(
                                InboundMail.signedPackets(m.ackEntity("changed-reference"), m.east, T), m.reference,
                                m.eastOnlyReference)))),
                of("two-signatures-east-and-west", quarantined(SIGNATURE_INVALID, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("two-sig-east-west"), m.encrypt(
                                m.signedByEach(m.ackEntity("two-sig-east-west"), T, m.east, m.west)))),
                of("two-signatures-east-and-an-unregistered-key", quarantined(UNKNOWN_SIGNER, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("two-sig-east-stranger"), m.encrypt(
                                m.signedByEach(m.ackEntity("two-sig-east-stranger"), T, m.east, m.keys.stranger)))),
                of("two-signatures-east-and-a-revoked-key", quarantined(SIGNER_KEY_REVOKED, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("two-sig-east-revoked"), m.encrypt(
                                m.signedByEach(m.ackEntity("two-sig-east-revoked"), T, m.east, m.keys.revoked)))),
                of("two-signatures-both-by-east", accepted(),
                        m -> InboundMail.pgpMime(m.east("two-sig-east-east"), m.encrypt(
                                m.signedByEach(m.ackEntity("two-sig-east-east"), T, m.east, m.east)))),
                of("two-signatures-west-and-east-from-west", quarantined(SIGNATURE_INVALID, "west-power-soc"),
                        m -> InboundMail.pgpMime(m.envelope(CorpusMail.WEST, "two-sig-west-east"), m.encrypt(
                                m.signedByEach(m.ackEntity("two-sig-west-east"), T, m.west, m.east)))),
                of("smime-signing-time-before-the-certificate", quarantined(SIGNER_KEY_EXPIRED, "mic-liaison"),
                        m -> InboundSmime.reply(m.envelope(MIC, "smime-before-cert"), m.ackEntity("smime-before-cert"), m.mic,
                                Instant.parse("2001-01-01T00:00:00Z"))),
                of("smime-sha1-signature", quarantined(SIGNATURE_INVALID, "mic-liaison"),
                        m -> m.smime(m.envelope(MIC, "smime-sha1"), m.ackEntity("smime-sha1"),
                                new InboundSmime.Signer(m.mic.key(), m.mic.certificate(), "SHA1withRSA"))),
                of("smime-signature-over-a-changed-body", quarantined(SIGNATURE_INVALID, "mic-liaison"), m -> {
                    byte[] entity = m.ackEntity("smime-changed-body");
                    byte[] signature = InboundSmime.signature(entity, m.mic, T, false);
                    return InboundSmime.envelopedMail(m.envelope(MIC, "smime-changed-body"), InboundSmime.forGateway(
                            InboundSmime.multipartSigned(InboundMail.replaceOnce(entity, "受領しました", "受領しません"), signature), true), true);
                }),
                of("smime-signature-of-one-entity-attached-to-another", quarantined(SIGNATURE_INVALID, "mic-liaison"), m -> {
                    byte[] signature = InboundSmime.signature(m.ackEntity("smime-swapped-a"), m.mic, T.minus(Duration.ofMinutes(1)), false);
                    return InboundSmime.envelopedMail(m.envelope(MIC, "smime-swapped"), InboundSmime.forGateway(
                            InboundSmime.multipartSigned(m.ackEntity("smime-swapped-b"), signature), true), true);
                }));
    }
}
