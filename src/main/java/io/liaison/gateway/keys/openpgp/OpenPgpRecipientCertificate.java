package io.liaison.gateway.keys.openpgp;

import io.liaison.gateway.keys.KeyAssessment;
import io.liaison.gateway.keys.KeyDefect;
import io.liaison.gateway.keys.KeyFinding;
import io.liaison.gateway.keys.KeyPolicy;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.SampleKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.util.encoders.Hex;

/**
 * An OpenPGP certificate of a point of contact. Bouncy Castle evaluates a certificate lazily and
 * caches the results without locking, so every evaluation here holds this object's lock, as the
 * composer does while it judges the certificate.
 */
public final class OpenPgpRecipientCertificate implements RecipientCertificate {
    private final OpenPGPCertificate certificate;
    private final String fingerprint;

    public OpenPgpRecipientCertificate(OpenPGPCertificate certificate) {
        this.certificate = certificate;
        this.fingerprint = Hex.toHexString(certificate.getFingerprint()).toUpperCase();
    }

    /** For the OpenPGP composer only; the rest of the gateway works with the interface. */
    public OpenPGPCertificate certificate() {
        return certificate;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public synchronized Optional<Instant> expiresAt() {
        Date expiry = certificate.getExpirationTime();
        return Optional.ofNullable(expiry).map(Date::toInstant);
    }

    @Override
    public synchronized boolean usableForEncryptionAt(Instant at) {
        Date when = Date.from(at);
        if (certificate.getRevocation(when) != null) {
            return false;
        }
        Optional<Instant> expiry = expiresAt();
        if (expiry.isPresent() && !at.isBefore(expiry.get())) {
            return false;
        }
        return !certificate.getEncryptionKeys(when).isEmpty();
    }

    /**
     * Expiry, revocation and encryption capability as Bouncy Castle evaluates them, plus what the
     * policy adds: every key in the certificate (not only the encryption subkey, since the primary
     * key's signatures are what bind it) must be of an accepted algorithm and size, and the newest
     * self-signature on each user ID and subkey must use an accepted hash.
     */
    @Override
    public synchronized KeyAssessment assess(KeyPolicy policy, Instant at) {
        List<KeyFinding> findings = new ArrayList<>();
        Date when = Date.from(at);
        if (certificate.getRevocation(when) != null) {
            findings.add(KeyFinding.of(KeyDefect.REVOKED, "revoked as of " + at));
        }
        Optional<Instant> expiry = expiresAt();
        if (expiry.isPresent() && !at.isBefore(expiry.get())) {
            findings.add(KeyFinding.of(KeyDefect.EXPIRED, "expired at " + expiry.get()));
        }
        if (certificate.getPrimaryKey().getCreationTime().after(when)) {
            findings.add(KeyFinding.of(KeyDefect.NOT_YET_VALID, "created at "
                    + certificate.getPrimaryKey().getCreationTime().toInstant() + ", after " + at));
        }
        Iterator<PGPPublicKey> keys = certificate.getPGPPublicKeyRing().getPublicKeys();
        PGPPublicKey primary = certificate.getPGPPublicKeyRing().getPublicKey();
        while (keys.hasNext()) {
            PGPPublicKey key = keys.next();
            String which = key == primary ? "primary key" : "subkey " + Long.toHexString(key.getKeyID()).toUpperCase();
            checkAlgorithm(policy, key, which, findings);
            newestSelfSignatureHash(key, primary).filter(hash -> policy.isWeakHash(hashName(hash))).ifPresent(hash ->
                    findings.add(KeyFinding.of(KeyDefect.WEAK_SIGNATURE_HASH,
                            which + " is bound by a " + hashName(hash) + " self-signature")));
        }
        if (findings.isEmpty() && certificate.getEncryptionKeys(when).isEmpty()) {
            findings.add(KeyFinding.of(KeyDefect.NO_ENCRYPTION_KEY,
                    "no key usable for encryption at " + at + " (revoked, expired or sign-only)"));
        }
        return KeyAssessment.of(fingerprint, findings, expiry);
    }

    private static void checkAlgorithm(KeyPolicy policy, PGPPublicKey key, String which, List<KeyFinding> findings) {
        int algorithm = key.getAlgorithm();
        switch (algorithm) {
            case PublicKeyAlgorithmTags.DSA -> findings.add(KeyFinding.of(KeyDefect.WEAK_ALGORITHM, which + " is DSA"));
            case PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT, PublicKeyAlgorithmTags.ELGAMAL_GENERAL ->
                    findings.add(KeyFinding.of(KeyDefect.WEAK_ALGORITHM, which + " is ElGamal"));
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_ENCRYPT, PublicKeyAlgorithmTags.RSA_SIGN -> {
                if (policy.isRsaTooShort(key.getBitStrength())) {
                    findings.add(KeyFinding.of(KeyDefect.WEAK_KEY_SIZE, which + " is RSA of " + key.getBitStrength()
                            + " bits, under " + policy.minimumRsaBits()));
                }
            }
            default -> {
                // Ed25519/X25519/Ed448/X448 and NIST/Brainpool ECC: sizes are fixed by the algorithm.
            }
        }
    }

    /**
     * Hash of the newest binding self-signature: for the primary key its user-ID certifications and
     * direct-key signatures made by itself, for a subkey its binding signature. Older signatures are
     * superseded, so a key re-signed with SHA-256 is not held against its SHA-1 past.
     */
    private static Optional<Integer> newestSelfSignatureHash(PGPPublicKey key, PGPPublicKey primary) {
        PGPSignature newest = null;
        Iterator<PGPSignature> signatures = key.getSignatures();
        while (signatures.hasNext()) {
            PGPSignature signature = signatures.next();
            int type = signature.getSignatureType();
            boolean binding = key == primary
                    ? type == PGPSignature.DIRECT_KEY || type == PGPSignature.DEFAULT_CERTIFICATION
                            || type == PGPSignature.NO_CERTIFICATION || type == PGPSignature.CASUAL_CERTIFICATION
                            || type == PGPSignature.POSITIVE_CERTIFICATION
                    : type == PGPSignature.SUBKEY_BINDING;
            if (!binding || signature.getKeyID() != primary.getKeyID()) {
                continue;
            }
            if (newest == null || signature.getCreationTime().after(newest.getCreationTime())) {
                newest = signature;
            }
        }
        return newest == null ? Optional.empty() : Optional.of(newest.getHashAlgorithm());
    }

    private static String hashName(int algorithm) {
        return switch (algorithm) {
            case HashAlgorithmTags.MD5 -> "MD5";
            case HashAlgorithmTags.SHA1 -> "SHA-1";
            case HashAlgorithmTags.RIPEMD160 -> "RIPEMD-160";
            case HashAlgorithmTags.MD2 -> "MD2";
            case HashAlgorithmTags.SHA224 -> "SHA-224";
            case HashAlgorithmTags.SHA256 -> "SHA-256";
            case HashAlgorithmTags.SHA384 -> "SHA-384";
            case HashAlgorithmTags.SHA512 -> "SHA-512";
            case HashAlgorithmTags.SHA3_256 -> "SHA3-256";
            case HashAlgorithmTags.SHA3_512 -> "SHA3-512";
            default -> "hash algorithm " + algorithm;
        };
    }

    @Override
    public synchronized boolean isSample() {
        // by fingerprint: a sample key with an edited user ID is still the published sample key
        return SampleKeys.isSampleFingerprint(fingerprint)
                || certificate.getAllUserIds().stream().anyMatch(u -> SampleKeys.isSampleUserId(u.getUserId()));
    }

    /**
     * The certificate (public keys only), ASCII-armored without header lines: what a contact imports.
     * Armored here rather than by {@code toAsciiArmoredString()}, whose comment lines may cut a user ID
     * with a non-ASCII ellipsis.
     */
    public synchronized String armored() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.bouncycastle.bcpg.ArmoredOutputStream armor = org.bouncycastle.bcpg.ArmoredOutputStream.builder().clearHeaders().build(out)) {
            armor.write(certificate.getEncoded());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot armor certificate " + fingerprint(), e);
        }
        return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "OpenPGP certificate " + fingerprint;
    }
}
