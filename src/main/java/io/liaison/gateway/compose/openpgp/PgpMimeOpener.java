package io.liaison.gateway.compose.openpgp;

import io.liaison.gateway.compose.OpenedMessage;
import io.liaison.gateway.compose.OpeningException;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPMessageInputStream;
import org.bouncycastle.openpgp.api.OpenPGPMessageProcessor;
import org.bouncycastle.openpgp.api.OpenPGPSignature;
import org.bouncycastle.util.encoders.Hex;

/**
 * Opens PGP/MIME messages encrypted to a key we hold and checks who signed them. The inverse of
 * {@link PgpMimeProtector}, for replies to the gateway and for tests. The handling marking in the
 * valid signature's notations is reported as {@link OpenedMessage#signedMark()}; compare it with the
 * headers using {@link io.liaison.gateway.compose.HandlingMarkCheck}. All notations of a signature are
 * available through {@link HandlingNotations#hashedNotations}.
 */
public final class PgpMimeOpener {
    private final OpenPgpGatewayKey decryptionKey;

    public PgpMimeOpener(OpenPgpGatewayKey decryptionKey) {
        this.decryptionKey = Objects.requireNonNull(decryptionKey, "decryptionKey");
    }

    /** Opens a message whose body is multipart/encrypted, checking the signature against {@code expectedSigner}. */
    public OpenedMessage open(MimeMessage message, RecipientCertificate expectedSigner) throws OpeningException {
        try {
            if (!message.isMimeType("multipart/encrypted")) {
                throw new OpeningException("not multipart/encrypted but " + message.getContentType());
            }
            return open((Multipart) message.getContent(), expectedSigner);
        } catch (MessagingException | IOException e) {
            throw new OpeningException("message cannot be parsed as MIME", e);
        }
    }

    /** Opens RFC 3156 content: checks the protocol, then decrypts the second part. */
    public OpenedMessage open(Multipart encrypted, RecipientCertificate expectedSigner) throws OpeningException {
        try {
            ContentType type = new ContentType(encrypted.getContentType());
            if (!type.match("multipart/encrypted")
                    || !PgpEncryptedMultipart.PROTOCOL.equalsIgnoreCase(type.getParameter("protocol"))) {
                throw new OpeningException("not PGP/MIME encrypted content: " + type.getBaseType());
            }
            if (encrypted.getCount() != 2) {
                throw new OpeningException("PGP/MIME needs exactly two parts, found " + encrypted.getCount());
            }
            BodyPart payload = encrypted.getBodyPart(1);
            try (InputStream armored = payload.getInputStream()) {
                return openArmored(armored.readAllBytes(), expectedSigner);
            }
        } catch (MessagingException | IOException e) {
            throw new OpeningException("PGP/MIME content cannot be parsed", e);
        }
    }

    /** Decrypts an (armored or binary) OpenPGP message and verifies its signatures. */
    public OpenedMessage openArmored(byte[] openPgpMessage, RecipientCertificate expectedSigner) throws OpeningException {
        OpenPGPCertificate signer = expectedSigner instanceof OpenPgpRecipientCertificate openPgp ? openPgp.certificate() : null;
        OpenPGPMessageProcessor processor = new OpenPGPMessageProcessor(OpenPgpGatewayKey.implementation());
        decryptionKey.addAsDecryptionKey(processor);
        if (signer != null) {
            processor.addVerificationCertificate(signer);
        }
        byte[] entity;
        OpenPGPMessageInputStream.Result result;
        try {
            OpenPGPMessageInputStream in = processor.process(new ByteArrayInputStream(openPgpMessage));
            entity = in.readAllBytes();
            in.close();
            result = in.getResult();
        } catch (PGPException | IOException | RuntimeException e) {
            throw new OpeningException("OpenPGP message cannot be decrypted with key " + decryptionKey.fingerprint(), e);
        }
        Optional<OpenPGPSignature.OpenPGPDocumentSignature> valid = result.getSignatures().stream()
                .filter(PgpMimeOpener::isValid)
                .filter(s -> s.getIssuerCertificate() != null && signer != null
                        && s.getIssuerCertificate().getKeyIdentifier().equals(signer.getKeyIdentifier()))
                .findFirst();
        if (valid.isEmpty()) {
            return new OpenedMessage(entity, false, Optional.empty());
        }
        String fingerprint = Hex.toHexString(valid.get().getIssuerCertificate().getFingerprint()).toUpperCase();
        // The marking is read from the very signature that verified, from its hashed area only.
        return new OpenedMessage(entity, true, Optional.of(fingerprint), HandlingNotations.read(valid.get().getSignature()));
    }

    private static boolean isValid(OpenPGPSignature.OpenPGPDocumentSignature signature) {
        try {
            return signature.isValid();
        } catch (PGPException | RuntimeException e) {
            return false;
        }
    }
}
