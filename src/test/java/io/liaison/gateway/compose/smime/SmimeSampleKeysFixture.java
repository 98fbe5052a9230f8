package io.liaison.gateway.compose.smime;

import io.liaison.gateway.keys.GatewayKeyException;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.UnreadableCertificateException;
import io.liaison.gateway.keys.smime.SmimeCapability;
import io.liaison.gateway.keys.smime.SmimeCertificateReader;
import io.liaison.gateway.keys.smime.SmimeGatewayKey;
import io.liaison.gateway.keys.smime.SmimeRecipientCertificate;
import io.liaison.gateway.keys.smime.SmimeSampleKeyGenerator;
import java.nio.file.Path;
import java.util.Set;

/** The committed S/MIME demo keys, so the tests exercise the very files the demo ships. */
final class SmimeSampleKeysFixture {
    static final Path ROOT = Path.of("keys-sample");
    static final Path SMIME = ROOT.resolve("smime");
    static final Path CA = SMIME.resolve("ca.pem");
    static final Path GATEWAY_KEY = SMIME.resolve("gateway.key.pem");
    static final Path GATEWAY_CERT = SMIME.resolve("gateway.pem");
    static final Path PASSPHRASE = ROOT.resolve("gateway/passphrase.txt");
    /** RSA 3072: key transport. */
    static final String RSA_POC = "mic-liaison";
    /** EC P-256: key agreement. */
    static final String EC_POC = "fsa-liaison";

    static final String JAPANESE_NOTICE = "【TLP:AMBER】早期警戒情報 第2025-001号\r\n"
            + "金融分野の重要インフラ事業者各位\r\n"
            + "不審な通信が観測されています。至急ご確認ください。\r\n";

    private SmimeSampleKeysFixture() {
    }

    static SmimeGatewayKey gatewayKey() throws GatewayKeyException {
        return SmimeGatewayKey.load(GATEWAY_KEY, GATEWAY_CERT, PassphraseSource.fromFile(PASSPHRASE));
    }

    static SmimeRecipientCertificate certificate(String pocId) throws UnreadableCertificateException {
        return new SmimeCertificateReader().readCertificate(certificateFile(pocId));
    }

    static SmimeRecipientCertificate gcmCertificate(String pocId) throws UnreadableCertificateException {
        return certificate(pocId).withDeclaredCapabilities(Set.of(SmimeCapability.AES256_GCM));
    }

    static Path certificateFile(String pocId) {
        return SMIME.resolve("certs/" + pocId + ".pem");
    }

    static Path secretKeyFile(String pocId) {
        return SMIME.resolve("secret/" + pocId + ".key.pem");
    }

    static SmimeGatewayKey recipientKey(String pocId) throws GatewayKeyException {
        return SmimeSampleKeyGenerator.loadRecipientKey(ROOT, pocId);
    }
}
