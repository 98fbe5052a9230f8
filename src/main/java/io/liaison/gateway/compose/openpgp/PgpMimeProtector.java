package io.liaison.gateway.compose.openpgp;

import io.liaison.gateway.compose.HandlingMark;
import io.liaison.gateway.compose.MessageProtector;
import io.liaison.gateway.compose.ProtectionKind;
import io.liaison.gateway.keys.KeyAssessment;
import io.liaison.gateway.keys.KeyPolicy;
import io.liaison.gateway.compose.PreparedContent;
import io.liaison.gateway.compose.ProtectedHeaders;
import io.liaison.gateway.compose.ProtectionException;
import io.liaison.gateway.compose.ProtectionRefusedException;
import io.liaison.gateway.compose.RefusalReason;
import io.liaison.gateway.compose.TextEntity;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.EncryptedDataPacketType;
import org.bouncycastle.openpgp.api.MessageEncryptionMechanism;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPImplementation;
import org.bouncycastle.openpgp.api.OpenPGPMessageGenerator;
import org.bouncycastle.openpgp.api.OpenPGPPolicy;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;

/**
 * PGP/MIME (RFC 3156 §6.2): the inner entity signed by the gateway and encrypted to the recipient
 * in a single OpenPGP message, inside multipart/encrypted.
 *
 * <p>Signing goes through Bouncy Castle's {@link OpenPGPMessageGenerator}; encryption writes those
 * signed packets straight into an encrypted-data packet, which is what the generator itself does
 * when asked to sign and encrypt at once, but lets one signature serve every recipient.
 */
public final class PgpMimeProtector implements MessageProtector {
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * The chunk size octet of v2 SEIPD packets: 6, chunks of 2^(6+6) = 4 KiB, RFC 9580's usual choice.
     * (Bouncy Castle's {@code setWithAEAD} takes log2 of the chunk length instead, 12 for this: given 6
     * it wrote 64-byte chunks, each with its own nonce, key set-up and 16-byte tag.)
     */
    static final int AEAD_CHUNK_OCTET = 6;

    private final OpenPgpGatewayKey signer;
    private final boolean allowSampleKeys;
    private final OpenPGPImplementation implementation = OpenPgpGatewayKey.implementation();
    private final OpenPGPPolicy policy = implementation.policy();
    private final KeyPolicy keyPolicy = KeyPolicy.standard();

    private PgpMimeProtector(OpenPgpGatewayKey signer, boolean allowSampleKeys) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.allowSampleKeys = allowSampleKeys;
    }

    /** Refuses sample keys on either side: a demo key must never protect real traffic. */
    public static PgpMimeProtector forProduction(OpenPgpGatewayKey signer) {
        if (signer.isSample()) {
            throw new IllegalArgumentException("gateway key " + signer.fingerprint()
                    + " is a demo sample key and is refused outside demo mode");
        }
        return new PgpMimeProtector(signer, false);
    }

    /** Accepts the sample keys of keys-sample/ (and real ones). */
    public static PgpMimeProtector forDemo(OpenPgpGatewayKey signer) {
        return new PgpMimeProtector(signer, true);
    }

    @Override
    public ProtectionKind kind() {
        return ProtectionKind.OPENPGP;
    }

    @Override
    public boolean accepts(RecipientCertificate recipient) {
        return recipient instanceof OpenPgpRecipientCertificate;
    }

    @Override
    public PreparedContent prepare(MimeBodyPart content, Instant at) throws ProtectionException {
        return sign(content, null, at);
    }

    /** Signs with the marking as hashed notations ({@link HandlingNotations}), so stripping or changing it breaks the signature. */
    @Override
    public PreparedContent prepare(MimeBodyPart content, HandlingMark mark, Instant at) throws ProtectionException {
        Objects.requireNonNull(mark, "mark");
        return sign(content, mark, at);
    }

    /** The notice's text signed without going through a MIME part: the same bytes, at a fraction of the cost. */
    @Override
    public PreparedContent prepareText(String text, HandlingMark mark, Instant at) throws ProtectionException {
        Objects.requireNonNull(mark, "mark");
        return sign(TextEntity.bytes(text), mark, at);
    }

    /** The same, with the message's true header fields on the signed entity (RFC 9788). */
    @Override
    public PreparedContent prepareText(String text, ProtectedHeaders headers, HandlingMark mark, Instant at)
            throws ProtectionException {
        Objects.requireNonNull(mark, "mark");
        return sign(TextEntity.bytes(text, headers), mark, at);
    }

    private PreparedContent sign(MimeBodyPart content, HandlingMark mark, Instant at) throws ProtectionException {
        return sign(canonicalEntity(content), mark, at);
    }

    private PreparedContent sign(byte[] entity, HandlingMark mark, Instant at) throws ProtectionException {
        ByteArrayOutputStream signed = new ByteArrayOutputStream(entity.length + 512);
        try {
            OpenPGPMessageGenerator generator = new OpenPGPMessageGenerator(implementation).setArmored(false);
            signer.addAsSigner(generator, at, mark == null ? null : hashed -> HandlingNotations.add(mark, hashed));
            try (OutputStream out = generator.open(signed)) {
                out.write(entity);
            }
        } catch (PGPException | IOException | RuntimeException e) {
            throw new ProtectionException("gateway key " + signer.fingerprint() + " could not sign at " + at, e);
        }
        return new SignedContent(signed.toByteArray(), at, this);
    }

    /** Covariant: PGP/MIME is a multipart, and callers that build PGP/MIME directly may use it as one. */
    @Override
    public PgpEncryptedMultipart protect(MimeBodyPart content, RecipientCertificate recipient, Instant at)
            throws ProtectionException {
        return protectFor(prepare(content, at), recipient);
    }

    @Override
    public PgpEncryptedMultipart protect(MimeBodyPart content, HandlingMark mark, RecipientCertificate recipient, Instant at)
            throws ProtectionException {
        return protectFor(prepare(content, mark, at), recipient);
    }

    @Override
    public PgpEncryptedMultipart protectFor(PreparedContent content, RecipientCertificate recipient) throws ProtectionException {
        SignedContent signed = ownContent(content);
        Date at = Date.from(signed.at());
        List<OpenPGPCertificate.OpenPGPComponentKey> keys;
        MessageEncryptionMechanism mechanism;
        // Bouncy Castle evaluates a certificate's signatures lazily and caches what it found without
        // locking: two threads judging one certificate at once (e-mail is composed in parallel) can
        // find it without keys. The certificate objects are shared, so their holder is the lock.
        synchronized (recipient) {
            OpenPGPCertificate certificate = usableCertificate(recipient, signed.at());
            keys = encryptionKeys(certificate, at);
            if (keys.isEmpty()) {
                throw new ProtectionRefusedException(recipient.fingerprint(), RefusalReason.NO_ENCRYPTION_KEY,
                        "no key usable for encryption at " + signed.at());
            }
            try {
                mechanism = EncryptionChoice.forRecipient(certificate, at);
            } catch (RuntimeException e) {
                throw new ProtectionException("could not encrypt to certificate " + recipient.fingerprint(), e);
            }
        }
        String armored;
        try {
            armored = encrypt(signed.packets(), keys, mechanism);
        } catch (PGPException | IOException | RuntimeException e) {
            throw new ProtectionException("could not encrypt to certificate " + recipient.fingerprint(), e);
        }
        try {
            return new PgpEncryptedMultipart(armored);
        } catch (MessagingException e) {
            throw new ProtectionException("could not build PGP/MIME for certificate " + recipient.fingerprint(), e);
        }
    }

    private SignedContent ownContent(PreparedContent content) {
        if (content instanceof SignedContent signed && signed.owner() == this) {
            return signed;
        }
        throw new IllegalArgumentException("content was not prepared by this protector: " + content);
    }

    private OpenPGPCertificate usableCertificate(RecipientCertificate recipient, Instant at)
            throws ProtectionRefusedException {
        String fingerprint = recipient.fingerprint();
        if (!(recipient instanceof OpenPgpRecipientCertificate openPgp)) {
            throw new ProtectionRefusedException(fingerprint, RefusalReason.WRONG_KIND, "not an OpenPGP certificate");
        }
        if (!allowSampleKeys && recipient.isSample()) {
            throw new ProtectionRefusedException(fingerprint, RefusalReason.SAMPLE_KEY,
                    "a demo sample key, refused outside demo mode");
        }
        OpenPGPCertificate certificate = openPgp.certificate();
        Date when = Date.from(at);
        if (certificate.getRevocation(when) != null) {
            throw new ProtectionRefusedException(fingerprint, RefusalReason.REVOKED, "revoked as of " + at);
        }
        Date expiry = certificate.getExpirationTime(when);
        if (expiry != null && !when.before(expiry)) {
            throw new ProtectionRefusedException(fingerprint, RefusalReason.EXPIRED,
                    "expired at " + expiry.toInstant() + ", before " + at);
        }
        // The policy again at send time: a directory loaded weeks ago may hold a key that has since become unusable.
        KeyAssessment assessment = recipient.assess(keyPolicy, at);
        if (!assessment.isUsable()) {
            throw ProtectionRefusedException.of(assessment);
        }
        return certificate;
    }

    private List<OpenPGPCertificate.OpenPGPComponentKey> encryptionKeys(OpenPGPCertificate certificate, Date at) {
        return certificate.getEncryptionKeys(at).stream()
                .filter(key -> policy.isAcceptableEncryptionKey(key.getPGPPublicKey()))
                .collect(Collectors.toList());
    }

    private String encrypt(byte[] signedPackets, List<OpenPGPCertificate.OpenPGPComponentKey> keys,
                           MessageEncryptionMechanism mechanism) throws PGPException, IOException {
        PGPDataEncryptorBuilder dataEncryptor;
        if (mechanism.getMode() == EncryptedDataPacketType.SEIPDv2
                && OcbSeipdEncryptorBuilder.handles(mechanism.getSymmetricKeyAlgorithm(), mechanism.getAeadAlgorithm())) {
            // AES-OCB on the JDK's AES, which runs on the processor's AES instructions; the same bytes as Bouncy Castle's.
            dataEncryptor = OcbSeipdEncryptorBuilder.of(mechanism.getSymmetricKeyAlgorithm(), AEAD_CHUNK_OCTET, RANDOM);
        } else if (mechanism.getMode() == EncryptedDataPacketType.SEIPDv2) {
            dataEncryptor = implementation.pgpDataEncryptorBuilder(mechanism.getSymmetricKeyAlgorithm());
            dataEncryptor.setWithAEAD(mechanism.getAeadAlgorithm(), AEAD_CHUNK_OCTET + 6);
            dataEncryptor.setUseV6AEAD();
        } else {
            // AES-CFB through the JDK's own provider, whose AES runs on the processor's AES instructions;
            // Bouncy Castle's lightweight AES is table-driven Java.
            dataEncryptor = new JcePGPDataEncryptorBuilder(mechanism.getSymmetricKeyAlgorithm())
                    .setSecureRandom(RANDOM).setWithIntegrityPacket(true);
        }
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(dataEncryptor);
        for (OpenPGPCertificate.OpenPGPComponentKey key : keys) {
            generator.addMethod(implementation.publicKeyKeyEncryptionMethodGenerator(key.getPGPPublicKey()));
        }
        PacketBuffer packets = new PacketBuffer(signedPackets.length + 1024);
        try (OutputStream encrypted = generator.open(packets, new byte[OpenPGPMessageGenerator.BUFFER_SIZE])) {
            encrypted.write(signedPackets);
        }
        // No Version header: it tells an eavesdropper which software to attack and helps no reader. No
        // checksum for v6 readers (RFC 9580 §6.2); v4 readers may be older software that wants one.
        return Armor.message(packets.array(), packets.size(), mechanism.getMode() != EncryptedDataPacketType.SEIPDv2);
    }

    /**
     * The entity's bytes exactly as the recipient will parse them. A MimeBodyPart built with
     * setText() has no Content-Type or Content-Transfer-Encoding header until a message containing
     * it is saved (the header update is protected API), so a throw-away message is saved around it;
     * otherwise the signed bytes would be headerless raw UTF-8.
     */
    private static byte[] canonicalEntity(MimeBodyPart content) throws ProtectionException {
        try {
            if (content.getHeader("Content-Type") == null || content.getHeader("Content-Transfer-Encoding") == null) {
                MimeMultipart carrier = new MimeMultipart();
                carrier.addBodyPart(content);
                MimeMessage message = new MimeMessage((Session) null);
                message.setContent(carrier);
                message.saveChanges();
                carrier.removeBodyPart(content);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            content.writeTo(bytes);
            return bytes.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new ProtectionException("inner MIME entity cannot be serialised", e);
        }
    }
}
