package io.liaison.gateway.keys.smime;

import io.liaison.gateway.keys.CertificateReader;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.UnreadableCertificateException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads an X.509 certificate, PEM ({@code -----BEGIN CERTIFICATE-----}) or DER, from a file named in
 * the directory. A PEM file may hold a chain; the first certificate is the contact's own, the rest
 * are ignored (the directory pins the contact's certificate, not a CA).
 */
public final class SmimeCertificateReader implements CertificateReader {

    @Override
    public RecipientCertificate read(Path file) throws UnreadableCertificateException {
        return readCertificate(file);
    }

    /** As {@link #read}, typed. */
    public SmimeRecipientCertificate readCertificate(Path file) throws UnreadableCertificateException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableCertificateException(file, "no such file");
        } catch (IOException e) {
            throw new UnreadableCertificateException(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        X509Certificate certificate = looksLikePem(bytes) ? fromPem(file, bytes) : fromDer(file, bytes);
        return SmimeRecipientCertificate.of(certificate);
    }

    private static boolean looksLikePem(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.US_ASCII);
        return start.contains("-----BEGIN ");
    }

    private static X509Certificate fromPem(Path file, byte[] bytes) throws UnreadableCertificateException {
        try (PEMParser parser = new PEMParser(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.US_ASCII))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof X509CertificateHolder holder) {
                    return new JcaX509CertificateConverter().setProvider(SmimeCrypto.provider()).getCertificate(holder);
                }
                if (object instanceof PrivateKeyInfo || object instanceof PEMKeyPair || object instanceof PEMEncryptedKeyPair
                        || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    // A private key in a certificate slot is a handling mistake worth stopping for.
                    throw new UnreadableCertificateException(file,
                            "holds a private key; only the public certificate belongs in the directory");
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new UnreadableCertificateException(file, "not an X.509 certificate");
        }
        throw new UnreadableCertificateException(file, "no certificate in the PEM file");
    }

    private static X509Certificate fromDer(Path file, byte[] bytes) throws UnreadableCertificateException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509", SmimeCrypto.provider())
                    .generateCertificate(new ByteArrayInputStream(bytes));
        } catch (CertificateException | RuntimeException e) {
            throw new UnreadableCertificateException(file, "not an X.509 certificate");
        }
    }
}
