package io.liaison.gateway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate;
import io.liaison.gateway.keys.smime.SmimeCapability;
import io.liaison.gateway.keys.smime.SmimeRecipientCertificate;
import io.liaison.gateway.keys.smime.SmimeSampleKeyGenerator;
import io.liaison.gateway.testing.WeakKeys;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.junit.jupiter.api.Test;

/** One policy for both kinds: each weakness is found, named, and tied to the certificate's fingerprint. */
class KeyPolicyRefusesWeakExpiredAndMisusedKeysTest {
    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofDays(365));
    private final KeyPolicy policy = KeyPolicy.standard();

    @Test
    void openPgpRsa1024IsWeakKeySize() throws Exception {
        OpenPgpRecipientCertificate c = new OpenPgpRecipientCertificate(WeakKeys.openPgpRsa(1024, HashAlgorithmTags.SHA256, "weak"));
        KeyAssessment a = c.assess(policy, NOW);
        assertDefects(a, KeyDefect.WEAK_KEY_SIZE);
        assertTrue(a.describe().startsWith(c.fingerprint()) && a.describe().contains("RSA of 1024 bits"), a.describe());
    }

    @Test
    void openPgpRsa3072BoundBySha1SelfSignatureIsWeakSignatureHash() throws Exception {
        KeyAssessment a = new OpenPgpRecipientCertificate(WeakKeys.openPgpRsa(3072, HashAlgorithmTags.SHA1, "sha1")).assess(policy, NOW);
        assertDefects(a, KeyDefect.WEAK_SIGNATURE_HASH);
        assertTrue(a.describe().contains("SHA-1 self-signature"), a.describe());
    }

    @Test
    void openPgpRsa3072WithSha256IsUsable() throws Exception {
        KeyAssessment a = new OpenPgpRecipientCertificate(WeakKeys.openPgpRsa(3072, HashAlgorithmTags.SHA256, "good")).assess(policy, NOW);
        assertTrue(a.isUsable(), a.describe());
    }

    @Test
    void openPgpDsaPrimaryAndElGamalSubkeyAreBothRetiredAlgorithms() throws Exception {
        KeyAssessment a = new OpenPgpRecipientCertificate(WeakKeys.openPgpDsaElGamal("old gnupg")).assess(policy, NOW);
        assertEquals(List.of(KeyDefect.WEAK_ALGORITHM, KeyDefect.WEAK_ALGORITHM), a.findings().stream().map(KeyFinding::defect).toList());
        assertTrue(a.describe().contains("primary key is DSA") && a.describe().contains("is ElGamal"), a.describe());
    }

    @Test
    void x509Rsa1024IsWeakKeySize() throws Exception {
        assertDefects(smime(WeakKeys.rsa(1024), "SHA256withRSA", NOW.minusSeconds(60), LATER), KeyDefect.WEAK_KEY_SIZE);
    }

    @Test
    void x509SignedWithSha1OrMd5IsWeakSignatureHash() throws Exception {
        KeyPair keys = WeakKeys.rsa(2048);
        assertDefects(smime(keys, "SHA1withRSA", NOW.minusSeconds(60), LATER), KeyDefect.WEAK_SIGNATURE_HASH);
        assertDefects(smime(keys, "MD5withRSA", NOW.minusSeconds(60), LATER), KeyDefect.WEAK_SIGNATURE_HASH);
    }

    @Test
    void x509DsaKeyIsRetiredAlgorithm() throws Exception {
        KeyPair keys = WeakKeys.dsa();
        KeyAssessment a = smime(keys, "SHA256withDSA", NOW.minusSeconds(60), LATER);
        assertTrue(a.findings().stream().allMatch(f -> f.defect() == KeyDefect.WEAK_ALGORITHM) && !a.isUsable(), a.describe());
    }

    @Test
    void x509ExpiredAndNotYetValidAreRefusedAndExpiringSoonIsReported() throws Exception {
        KeyPair keys = WeakKeys.rsa(2048);
        assertDefects(smime(keys, "SHA256withRSA", NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1))), KeyDefect.EXPIRED);
        assertDefects(smime(keys, "SHA256withRSA", NOW.plus(Duration.ofDays(1)), LATER), KeyDefect.NOT_YET_VALID);
        KeyAssessment soon = smime(keys, "SHA256withRSA", NOW.minusSeconds(60), NOW.plus(Duration.ofDays(10)));
        assertTrue(soon.isUsable());
        assertTrue(soon.expiresWithin(Duration.ofDays(30), NOW));
        assertFalse(soon.expiresWithin(Duration.ofDays(5), NOW));
    }

    @Test
    void x509WithoutEnciphermentKeyUsageCannotBeEncryptedTo() throws Exception {
        KeyPair keys = WeakKeys.rsa(2048);
        SmimeRecipientCertificate c = SmimeRecipientCertificate.of(SmimeSampleKeyGenerator.Issue
                .endEntity(SmimeSampleKeyGenerator.subject("Sign Only", false), "s@example.invalid", keys)
                .validity(NOW.minusSeconds(60), LATER).signOnly().issue(null, null));
        assertDefects(c.assess(policy, NOW), KeyDefect.NO_ENCRYPTION_KEY);
        assertFalse(c.usableForEncryptionAt(NOW));
    }

    @Test
    void gcmSupportComesFromTheCertificateExtensionOrTheDirectory() throws Exception {
        KeyPair keys = WeakKeys.rsa(2048);
        SmimeSampleKeyGenerator.Issue issue = SmimeSampleKeyGenerator.Issue
                .endEntity(SmimeSampleKeyGenerator.subject("Caps", false), "c@example.invalid", keys).validity(NOW.minusSeconds(60), LATER);
        SmimeRecipientCertificate plain = SmimeRecipientCertificate.of(issue.issue(null, null));
        SmimeRecipientCertificate announcing = SmimeRecipientCertificate.of(issue.announcingGcm().issue(null, null));

        assertFalse(plain.supports(SmimeCapability.AES256_GCM));
        assertTrue(announcing.supports(SmimeCapability.AES256_GCM));
        assertTrue(plain.withDeclaredCapabilities(Set.of(SmimeCapability.AES256_GCM)).supports(SmimeCapability.AES256_GCM));
        assertFalse(announcing.supports(SmimeCapability.RSAES_OAEP));
    }

    private KeyAssessment smime(KeyPair keys, String algorithm, Instant from, Instant until) throws Exception {
        return SmimeRecipientCertificate.of(WeakKeys.x509(keys, algorithm, from, until)).assess(policy, NOW);
    }

    private static void assertDefects(KeyAssessment assessment, KeyDefect... expected) {
        assertEquals(List.of(expected), assessment.findings().stream().map(KeyFinding::defect).toList(), assessment.describe());
    }
}
