package io.liaison.gateway.keys.openpgp;

import io.liaison.gateway.keys.CertificateReader;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.UnreadableCertificateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;

/** Reads an armored or binary OpenPGP certificate (a transferable public key) from a file. */
public final class OpenPgpCertificateReader implements CertificateReader {
    private final OpenPGPKeyReader reader = new OpenPGPKeyReader();

    @Override
    public RecipientCertificate read(Path file) throws UnreadableCertificateException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableCertificateException(file, "no such file");
        } catch (IOException e) {
            throw new UnreadableCertificateException(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        OpenPGPCertificate certificate;
        try {
            certificate = reader.parseCertificate(bytes);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableCertificateException(file, "not an OpenPGP certificate");
        }
        if (certificate == null) {
            throw new UnreadableCertificateException(file, "not an OpenPGP certificate");
        }
        if (certificate.isSecretKey()) {
            // A secret key in a certificate slot is a handling mistake worth stopping for.
            throw new UnreadableCertificateException(file, "holds a secret key; only the public certificate belongs in the directory");
        }
        return new OpenPgpRecipientCertificate(certificate);
    }
}
