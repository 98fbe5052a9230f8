package io.liaison.gateway.compose.openpgp;

import io.liaison.gateway.keys.GatewayKeyException;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.UnreadableCertificateException;
import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate;
import io.liaison.gateway.keys.openpgp.SampleKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPKey;

/** The committed demo keys, so the tests exercise the very files the demo ships. */
final class SampleKeysFixture {
    static final Path ROOT = Path.of("keys-sample");
    static final Path GATEWAY_SECRET = ROOT.resolve("gateway/gateway.sec.asc");
    static final Path GATEWAY_PASSPHRASE = ROOT.resolve("gateway/passphrase.txt");
    static final Path GATEWAY_CERT = ROOT.resolve("gateway/gateway.asc");

    /** The marked notice text as recipients see it; Japanese must survive every step. */
    static final String JAPANESE_NOTICE = "【TLP:AMBER】早期警戒情報 第2025-001号\r\n"
            + "電力分野の重要インフラ事業者各位\r\n"
            + "不審な通信が観測されています。至急ご確認ください。\r\n";

    private SampleKeysFixture() {
    }

    static OpenPgpGatewayKey gatewayKey() throws GatewayKeyException {
        return OpenPgpGatewayKey.load(GATEWAY_SECRET, PassphraseSource.fromFile(GATEWAY_PASSPHRASE));
    }

    static OpenPgpRecipientCertificate certificate(String pocId) throws UnreadableCertificateException {
        return (OpenPgpRecipientCertificate) new OpenPgpCertificateReader().read(ROOT.resolve("certs/" + pocId + ".asc"));
    }

    static Path secretKeyFile(String pocId) {
        return ROOT.resolve("secret/" + pocId + ".sec.asc");
    }

    /** The sample POC keys are unprotected, so no passphrase is ever read for them. */
    static OpenPgpGatewayKey recipientKey(String pocId) throws GatewayKeyException {
        return OpenPgpGatewayKey.load(secretKeyFile(pocId), PassphraseSource.fromEnvironment("UNUSED_FOR_UNPROTECTED_KEYS"));
    }

    /** Writes a freshly generated key to {@code dir} and loads it back the way the gateway would. */
    static OpenPgpGatewayKey generatedGatewayKey(Path dir, String userId, char[] passphrase)
            throws PGPException, IOException, GatewayKeyException {
        OpenPGPKey key = SampleKeyGenerator.generate(userId, Instant.now().minusSeconds(60),
                SampleKeyGenerator.SAMPLE_EXPIRY, true, passphrase);
        Path secret = dir.resolve("generated.sec.asc");
        Files.writeString(secret, key.toAsciiArmoredString(), StandardCharsets.UTF_8);
        Path passphraseFile = dir.resolve("generated-passphrase.txt");
        Files.writeString(passphraseFile, new String(passphrase) + "\n", StandardCharsets.UTF_8);
        return OpenPgpGatewayKey.load(secret, PassphraseSource.fromFile(passphraseFile));
    }

    static OpenPgpRecipientCertificate certificateOf(OpenPGPKey key) {
        return new OpenPgpRecipientCertificate(key.toCertificate());
    }
}
