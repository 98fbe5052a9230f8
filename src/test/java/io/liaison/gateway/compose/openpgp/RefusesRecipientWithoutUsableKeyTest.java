package io.liaison.gateway.compose.openpgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.compose.PreparedContent;
import io.liaison.gateway.compose.ProtectionRefusedException;
import io.liaison.gateway.compose.RefusalReason;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate;
import io.liaison.gateway.keys.openpgp.SampleKeyGenerator;
import jakarta.mail.internet.MimeBodyPart;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.SignatureParameters;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recipient whose certificate cannot be used gets a typed refusal naming the key, never plaintext. */
class RefusesRecipientWithoutUsableKeyTest {
    private static final Instant AT = Instant.now();
    private static OpenPgpGatewayKey gateway;
    private static PgpMimeProtector protector;
    private static PreparedContent content;

    @BeforeAll
    static void signOnce() throws Exception {
        gateway = SampleKeysFixture.gatewayKey();
        protector = PgpMimeProtector.forDemo(gateway);
        MimeBodyPart inner = new MimeBodyPart();
        inner.setText(SampleKeysFixture.JAPANESE_NOTICE, "UTF-8");
        content = protector.prepare(inner, AT);
    }

    @Test
    void refusesCertificateThatExpiredBeforeTheSendingInstant() throws Exception {
        OpenPGPKey expired = SampleKeyGenerator.generate(uid("expired"), AT.minus(Duration.ofDays(30)),
                AT.minus(Duration.ofDays(1)), true, null);
        assertRefused(SampleKeysFixture.certificateOf(expired), RefusalReason.EXPIRED);
    }

    @Test
    void refusesSignOnlyCertificateWithoutEncryptionKey() throws Exception {
        OpenPGPKey signOnly = SampleKeyGenerator.generate(uid("sign-only"), AT.minus(Duration.ofDays(1)),
                SampleKeyGenerator.SAMPLE_EXPIRY, false, null);
        assertRefused(SampleKeysFixture.certificateOf(signOnly), RefusalReason.NO_ENCRYPTION_KEY);
    }

    @Test
    void refusesRevokedCertificate() throws Exception {
        OpenPGPKey key = SampleKeyGenerator.generate(uid("revoked"), AT.minus(Duration.ofDays(10)),
                SampleKeyGenerator.SAMPLE_EXPIRY, true, null);
        OpenPGPKey revoked = new BcOpenPGPApi().editKey(key).revokeKey(datedBefore(AT)).done();
        assertRefused(SampleKeysFixture.certificateOf(revoked), RefusalReason.REVOKED);
    }

    @Test
    void refusesCertificateWhoseOnlyEncryptionSubkeyIsRevoked() throws Exception {
        OpenPGPKey key = SampleKeyGenerator.generate(uid("subkey-revoked"), AT.minus(Duration.ofDays(10)),
                SampleKeyGenerator.SAMPLE_EXPIRY, true, null);
        OpenPGPKey revoked = new BcOpenPGPApi().editKey(key)
                .revokeComponentKey(key.getEncryptionKeys().get(0), datedBefore(AT)).done();
        assertRefused(SampleKeysFixture.certificateOf(revoked), RefusalReason.NO_ENCRYPTION_KEY);
    }

    @Test
    void refusesCertificateThatIsNotOpenPgp() {
        RecipientCertificate x509 = new RecipientCertificate() {
            @Override
            public String fingerprint() {
                return "5C0FFEE0000000000000000000000000000000AA";
            }

            @Override
            public Optional<Instant> expiresAt() {
                return Optional.empty();
            }

            @Override
            public boolean usableForEncryptionAt(Instant at) {
                return true;
            }

            @Override
            public boolean isSample() {
                return false;
            }
        };
        assertRefused(x509, RefusalReason.WRONG_KIND);
    }

    @Test
    void productionModeRefusesSampleRecipientAndSampleGatewayKey(@TempDir Path dir) throws Exception {
        OpenPgpGatewayKey realKey = SampleKeysFixture.generatedGatewayKey(dir,
                "Liaison Gateway Test <gateway@nisc.test.invalid>", "not-a-sample".toCharArray());
        PgpMimeProtector production = PgpMimeProtector.forProduction(realKey);
        MimeBodyPart inner = new MimeBodyPart();
        inner.setText("TLP:CLEAR test", "UTF-8");
        PreparedContent prepared = production.prepare(inner, AT);
        OpenPgpRecipientCertificate sample = SampleKeysFixture.certificate("east-power-soc");

        ProtectionRefusedException refusal = assertThrows(ProtectionRefusedException.class,
                () -> production.protectFor(prepared, sample));
        assertEquals(RefusalReason.SAMPLE_KEY, refusal.reason());
        assertEquals(sample.fingerprint(), refusal.fingerprint());

        assertThrows(IllegalArgumentException.class, () -> PgpMimeProtector.forProduction(gateway));
    }

    @Test
    void stillProtectsForUsableSampleCertificateInDemoMode() throws Exception {
        assertNotNull(protector.protectFor(content, SampleKeysFixture.certificate("east-power-soc")));
    }

    private static void assertRefused(RecipientCertificate certificate, RefusalReason reason) {
        ProtectionRefusedException refusal = assertThrows(ProtectionRefusedException.class,
                () -> protector.protectFor(content, certificate));
        assertEquals(reason, refusal.reason(), refusal.getMessage());
        assertEquals(certificate.fingerprint(), refusal.fingerprint());
        assertTrue(refusal.getMessage().contains(certificate.fingerprint()), refusal.getMessage());
    }

    private static String uid(String what) {
        return SampleKeyGenerator.sampleUserId("Test " + what, what + "@test.sample.invalid");
    }

    private static SignatureParameters.Callback datedBefore(Instant at) {
        Date when = Date.from(at.minus(Duration.ofHours(1)));
        return new SignatureParameters.Callback() {
            @Override
            public SignatureParameters apply(SignatureParameters parameters) {
                return parameters.setSignatureCreationTime(when);
            }
        };
    }
}
