package io.liaison.gateway.keys.smime;

import io.liaison.gateway.keys.KeyAssessment;
import io.liaison.gateway.keys.KeyDefect;
import io.liaison.gateway.keys.KeyFinding;
import io.liaison.gateway.keys.KeyPolicy;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.SampleKeys;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.smime.SMIMECapabilities;
import org.bouncycastle.asn1.smime.SMIMECapability;
import org.bouncycastle.asn1.teletrust.TeleTrusTObjectIdentifiers;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.encoders.Hex;

/**
 * An X.509 certificate of a point of contact, for S/MIME. The directory pins it: trust comes from
 * its registration there, not from a CA chain, exactly as for OpenPGP certificates; the fingerprint
 * is the SHA-256 of the DER encoding ({@code openssl x509 -fingerprint -sha256} without colons).
 * Immutable.
 *
 * <p>Revocation is not checked here: X.509 revocation lives in CRLs or OCSP responders outside the
 * certificate, which a gateway without Internet access cannot reach. A revoked certificate is removed
 * from the directory instead.
 */
public final class SmimeRecipientCertificate implements RecipientCertificate {
    private static final int KU_DIGITAL_SIGNATURE = 0;
    private static final int KU_KEY_ENCIPHERMENT = 2;
    private static final int KU_KEY_AGREEMENT = 4;

    /** The hash each certificate signature algorithm uses, for the policy's "no SHA-1/MD5" rule. */
    private static final Map<ASN1ObjectIdentifier, String> SIGNATURE_HASHES = Map.ofEntries(
            Map.entry(PKCSObjectIdentifiers.md2WithRSAEncryption, "MD2"),
            Map.entry(PKCSObjectIdentifiers.md4WithRSAEncryption, "MD4"),
            Map.entry(PKCSObjectIdentifiers.md5WithRSAEncryption, "MD5"),
            Map.entry(PKCSObjectIdentifiers.sha1WithRSAEncryption, "SHA-1"),
            Map.entry(OIWObjectIdentifiers.sha1WithRSA, "SHA-1"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA1, "SHA-1"),
            Map.entry(TeleTrusTObjectIdentifiers.rsaSignatureWithripemd160, "RIPEMD-160"),
            Map.entry(PKCSObjectIdentifiers.sha224WithRSAEncryption, "SHA-224"),
            Map.entry(PKCSObjectIdentifiers.sha256WithRSAEncryption, "SHA-256"),
            Map.entry(PKCSObjectIdentifiers.sha384WithRSAEncryption, "SHA-384"),
            Map.entry(PKCSObjectIdentifiers.sha512WithRSAEncryption, "SHA-512"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA224, "SHA-224"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA256, "SHA-256"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA384, "SHA-384"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA512, "SHA-512"));
    private static final Set<ASN1ObjectIdentifier> DSA_SIGNATURES = Set.of(
            X9ObjectIdentifiers.id_dsa_with_sha1, NISTObjectIdentifiers.dsa_with_sha224, NISTObjectIdentifiers.dsa_with_sha256,
            NISTObjectIdentifiers.dsa_with_sha384, NISTObjectIdentifiers.dsa_with_sha512);

    private final X509Certificate certificate;
    private final String fingerprint;
    private final Set<SmimeCapability> announced;
    private final Set<SmimeCapability> declared;

    private SmimeRecipientCertificate(X509Certificate certificate, Set<SmimeCapability> declared) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.fingerprint = sha256Fingerprint(certificate);
        this.announced = announcedCapabilities(certificate);
        this.declared = declared.isEmpty() ? Set.of() : Set.copyOf(declared);
    }

    public static SmimeRecipientCertificate of(X509Certificate certificate) {
        return new SmimeRecipientCertificate(certificate, Set.of());
    }

    /** The same certificate, with capabilities the directory vouches for on top of those the certificate announces. */
    public SmimeRecipientCertificate withDeclaredCapabilities(Collection<SmimeCapability> capabilities) {
        Set<SmimeCapability> set = EnumSet.noneOf(SmimeCapability.class);
        set.addAll(capabilities);
        return new SmimeRecipientCertificate(certificate, set);
    }

    /** For the S/MIME protector and opener only; the rest of the gateway works with the interface. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** Declared in the directory or announced by the certificate's sMIMECapabilities extension. */
    public boolean supports(SmimeCapability capability) {
        return declared.contains(capability) || announced.contains(capability);
    }

    public Set<SmimeCapability> declaredCapabilities() {
        return declared;
    }

    public Set<SmimeCapability> announcedCapabilities() {
        return announced;
    }

    /** "RSA" or "EC" (or whatever else the certificate holds, which S/MIME here will not encrypt to). */
    public String keyAlgorithm() {
        return certificate.getPublicKey().getAlgorithm();
    }

    /** The e-mail addresses the certificate is issued to (subjectAltName rfc822Name), for intake's From check. */
    public List<String> emailAddresses() {
        List<String> addresses = new ArrayList<>();
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if (name.size() == 2 && Integer.valueOf(1).equals(name.get(0)) && name.get(1) instanceof String email) {
                        addresses.add(email);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return List.of();
        }
        return List.copyOf(addresses);
    }

    /** True when the key usage allows verifying signatures made with this certificate's key. */
    public boolean maySign() {
        boolean[] usage = certificate.getKeyUsage();
        return usage == null || usage[KU_DIGITAL_SIGNATURE];
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public Optional<Instant> expiresAt() {
        return Optional.of(certificate.getNotAfter().toInstant());
    }

    @Override
    public boolean usableForEncryptionAt(Instant at) {
        return assess(KeyPolicy.standard(), at).isUsable();
    }

    @Override
    public boolean isSample() {
        // by fingerprint, of the certificate and of its public key: a sample key certified again is still published
        return SampleKeys.isSampleFingerprint(fingerprint) || SampleKeys.isSampleFingerprint(publicKeyFingerprint())
                || certificate.getSubjectX500Principal().getName().contains(SampleKeys.USER_ID_MARKER);
    }

    /** SHA-256 of the SubjectPublicKeyInfo, upper-case hex: the key's identity, whatever certificate carries it. */
    public String publicKeyFingerprint() {
        try {
            return Hex.toHexString(MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded())).toUpperCase();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the public key", e);
        }
    }

    /**
     * Validity period, key algorithm and size, the hash of the issuer's signature on the certificate,
     * and whether key usage and extended key usage allow e-mail encryption.
     */
    @Override
    public KeyAssessment assess(KeyPolicy policy, Instant at) {
        List<KeyFinding> findings = new ArrayList<>();
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (!at.isBefore(notAfter)) {
            findings.add(KeyFinding.of(KeyDefect.EXPIRED, "expired at " + notAfter));
        }
        if (at.isBefore(notBefore)) {
            findings.add(KeyFinding.of(KeyDefect.NOT_YET_VALID, "valid only from " + notBefore + ", after " + at));
        }
        checkKey(policy, findings);
        checkSignature(policy, findings);
        if (findings.isEmpty()) {
            encryptionUseProblem().ifPresent(problem -> findings.add(KeyFinding.of(KeyDefect.NO_ENCRYPTION_KEY, problem)));
        }
        return KeyAssessment.of(fingerprint, findings, expiresAt());
    }

    private void checkKey(KeyPolicy policy, List<KeyFinding> findings) {
        PublicKey key = certificate.getPublicKey();
        String algorithm = key.getAlgorithm();
        if (policy.isRetiredAlgorithm(algorithm)) {
            findings.add(KeyFinding.of(KeyDefect.WEAK_ALGORITHM, "the certificate's key is " + algorithm));
        } else if (key instanceof RSAPublicKey rsa && policy.isRsaTooShort(rsa.getModulus().bitLength())) {
            findings.add(KeyFinding.of(KeyDefect.WEAK_KEY_SIZE, "the certificate's key is RSA of "
                    + rsa.getModulus().bitLength() + " bits, under " + policy.minimumRsaBits()));
        } else if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() < 256) {
            findings.add(KeyFinding.of(KeyDefect.WEAK_KEY_SIZE, "the certificate's key is on a "
                    + ec.getParams().getCurve().getField().getFieldSize() + "-bit curve, under 256"));
        }
    }

    private void checkSignature(KeyPolicy policy, List<KeyFinding> findings) {
        ASN1ObjectIdentifier algorithm = new ASN1ObjectIdentifier(certificate.getSigAlgOID());
        if (DSA_SIGNATURES.contains(algorithm)) {
            findings.add(KeyFinding.of(KeyDefect.WEAK_ALGORITHM, "the certificate is signed with DSA"));
            return;
        }
        String hash = PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm)
                ? pssHash(certificate.getSigAlgParams()) : SIGNATURE_HASHES.get(algorithm);
        if (hash != null && policy.isWeakHash(hash)) {
            findings.add(KeyFinding.of(KeyDefect.WEAK_SIGNATURE_HASH, "the certificate is signed with " + hash
                    + " (" + certificate.getSigAlgName() + ")"));
        }
    }

    /** RSASSA-PSS names its hash in the parameters, and absent parameters mean SHA-1 (RFC 4055). */
    private static String pssHash(byte[] parameters) {
        if (parameters == null) {
            return "SHA-1";
        }
        RSASSAPSSparams pss = RSASSAPSSparams.getInstance(parameters);
        ASN1ObjectIdentifier hash = pss.getHashAlgorithm().getAlgorithm();
        if (OIWObjectIdentifiers.idSHA1.equals(hash)) {
            return "SHA-1";
        }
        if (NISTObjectIdentifiers.id_sha256.equals(hash)) {
            return "SHA-256";
        }
        if (NISTObjectIdentifiers.id_sha384.equals(hash)) {
            return "SHA-384";
        }
        if (NISTObjectIdentifiers.id_sha512.equals(hash)) {
            return "SHA-512";
        }
        return hash.getId();
    }

    /** Why the certificate may not be used to encrypt e-mail, if it may not. */
    private Optional<String> encryptionUseProblem() {
        boolean[] usage = certificate.getKeyUsage();
        String algorithm = keyAlgorithm();
        if (algorithm.equals("RSA")) {
            if (usage != null && !usage[KU_KEY_ENCIPHERMENT]) {
                return Optional.of("key usage does not include keyEncipherment");
            }
        } else if (algorithm.equals("EC")) {
            if (usage != null && !usage[KU_KEY_AGREEMENT]) {
                return Optional.of("key usage does not include keyAgreement");
            }
        } else {
            return Optional.of("a " + algorithm + " key, which the gateway does not encrypt to (RSA or EC only)");
        }
        try {
            List<String> purposes = certificate.getExtendedKeyUsage();
            if (purposes != null && !purposes.contains(KeyPurposeId.id_kp_emailProtection.getId())
                    && !purposes.contains(KeyPurposeId.anyExtendedKeyUsage.getId())) {
                return Optional.of("extended key usage does not include emailProtection");
            }
        } catch (CertificateParsingException e) {
            return Optional.of("extended key usage cannot be read");
        }
        return Optional.empty();
    }

    private static Set<SmimeCapability> announcedCapabilities(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(PKCSObjectIdentifiers.pkcs_9_at_smimeCapabilities.getId());
        if (extension == null) {
            return Set.of();
        }
        Set<SmimeCapability> found = EnumSet.noneOf(SmimeCapability.class);
        try {
            ASN1Primitive value = ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(extension).getOctets());
            for (Object capability : SMIMECapabilities.getInstance(value).getCapabilities(null)) {
                SmimeCapability.byOid(((SMIMECapability) capability).getCapabilityID()).ifPresent(found::add);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // A malformed extension announces nothing; the baseline (AES-256-CBC) is still readable.
            return Set.of();
        }
        return Set.copyOf(found);
    }

    private static String sha256Fingerprint(X509Certificate certificate) {
        try {
            return Hex.toHexString(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())).toUpperCase();
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    /** The certificate as PEM ({@code -----BEGIN CERTIFICATE-----}): what a contact imports. */
    public String pem() {
        try {
            String base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode certificate " + fingerprint(), e);
        }
    }

    @Override
    public String toString() {
        return "S/MIME certificate " + fingerprint;
    }
}
