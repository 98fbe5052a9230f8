package io.liaison.gateway.keys.smime;

import io.liaison.gateway.keys.GatewayKeyException;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.SampleKeys;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.smime.SMIMECapability;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Generates the demo's S/MIME sample keys into {@code keys-sample/smime/} (or the folder given as the
 * first argument): a sample CA, the gateway's signing certificate with its passphrase-protected key,
 * and two ministry liaisons' certificates with unprotected keys. Every subject carries
 * {@code O=SAMPLE KEY - DEMO ONLY}, which the gateway refuses outside demo mode.
 *
 * <p>The gateway's key is encrypted with the same sample passphrase as its OpenPGP key
 * ({@code keys-sample/gateway/passphrase.txt}), so the demo needs one secret, given the usual way.
 * Also used by tests, through {@link Issue}, to make weak, expired or odd certificates.
 */
public final class SmimeSampleKeyGenerator {
    public static final Instant SAMPLE_CREATED = Instant.parse("2025-01-01T00:00:00Z");
    public static final Instant SAMPLE_EXPIRY = Instant.parse("2031-12-31T12:00:00Z");

    /** A sample POC with an S/MIME certificate: id (file name), name, e-mail, RSA (bits) or EC P-256 when 0. */
    public record SamplePoc(String id, String name, String email, int rsaBits) {
    }

    public static final SamplePoc GATEWAY = new SamplePoc("gateway", "Liaison Gateway (NISC)", "gateway@nisc.sample.invalid", 0);
    public static final List<SamplePoc> POINTS_OF_CONTACT = List.of(
            // One RSA and one EC contact, so both key transport and key agreement are exercised.
            new SamplePoc("mic-liaison", "MIC Liaison", "liaison@mic.sample.invalid", 3072),
            new SamplePoc("fsa-liaison", "FSA Liaison", "liaison@fsa.sample.invalid", 0));

    private SmimeSampleKeyGenerator() {
    }

    /** A key pair: RSA of {@code rsaBits}, or EC P-256 when {@code rsaBits} is 0. */
    public static KeyPair keyPair(int rsaBits) throws GeneralSecurityException {
        if (rsaBits > 0) {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA", SmimeCrypto.provider());
            rsa.initialize(rsaBits);
            return rsa.generateKeyPair();
        }
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", SmimeCrypto.provider());
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        return ec.generateKeyPair();
    }

    /** A subject "CN=name, O=SAMPLE KEY - DEMO ONLY, C=JP" (the marker is how samples are told apart) or without the marker. */
    public static X500Name subject(String commonName, boolean sample) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP");
        if (sample) {
            name.addRDN(BCStyle.O, SampleKeys.USER_ID_MARKER);
        }
        return name.addRDN(BCStyle.CN, commonName).build();
    }

    /** Parameters of one certificate to issue; immutable, changed by the with-methods. */
    public record Issue(X500Name subject, String email, KeyPair keyPair, Instant notBefore, Instant notAfter,
                        String signatureAlgorithm, boolean ca, boolean withKeyUsage, boolean announceGcm) {

        public Issue {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(keyPair, "keyPair");
        }

        /** An end-entity e-mail certificate, signed with SHA-256, valid like the other samples. */
        public static Issue endEntity(X500Name subject, String email, KeyPair keyPair) {
            return new Issue(subject, email, keyPair, SAMPLE_CREATED, SAMPLE_EXPIRY, null, false, true, false);
        }

        public static Issue authority(X500Name subject, KeyPair keyPair) {
            return new Issue(subject, null, keyPair, SAMPLE_CREATED, SAMPLE_EXPIRY, null, true, true, false);
        }

        public Issue validity(Instant from, Instant until) {
            return new Issue(subject, email, keyPair, from, until, signatureAlgorithm, ca, withKeyUsage, announceGcm);
        }

        /** The issuer's signature algorithm, e.g. "SHA1withRSA" for a weak test certificate; default SHA-256. */
        public Issue signedWith(String algorithm) {
            return new Issue(subject, email, keyPair, notBefore, notAfter, algorithm, ca, withKeyUsage, announceGcm);
        }

        /** Lists AES-256-GCM in an sMIMECapabilities extension (RFC 4262). */
        public Issue announcingGcm() {
            return new Issue(subject, email, keyPair, notBefore, notAfter, signatureAlgorithm, ca, withKeyUsage, true);
        }

        /** Signing only: key usage digitalSignature, no encipherment or agreement. */
        public Issue signOnly() {
            return new Issue(subject, email, keyPair, notBefore, notAfter, signatureAlgorithm, ca, false, announceGcm);
        }

        /** Issued by {@code issuer} (its certificate and key), or self-signed when issuer is null. */
        public X509Certificate issue(X509Certificate issuerCertificate, PrivateKey issuerKey)
                throws GeneralSecurityException, IOException, OperatorCreationException {
            X500Name issuerName = issuerCertificate == null ? subject : X500Name.getInstance(issuerCertificate.getSubjectX500Principal().getEncoded());
            PrivateKey signingKey = issuerKey == null ? keyPair.getPrivate() : issuerKey;
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(128, new SecureRandom()), Date.from(notBefore), Date.from(notAfter), subject, keyPair.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keyPair.getPublic()));
            if (issuerCertificate != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerCertificate));
            }
            boolean rsa = keyPair.getPublic().getAlgorithm().equals("RSA");
            if (ca) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                int usage = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
                if (withKeyUsage) {
                    usage |= rsa ? KeyUsage.keyEncipherment : KeyUsage.keyAgreement;
                }
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
                if (email != null) {
                    builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)));
                }
                if (announceGcm) {
                    ASN1EncodableVector capabilities = new ASN1EncodableVector();
                    capabilities.add(new SMIMECapability(SmimeCapability.AES256_GCM.oid(), null));
                    capabilities.add(new SMIMECapability(SMIMECapability.aES256_CBC, null));
                    builder.addExtension(PKCSObjectIdentifiers.pkcs_9_at_smimeCapabilities, false, new DERSequence(capabilities));
                }
            }
            String algorithm = signatureAlgorithm != null ? signatureAlgorithm
                    : signingKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter().setProvider(SmimeCrypto.provider()).getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).setProvider(SmimeCrypto.provider()).build(signingKey)));
        }
    }

    public static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    /** PKCS #8 PEM, encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) when {@code passphrase} is given. */
    public static String pkcs8Pem(PrivateKey key, char[] passphrase) throws IOException, OperatorCreationException {
        OutputEncryptor encryptor = passphrase == null ? null
                : new JceOpenSSLPKCS8EncryptorBuilder(org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
                        .setPRF(org.bouncycastle.asn1.x509.AlgorithmIdentifier.getInstance(
                                new org.bouncycastle.asn1.x509.AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256,
                                        org.bouncycastle.asn1.DERNull.INSTANCE)))
                        // Costly enough to slow guessing, cheap enough for the gateway's start and the tests' many loads.
                        .setIterationCount(200_000)
                        .setProvider(SmimeCrypto.provider())
                        .setPassword(passphrase)
                        .build();
        PemObject object = new JcaPKCS8Generator(key, encryptor).generate();
        return pem(object);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "keys-sample");
        Path smime = Files.createDirectories(root.resolve("smime"));
        Path certs = Files.createDirectories(smime.resolve("certs"));
        Path secrets = Files.createDirectories(smime.resolve("secret"));

        KeyPair caKeys = keyPair(0);
        X509Certificate ca = Issue.authority(subject("Liaison Gateway Sample CA", true), caKeys).issue(null, null);
        write(smime.resolve("ca.pem"), pem(ca));

        char[] passphrase = PassphraseSource.fromFile(root.resolve("gateway/passphrase.txt")).read();
        try {
            KeyPair gatewayKeys = keyPair(GATEWAY.rsaBits());
            X509Certificate gateway = Issue.endEntity(subject(GATEWAY.name(), true), GATEWAY.email(), gatewayKeys)
                    .announcingGcm().issue(ca, caKeys.getPrivate());
            write(smime.resolve("gateway.pem"), pem(gateway));
            write(smime.resolve("gateway.key.pem"), pkcs8Pem(gatewayKeys.getPrivate(), passphrase));
            report(GATEWAY, smime.resolve("gateway.pem"));
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        for (SamplePoc poc : POINTS_OF_CONTACT) {
            KeyPair keys = keyPair(poc.rsaBits());
            X509Certificate certificate = Issue.endEntity(subject(poc.name(), true), poc.email(), keys).issue(ca, caKeys.getPrivate());
            write(certs.resolve(poc.id() + ".pem"), pem(certificate));
            write(secrets.resolve(poc.id() + ".key.pem"), pkcs8Pem(keys.getPrivate(), null));
            report(poc, certs.resolve(poc.id() + ".pem"));
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    private static void report(SamplePoc poc, Path certificate) throws Exception {
        System.out.println(poc.id() + " " + new SmimeCertificateReader().read(certificate).fingerprint());
    }

    /** Loads a sample POC's unprotected key with its certificate, as tests and the demo open mail with it. */
    public static SmimeGatewayKey loadRecipientKey(Path root, String pocId) throws GatewayKeyException {
        return SmimeGatewayKey.load(root.resolve("smime/secret/" + pocId + ".key.pem"), root.resolve("smime/certs/" + pocId + ".pem"),
                PassphraseSource.fromEnvironment("UNUSED_FOR_UNPROTECTED_KEYS", java.util.Map.of()));
    }
}
