package io.liaison.gateway.keys;

import java.nio.file.Path;

/** Reads a certificate file named in the directory. */
public interface CertificateReader {

    /** @throws UnreadableCertificateException naming the file and why it could not be read */
    RecipientCertificate read(Path file) throws UnreadableCertificateException;
}
