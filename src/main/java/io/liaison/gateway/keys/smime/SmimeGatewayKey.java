package io.liaison.gateway.keys.smime;

import io.liaison.gateway.keys.GatewayKeyException;
import io.liaison.gateway.keys.KeyAssessment;
import io.liaison.gateway.keys.KeyDefect;
import io.liaison.gateway.keys.KeyPolicy;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.UnreadableCertificateException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.KEKRecipientInformation;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * An S/MIME private key the gateway holds with its certificate: the gateway's own signing key, or
 * (in tests and the demo) a recipient's key used to open what the gateway sent.
 *
 * <p>The key file is PKCS #8 PEM, normally encrypted ({@code -----BEGIN ENCRYPTED PRIVATE KEY-----},
 * as {@code openssl pkcs8 -topk8 -v2 aes-256-cbc} writes it); its passphrase comes from a
 * {@link PassphraseSource}, never from the command line. The private key is handed out to no one:
 * the S/MIME code gets a signer or a decryptor built around it. Immutable and thread-safe.
 */
public final class SmimeGatewayKey {
    private final Path keyFile;
    private final PrivateKey privateKey;
    private final SmimeRecipientCertificate certificate;
    private final boolean protectedOnDisk;

    private SmimeGatewayKey(Path keyFile, PrivateKey privateKey, SmimeRecipientCertificate certificate, boolean protectedOnDisk) {
        this.keyFile = keyFile;
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.protectedOnDisk = protectedOnDisk;
    }

    /**
     * Loads the key and its certificate and checks they belong together, and that the certificate
     * is valid now and passes the key policy. The passphrase is read only if the key is encrypted,
     * and overwritten once it is decrypted.
     *
     * @throws GatewayKeyException naming the file and why, never quoting key material or the passphrase
     */
    public static SmimeGatewayKey load(Path keyFile, Path certificateFile, PassphraseSource passphrase)
            throws GatewayKeyException {
        Objects.requireNonNull(passphrase, "passphrase");
        SmimeRecipientCertificate certificate;
        try {
            certificate = new SmimeCertificateReader().readCertificate(certificateFile);
        } catch (UnreadableCertificateException e) {
            throw new GatewayKeyException(certificateFile, "S/MIME certificate " + e.getMessage());
        }
        Object parsed = parse(keyFile);
        PrivateKey key;
        boolean isProtected;
        if (parsed instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            key = decrypt(keyFile, encrypted, passphrase);
            isProtected = true;
        } else if (parsed instanceof PrivateKeyInfo clear) {
            key = convert(keyFile, clear);
            isProtected = false;
        } else {
            throw new GatewayKeyException(keyFile, "not a PKCS #8 private key (BEGIN PRIVATE KEY or BEGIN ENCRYPTED PRIVATE KEY)");
        }
        requireMatch(keyFile, key, certificate);
        KeyAssessment assessment = certificate.assess(KeyPolicy.standard(), Instant.now());
        // Whether the certificate can also receive encrypted replies is the directory's concern, not the signer's.
        if (assessment.findings().stream().anyMatch(f -> f.defect() != KeyDefect.NO_ENCRYPTION_KEY)) {
            throw new GatewayKeyException(certificateFile, "S/MIME certificate refused: " + assessment.describe());
        }
        if (!certificate.maySign()) {
            throw new GatewayKeyException(certificateFile, "S/MIME certificate's key usage does not allow digitalSignature");
        }
        return new SmimeGatewayKey(keyFile, key, certificate, isProtected);
    }

    private static Object parse(Path keyFile) throws GatewayKeyException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(keyFile);
        } catch (NoSuchFileException e) {
            throw new GatewayKeyException(keyFile, "private key file does not exist");
        } catch (IOException e) {
            throw new GatewayKeyException(keyFile, "private key file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        try (PEMParser parser = new PEMParser(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.US_ASCII))) {
            return parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new GatewayKeyException(keyFile, "not a PEM private key");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static PrivateKey decrypt(Path keyFile, PKCS8EncryptedPrivateKeyInfo encrypted, PassphraseSource source)
            throws GatewayKeyException {
        char[] passphrase = source.read();
        try {
            PrivateKeyInfo info = encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(SmimeCrypto.provider()).build(passphrase));
            return convert(keyFile, info);
        } catch (PKCSException | OperatorCreationException | RuntimeException e) {
            throw new GatewayKeyException(keyFile, "the passphrase from " + source + " does not unlock the private key");
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static PrivateKey convert(Path keyFile, PrivateKeyInfo info) throws GatewayKeyException {
        try {
            return new JcaPEMKeyConverter().setProvider(SmimeCrypto.provider()).getPrivateKey(info);
        } catch (IOException | RuntimeException e) {
            throw new GatewayKeyException(keyFile, "private key of an unsupported kind");
        }
    }

    /** A signature made with the key must verify with the certificate, or the two files do not belong together. */
    private static void requireMatch(Path keyFile, PrivateKey key, SmimeRecipientCertificate certificate)
            throws GatewayKeyException {
        String algorithm = key instanceof ECPrivateKey ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm, SmimeCrypto.provider());
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm, SmimeCrypto.provider());
            verifier.initVerify(certificate.certificate().getPublicKey());
            verifier.update(challenge);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // fall through: a key that cannot sign for this certificate does not match it
        }
        throw new GatewayKeyException(keyFile, "the private key does not belong to certificate " + certificate.fingerprint());
    }

    /**
     * A CMS signer for this key with {@code signedAttributes} added to the standard ones (content
     * type, message digest; signing time unless given). ECDSA keys sign with SHA-256/384/512 to match
     * the curve; RSA keys with RSASSA-PSS and SHA-256 (RFC 8551 §2.2, RFC 4056).
     */
    public SignerInfoGenerator signer(AttributeTable signedAttributes) throws GatewayKeyException {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder(signatureAlgorithm())
                    .setProvider(SmimeCrypto.provider()).build(privateKey);
            return new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                    .setProvider(SmimeCrypto.provider()).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signedAttributes))
                    .build(contentSigner, new JcaX509CertificateHolder(certificate.certificate()));
        } catch (OperatorCreationException | java.security.cert.CertificateEncodingException e) {
            throw new GatewayKeyException(keyFile, "cannot build an S/MIME signer (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The JCA name of the signature algorithm {@link #signer} uses. */
    public String signatureAlgorithm() {
        if (privateKey instanceof ECPrivateKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits > 384 ? "SHA512withECDSA" : bits > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
        }
        return "SHA256withRSAandMGF1";
    }

    /** True when {@code info} is addressed to this key's certificate. */
    public boolean isAddressedBy(RecipientInformation info) {
        try {
            return info.getRID().match(new JcaX509CertificateHolder(certificate.certificate()));
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
    }

    /** A CMS recipient that unwraps the content key of {@code info} with this key, for EnvelopedData or AuthEnvelopedData. */
    public Recipient decryptorFor(RecipientInformation info, boolean authenticated) throws GatewayKeyException {
        if (info instanceof KeyTransRecipientInformation) {
            return authenticated ? new JceKeyTransAuthEnvelopedRecipient(privateKey).setProvider(SmimeCrypto.provider())
                    : new JceKeyTransEnvelopedRecipient(privateKey).setProvider(SmimeCrypto.provider());
        }
        if (info instanceof KeyAgreeRecipientInformation) {
            return authenticated ? new JceKeyAgreeAuthEnvelopedRecipient(privateKey).setProvider(SmimeCrypto.provider())
                    : new JceKeyAgreeEnvelopedRecipient(privateKey).setProvider(SmimeCrypto.provider());
        }
        throw new GatewayKeyException(keyFile, "recipient info of kind " + (info instanceof KEKRecipientInformation
                ? "KEK" : info.getClass().getSimpleName()) + " cannot be opened with a private key");
    }

    public String fingerprint() {
        return certificate.fingerprint();
    }

    public boolean isSample() {
        return certificate.isSample();
    }

    /** The public half: what recipients pin to verify the gateway's signatures. */
    public SmimeRecipientCertificate certificate() {
        return certificate;
    }

    public Path file() {
        return keyFile;
    }

    /** False when the key file holds the key unencrypted (acceptable for demo recipients only). */
    public boolean protectedOnDisk() {
        return protectedOnDisk;
    }

    @Override
    public String toString() {
        return "S/MIME key " + fingerprint() + " from " + keyFile;
    }
}
