package io.liaison.gateway.inbound.corpus;

import static io.liaison.gateway.inbound.ReasonCode.DECRYPTION_FAILED;
import static io.liaison.gateway.inbound.ReasonCode.FROM_SIGNER_MISMATCH;
import static io.liaison.gateway.inbound.ReasonCode.NOT_ENCRYPTED;
import static io.liaison.gateway.inbound.ReasonCode.SIGNATURE_INVALID;
import static io.liaison.gateway.inbound.ReasonCode.UNKNOWN_SIGNER;
import static io.liaison.gateway.inbound.ReasonCode.UNSIGNED;
import static io.liaison.gateway.inbound.corpus.CorpusCase.of;
import static io.liaison.gateway.inbound.corpus.CorpusMail.EAST;
import static io.liaison.gateway.inbound.corpus.CorpusMail.FSA;
import static io.liaison.gateway.inbound.corpus.CorpusMail.MIC;
import static io.liaison.gateway.inbound.corpus.CorpusMail.T;
import static io.liaison.gateway.inbound.corpus.CorpusMail.WEST;
import static io.liaison.gateway.inbound.corpus.Expected.quarantined;
import static io.liaison.gateway.inbound.corpus.Expected.quarantinedTellingNobody;

import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundSmime;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.api.OpenPGPMessageGenerator;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;

/**
 * Mail claiming to come from a registered contact: signed by nobody, by a key registered nowhere, by
 * another organisation's registered key, or not protected at all. The From header decides nothing; the
 * contact it names is the only one told.
 */
final class SpoofingCases implements CorpusCategory {
    @Override
    public String title() {
        return "spoofing";
    }

    @Override
    public List<CorpusCase> cases() {
        return List.of(
                of("from-east-signed-by-nobody", quarantined(UNSIGNED, "east-power-soc"),
                        m -> m.unsignedPgp(m.east("spoof-unsigned"), m.ackEntity("spoof-unsigned"))),
                of("from-east-signed-by-an-unregistered-key", quarantined(UNKNOWN_SIGNER, "east-power-soc"),
                        m -> m.pgp(m.east("spoof-stranger"), m.ackEntity("spoof-stranger"), m.keys.stranger)),
                of("from-east-signed-by-a-key-carrying-easts-own-user-id", quarantined(UNKNOWN_SIGNER, "east-power-soc"),
                        m -> m.pgp(m.east("spoof-look-alike"), m.ackEntity("spoof-look-alike"), m.keys.eastLookAlike)),
                of("from-east-signed-by-the-gateways-own-key", quarantined(UNKNOWN_SIGNER, "east-power-soc"),
                        m -> m.pgp(m.east("spoof-gateway-key"), m.ackEntity("spoof-gateway-key"), gatewayKey())),
                of("from-east-signed-by-west-powers-registered-key", quarantined(FROM_SIGNER_MISMATCH, "east-power-soc"),
                        m -> m.pgp(m.east("spoof-west"), m.ackEntity("spoof-west"), m.west)),
                of("from-east-signed-by-nisc-dutys-registered-key", quarantined(FROM_SIGNER_MISMATCH, "east-power-soc"),
                        m -> m.pgp(m.east("spoof-nisc"), m.ackEntity("spoof-nisc"), m.niscDuty)),
                of("from-east-signed-by-its-own-ceptoars-registered-key", quarantined(FROM_SIGNER_MISMATCH, "east-power-soc"),
                        m -> m.pgp(m.east("spoof-ceptoar"), m.ackEntity("spoof-ceptoar"), m.ceptoarDuty)),
                of("from-west-signed-by-east", quarantined(FROM_SIGNER_MISMATCH, "west-power-soc"),
                        m -> m.pgp(m.envelope(WEST, "spoof-from-west"), m.ackEntity("spoof-from-west"), m.east)),
                of("from-nisc-duty-address-signed-by-east", quarantined(FROM_SIGNER_MISMATCH, "nisc-duty"),
                        m -> m.pgp(m.envelope("NISC <duty@nisc.sample.invalid>", "spoof-from-nisc"), m.ackEntity("spoof-from-nisc"), m.east)),
                of("from-west-with-sender-header-east-signed-by-east", quarantined(FROM_SIGNER_MISMATCH, "west-power-soc"),
                        m -> m.pgp(m.envelope(WEST, "spoof-sender").header("Sender", EAST), m.ackEntity("spoof-sender"), m.east)),
                of("from-unregistered-look-alike-domain-signed-by-east", quarantinedTellingNobody(FROM_SIGNER_MISMATCH),
                        m -> m.pgp(m.envelope("SOC <soc@east-power.sample.invalid.example>", "spoof-suffix-domain"),
                                m.ackEntity("spoof-suffix-domain"), m.east)),
                of("from-unregistered-subdomain-signed-by-east", quarantinedTellingNobody(FROM_SIGNER_MISMATCH),
                        m -> m.pgp(m.envelope("SOC <soc@mail.east-power.sample.invalid>", "spoof-subdomain"),
                                m.ackEntity("spoof-subdomain"), m.east)),
                of("from-unregistered-address-unsigned", quarantinedTellingNobody(UNSIGNED),
                        m -> m.unsignedPgp(m.envelope("attacker@example.invalid", "spoof-unregistered-unsigned"),
                                m.ackEntity("spoof-unregistered-unsigned"))),
                of("from-east-in-plain-text", quarantined(NOT_ENCRYPTED, "east-power-soc"),
                        m -> CorpusMail.message(m.east("spoof-plain"), "text/plain; charset=UTF-8", "受領しました " + m.reference + "\n")),
                of("from-east-encrypted-to-another-key", quarantined(DECRYPTION_FAILED, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("spoof-other-recipient"), InboundMail.encrypt(
                                InboundMail.signedPackets(m.ackEntity("spoof-other-recipient"), m.east, T),
                                List.of(InboundMail.certificate(InboundMail.SAMPLE.resolve("certs/nisc-duty.asc"))), T))),
                of("from-east-encrypted-with-a-passphrase-only", quarantined(DECRYPTION_FAILED, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("spoof-passphrase"), passphraseEncrypted(
                                InboundMail.signedPackets(m.ackEntity("spoof-passphrase"), m.east, T)))),
                of("from-mic-smime-signed-by-an-unregistered-certificate", quarantined(UNKNOWN_SIGNER, "mic-liaison"),
                        m -> m.smime(m.envelope(MIC, "spoof-smime-stranger"), m.ackEntity("spoof-smime-stranger"),
                                InboundSmime.stranger("MIC Liaison", "liaison@mic.sample.invalid"))),
                of("from-mic-smime-signed-by-a-look-alike-of-mics-certificate", quarantined(SIGNATURE_INVALID, "mic-liaison"),
                        m -> m.smime(m.envelope(MIC, "spoof-smime-look-alike"), m.ackEntity("spoof-smime-look-alike"),
                                InboundSmime.lookAlike(m.mic.certificate()))),
                of("from-mic-smime-signed-by-fsas-registered-certificate", quarantined(FROM_SIGNER_MISMATCH, "mic-liaison"),
                        m -> m.smime(m.envelope(MIC, "spoof-smime-fsa"), m.ackEntity("spoof-smime-fsa"), m.fsa)),
                of("from-fsa-pgp-signed-by-east", quarantined(FROM_SIGNER_MISMATCH, "fsa-liaison"),
                        m -> m.pgp(m.envelope(FSA, "spoof-fsa-pgp"), m.ackEntity("spoof-fsa-pgp"), m.east)),
                of("from-mic-smime-enveloped-but-unsigned", quarantined(UNSIGNED, "mic-liaison"),
                        m -> InboundSmime.envelopedMail(m.envelope(MIC, "spoof-smime-unsigned"),
                                InboundSmime.forGateway(m.ackEntity("spoof-smime-unsigned"), true), true)),
                of("from-mic-smime-signed-but-not-enveloped", quarantined(NOT_ENCRYPTED, "mic-liaison"),
                        m -> InboundSmime.mail(m.envelope(MIC, "spoof-smime-clear"), "signed-data",
                                InboundSmime.signature(m.ackEntity("spoof-smime-clear"), m.mic, T, true))));
    }

    private static OpenPgpGatewayKey gatewayKey() {
        try {
            return OpenPgpGatewayKey.load(InboundMail.SAMPLE.resolve("gateway/gateway.sec.asc"),
                    io.liaison.gateway.keys.PassphraseSource.fromFile(InboundMail.SAMPLE.resolve("gateway/passphrase.txt")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Symmetrically encrypted (SKESK): anyone with the passphrase could have made it; the gateway has none. */
    private static String passphraseEncrypted(byte[] packets) {
        try {
            var impl = OpenPgpGatewayKey.implementation();
            PGPDataEncryptorBuilder data = impl.pgpDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256);
            data.setWithIntegrityPacket(true);
            PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(data);
            generator.addMethod(impl.pbeKeyEncryptionMethodGenerator("corpus".toCharArray()));
            ByteArrayOutputStream armored = new ByteArrayOutputStream();
            try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(armored);
                 OutputStream encrypted = generator.open(armor, new byte[OpenPGPMessageGenerator.BUFFER_SIZE])) {
                encrypted.write(packets);
            }
            return armored.toString(StandardCharsets.US_ASCII);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
