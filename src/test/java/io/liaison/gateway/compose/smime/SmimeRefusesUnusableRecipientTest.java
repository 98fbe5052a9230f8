package io.liaison.gateway.compose.smime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.compose.PreparedContent;
import io.liaison.gateway.compose.ProtectionRefusedException;
import io.liaison.gateway.compose.RefusalReason;
import io.liaison.gateway.compose.openpgp.PgpMimeProtector;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate;
import io.liaison.gateway.keys.smime.SmimeRecipientCertificate;
import io.liaison.gateway.testing.WeakKeys;
import jakarta.mail.internet.MimeBodyPart;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * At send time both protectors apply the key policy again (a directory loaded last week may hold a
 * key that has expired since) and refuse with the fingerprint; nothing is produced, so nothing can
 * go out in plaintext either.
 */
class SmimeRefusesUnusableRecipientTest {
    private static SmimeProtector protector;
    private static PreparedContent content;

    @BeforeAll
    static void prepare() throws Exception {
        protector = SmimeProtector.forDemo(SmimeSampleKeysFixture.gatewayKey());
        MimeBodyPart inner = new MimeBodyPart();
        inner.setText("notice", "UTF-8");
        content = protector.prepare(inner, Instant.now());
    }

    @Test
    void refusesSha1SignedCertificateAsWeakKey() throws Exception {
        assertRefused(SmimeRecipientCertificate.of(WeakKeys.x509(WeakKeys.rsa(2048), "SHA1withRSA",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)))), RefusalReason.WEAK_KEY);
    }

    @Test
    void refusesRsa1024CertificateAsWeakKey() throws Exception {
        assertRefused(SmimeRecipientCertificate.of(WeakKeys.x509(WeakKeys.rsa(1024), "SHA256withRSA",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)))), RefusalReason.WEAK_KEY);
    }

    @Test
    void refusesCertificateThatExpiredBeforeTheSignatureInstant() throws Exception {
        assertRefused(SmimeRecipientCertificate.of(WeakKeys.x509(WeakKeys.rsa(2048), "SHA256withRSA",
                Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1)))), RefusalReason.EXPIRED);
    }

    @Test
    void refusesOpenPgpCertificateAsWrongKind() throws Exception {
        assertRefused(new OpenPgpCertificateReader().read(Path.of("keys-sample/certs/nisc-duty.asc")), RefusalReason.WRONG_KIND);
    }

    @Test
    void productionRefusesSampleCertificates() throws Exception {
        SmimeProtector production = SmimeProtector.forProduction(generatedNonSampleKey());
        MimeBodyPart inner = new MimeBodyPart();
        inner.setText("notice", "UTF-8");
        PreparedContent prepared = production.prepare(inner, Instant.now());
        ProtectionRefusedException e = assertThrows(ProtectionRefusedException.class,
                () -> production.protectFor(prepared, SmimeSampleKeysFixture.certificate("mic-liaison")));
        assertEquals(RefusalReason.SAMPLE_KEY, e.reason());
        assertThrows(IllegalArgumentException.class, () -> SmimeProtector.forProduction(SmimeSampleKeysFixture.gatewayKey()));
    }

    @Test
    void openPgpProtectorAlsoRefusesRsa1024AtSendTime() throws Exception {
        OpenPgpGatewayKey gateway = OpenPgpGatewayKey.load(Path.of("keys-sample/gateway/gateway.sec.asc"),
                PassphraseSource.fromFile(Path.of("keys-sample/gateway/passphrase.txt")));
        OpenPgpRecipientCertificate weak = new OpenPgpRecipientCertificate(
                WeakKeys.openPgpRsa(1024, HashAlgorithmTags.SHA256, "Weak <weak@example.invalid>"));
        MimeBodyPart inner = new MimeBodyPart();
        inner.setText("notice", "UTF-8");
        ProtectionRefusedException e = assertThrows(ProtectionRefusedException.class,
                () -> PgpMimeProtector.forDemo(gateway).protect(inner, weak, Instant.now()));
        assertEquals(RefusalReason.WEAK_KEY, e.reason());
        assertEquals(weak.fingerprint(), e.fingerprint());
        assertTrue(e.getMessage().contains("RSA of 1024 bits"), e.getMessage());
    }

    private static io.liaison.gateway.keys.smime.SmimeGatewayKey generatedNonSampleKey() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("smime");
        java.security.KeyPair keys = io.liaison.gateway.keys.smime.SmimeSampleKeyGenerator.keyPair(0);
        java.security.cert.X509Certificate cert = io.liaison.gateway.keys.smime.SmimeSampleKeyGenerator.Issue
                .endEntity(io.liaison.gateway.keys.smime.SmimeSampleKeyGenerator.subject("Real Gateway", false), "gw@example.invalid", keys)
                .validity(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30))).issue(null, null);
        java.nio.file.Files.writeString(dir.resolve("key.pem"),
                io.liaison.gateway.keys.smime.SmimeSampleKeyGenerator.pkcs8Pem(keys.getPrivate(), null));
        WeakKeys.write(dir.resolve("cert.pem"), cert);
        return io.liaison.gateway.keys.smime.SmimeGatewayKey.load(dir.resolve("key.pem"), dir.resolve("cert.pem"),
                PassphraseSource.fromEnvironment("UNUSED", java.util.Map.of()));
    }

    private static void assertRefused(RecipientCertificate certificate, RefusalReason reason) {
        ProtectionRefusedException e = assertThrows(ProtectionRefusedException.class, () -> protector.protectFor(content, certificate));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(certificate.fingerprint(), e.fingerprint());
        assertTrue(e.getMessage().contains(certificate.fingerprint()), e.getMessage());
    }
}
