package io.liaison.gateway.inbound.openpgp;

import io.liaison.gateway.compose.openpgp.HandlingNotations;
import io.liaison.gateway.inbound.InboundLimits;
import io.liaison.gateway.inbound.InboundOpener;
import io.liaison.gateway.inbound.InboundRejection;
import io.liaison.gateway.inbound.OpenedInbound;
import io.liaison.gateway.inbound.ReasonCode;
import io.liaison.gateway.inbound.SignatureCheck;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.GatewayKeySchedule;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.bcpg.sig.NotationData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.api.OpenPGPDetachedSignatureProcessor;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.api.EncryptedDataPacketType;
import org.bouncycastle.openpgp.api.MessageEncryptionMechanism;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPMessageInputStream;
import org.bouncycastle.openpgp.api.OpenPGPMessageProcessor;
import org.bouncycastle.openpgp.api.OpenPGPSignature;
import org.bouncycastle.util.encoders.Hex;

/**
 * Opens PGP/MIME (RFC 3156 §6.2, signed and encrypted in one OpenPGP message, as {@code gpg --sign
 * --encrypt} and mail clients produce it) with the gateway's key. Every registered OpenPGP certificate
 * is offered for verification, so the opener can say which one signed without trusting the From
 * header to pick it.
 */
public final class OpenPgpInboundOpener implements InboundOpener {
    static final String PROTOCOL = "application/pgp-encrypted";

    private final GatewayKeySchedule<OpenPgpGatewayKey> keys;
    private final List<OpenPGPCertificate> registered;
    private final int maxDecompressedBytes;

    /** With the default limits ({@link InboundLimits#defaults()}). */
    public OpenPgpInboundOpener(OpenPgpGatewayKey key, Collection<? extends RecipientCertificate> registered) {
        this(key, registered, InboundLimits.defaults());
    }

    public OpenPgpInboundOpener(OpenPgpGatewayKey key, Collection<? extends RecipientCertificate> registered, InboundLimits limits) {
        this(GatewayKeySchedule.single(key), registered, limits);
    }

    /** During a key rollover: both gateway keys decrypt until the old one's retirement, the new one only after it. */
    public OpenPgpInboundOpener(GatewayKeySchedule<OpenPgpGatewayKey> keys, Collection<? extends RecipientCertificate> registered,
                                InboundLimits limits) {
        this.keys = keys;
        this.maxDecompressedBytes = limits.maxDecompressedBytes();
        List<OpenPGPCertificate> openPgp = new ArrayList<>();
        for (RecipientCertificate c : registered) {
            if (c instanceof OpenPgpRecipientCertificate o) {
                openPgp.add(o.certificate());
            }
        }
        this.registered = List.copyOf(openPgp);
    }

    private static String fingerprints(List<OpenPgpGatewayKey> keys) {
        return String.join(" or ", keys.stream().map(OpenPgpGatewayKey::fingerprint).toList());
    }

    @Override
    public String format() {
        return "openpgp";
    }

    @Override
    public boolean recognises(ContentType outer) {
        return outer.match("multipart/encrypted") && PROTOCOL.equalsIgnoreCase(outer.getParameter("protocol"));
    }

    @Override
    public OpenedInbound open(MimeMessage outer, Instant now) throws InboundRejection {
        byte[] payload = payload(outer);
        OpenPGPMessageProcessor processor = new OpenPGPMessageProcessor(OpenPgpGatewayKey.implementation());
        List<OpenPgpGatewayKey> decrypting = keys.decryptionKeysAt(now);
        decrypting.forEach(k -> k.addAsDecryptionKey(processor));
        registered.forEach(processor::addVerificationCertificate);
        // BC leaves out of its result a signature whose key it cannot find; asking for it is the only trace.
        List<KeyIdentifier> unknownSigners = new ArrayList<>();
        processor.setMissingOpenPGPCertificateProvider(id -> {
            unknownSigners.add(id);
            return null;
        });
        // The intake judges signature time against its own clock and window; BC is not to use the machine's clock.
        processor.verifyNotBefore(new Date(0L)).verifyNotAfter(new Date(Long.MAX_VALUE / 2));
        byte[] entity;
        OpenPGPMessageInputStream.Result result;
        try {
            OpenPGPMessageInputStream in = processor.process(new ByteArrayInputStream(payload));
            // A compressed packet says nothing of its expanded size (RFC 9580 §5.6): a few KB can expand to
            // GiB. Reading stops one byte past the limit; the stream is dropped unclosed, since closing it
            // would inflate the rest to check the signature.
            entity = in.readNBytes(maxDecompressedBytes + 1);
            if (entity.length > maxDecompressedBytes) {
                throw new InboundRejection(ReasonCode.DECOMPRESSION_LIMIT, "the decrypted OpenPGP content expands beyond "
                        + "gateway.inbound.max-decompressed-bytes (" + maxDecompressedBytes + " bytes); reading stopped there");
            }
            in.close();
            result = in.getResult();
        } catch (PGPException | IOException | RuntimeException e) {
            Optional<OpenPgpGatewayKey> retired = keys.retiredAt(now).filter(old -> old.isRecipientOf(payload));
            if (retired.isPresent()) {
                throw new InboundRejection(ReasonCode.ENCRYPTED_TO_RETIRED_KEY, "the OpenPGP payload is encrypted to gateway key "
                        + retired.get().fingerprint() + ", retired at " + keys.retireAt().orElseThrow() + "; the gateway now reads only key "
                        + keys.signingKeyAt(now).fingerprint() + ", announced to every point of contact");
            }
            throw new InboundRejection(ReasonCode.DECRYPTION_FAILED, "the OpenPGP payload cannot be decrypted with gateway key "
                    + fingerprints(decrypting) + " (" + e.getClass().getSimpleName() + ")");
        }
        MessageEncryptionMechanism mechanism = result.getEncryptionMethod();
        if (mechanism == null || !mechanism.isEncrypted() || result.getDecryptionKey() == null) {
            throw new InboundRejection(ReasonCode.NOT_ENCRYPTED, "the PGP/MIME payload is an OpenPGP message without encryption");
        }
        if (mechanism.getMode() != EncryptedDataPacketType.SEIPDv1 && mechanism.getMode() != EncryptedDataPacketType.SEIPDv2) {
            throw new InboundRejection(ReasonCode.DECRYPTION_FAILED, "encrypted without integrity protection (" + mechanism.getMode() + ")");
        }
        List<SignatureCheck> checks = new ArrayList<>();
        for (OpenPGPSignature.OpenPGPDocumentSignature signature : result.getSignatures()) {
            checks.add(check(signature));
        }
        for (KeyIdentifier id : unknownSigners) {
            if (checks.stream().noneMatch(c -> c.issuer().equals(id.toString()))) {
                checks.add(new SignatureCheck(id.toString(), Optional.empty(), SignatureCheck.Status.UNKNOWN_KEY, Optional.empty(), Map.of()));
            }
        }
        if (checks.isEmpty()) {
            // RFC 3156 §6.1: encrypted only, holding a multipart/signed entity (what Thunderbird/Enigmail-style
            // clients send). The signed first part is then the inner entity; an unsigned one stays as it is.
            Optional<MultipartSignedEntity> signed = MultipartSignedEntity.read(entity);
            if (signed.isPresent()) {
                return new OpenedInbound(signed.get().signedPart(), detachedChecks(signed.get()));
            }
        }
        return new OpenedInbound(entity, checks);
    }

    /** Each detached signature over the signed part, judged against the registered certificates only. */
    private List<SignatureCheck> detachedChecks(MultipartSignedEntity signed) throws InboundRejection {
        PGPSignatureList list;
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(signed.signature()))) {
            Object object = new BcPGPObjectFactory(in).nextObject();
            if (!(object instanceof PGPSignatureList l) || l.isEmpty()) {
                throw new InboundRejection(ReasonCode.SIGNATURE_INVALID, "the application/pgp-signature part holds no signature");
            }
            list = l;
        } catch (IOException | RuntimeException e) {
            throw new InboundRejection(ReasonCode.SIGNATURE_INVALID, "the application/pgp-signature part cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        OpenPGPDetachedSignatureProcessor processor = new OpenPGPDetachedSignatureProcessor(OpenPgpGatewayKey.implementation());
        registered.forEach(processor::addVerificationCertificate);
        processor.verifyNotBefore(new Date(0L)).verifyNotAfter(new Date(Long.MAX_VALUE / 2));
        processor.addSignatures(list);
        List<OpenPGPSignature.OpenPGPDocumentSignature> verified;
        try {
            verified = processor.process(new ByteArrayInputStream(signed.signedPart()));
        } catch (IOException | RuntimeException e) {
            throw new InboundRejection(ReasonCode.SIGNATURE_INVALID, "the detached signature cannot be verified ("
                    + e.getClass().getSimpleName() + ")");
        }
        List<SignatureCheck> checks = new ArrayList<>();
        verified.forEach(s -> checks.add(check(s)));
        // A signature by a key no registered certificate holds is left out by the processor: report it as unknown.
        for (PGPSignature signature : list) {
            KeyIdentifier id = signature.getKeyIdentifiers().isEmpty() ? null : signature.getKeyIdentifiers().get(0);
            String issuer = id == null ? "unknown" : id.toString();
            if (verified.stream().noneMatch(v -> v.getSignature() == signature || sameEncoding(v.getSignature(), signature))) {
                checks.add(new SignatureCheck(issuer, Optional.empty(), SignatureCheck.Status.UNKNOWN_KEY,
                        Optional.ofNullable(signature.getCreationTime()).map(Date::toInstant), Map.of()));
            }
        }
        return checks;
    }

    private static byte[] payload(MimeMessage outer) throws InboundRejection {
        try {
            if (!(outer.getContent() instanceof Multipart parts)) {
                throw new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE, "multipart/encrypted without parts");
            }
            if (parts.getCount() != 2) {
                throw new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE, "PGP/MIME needs exactly two parts, found " + parts.getCount());
            }
            BodyPart control = parts.getBodyPart(0);
            BodyPart data = parts.getBodyPart(1);
            if (!control.isMimeType(PROTOCOL)) {
                throw new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE, "first part is " + baseType(control) + ", not " + PROTOCOL);
            }
            if (!text(control).contains("Version: 1")) {
                throw new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE, "the " + PROTOCOL + " part does not say Version: 1");
            }
            if (!data.isMimeType("application/octet-stream")) {
                throw new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE, "second part is " + baseType(data) + ", not application/octet-stream");
            }
            try (InputStream in = data.getInputStream()) {
                return in.readAllBytes();
            }
        } catch (MessagingException | IOException e) {
            throw new InboundRejection(ReasonCode.MIME_TRUNCATED, "the PGP/MIME parts cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private SignatureCheck check(OpenPGPSignature.OpenPGPDocumentSignature signature) {
        KeyIdentifier id = signature.getKeyIdentifier();
        String issuer = id == null ? "unknown" : id.toString();
        Optional<Instant> created = Optional.ofNullable(signature.getCreationTime()).map(Date::toInstant);
        Map<String, String> notations = notations(signature);
        OpenPGPCertificate certificate = signature.getIssuerCertificate();
        if (certificate == null && id != null) {
            certificate = registered.stream().filter(c -> c.getKey(id) != null).findFirst().orElse(null);
        }
        if (certificate == null) {
            return new SignatureCheck(issuer, Optional.empty(), SignatureCheck.Status.UNKNOWN_KEY, created, notations);
        }
        Optional<String> fingerprint = Optional.of(Hex.toHexString(certificate.getFingerprint()).toUpperCase());
        Date at = Date.from(created.orElse(Instant.EPOCH));
        OpenPGPCertificate.OpenPGPComponentKey component = id == null ? null : certificate.getKey(id);
        if (revoked(certificate, component, at)) {
            return new SignatureCheck(issuer, fingerprint, SignatureCheck.Status.KEY_REVOKED, created, notations);
        }
        Date expiry = certificate.getExpirationTime(at);
        Date componentExpiry = component == null ? null : component.getKeyExpirationDateAt(at);
        if ((expiry != null && !at.before(expiry)) || (componentExpiry != null && !at.before(componentExpiry))) {
            return new SignatureCheck(issuer, fingerprint, SignatureCheck.Status.KEY_EXPIRED, created, notations);
        }
        boolean valid;
        try {
            valid = signature.isValid();
        } catch (PGPException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            return new SignatureCheck(issuer, fingerprint, SignatureCheck.Status.INVALID, created, notations);
        }
        // The marking is read from the very signature that verified, from its hashed area only.
        return new SignatureCheck(issuer, fingerprint, SignatureCheck.Status.VALID, created, notations,
                HandlingNotations.read(signature.getSignature()));
    }

    private static boolean sameEncoding(PGPSignature a, PGPSignature b) {
        try {
            return java.util.Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Revoked when signing, or hard-revoked at any time: a key revoked as compromised vouches for
     * nothing, whatever date a signature claims.
     */
    private static boolean revoked(OpenPGPCertificate certificate, OpenPGPCertificate.OpenPGPComponentKey component, Date at) {
        if (certificate.getRevocation(at) != null || (component != null && component.getRevocation(at) != null)) {
            return true;
        }
        OpenPGPSignature latest = certificate.getRevocation();
        OpenPGPSignature latestComponent = component == null ? null : component.getRevocation();
        return (latest != null && latest.isHardRevocation()) || (latestComponent != null && latestComponent.isHardRevocation());
    }

    private static Map<String, String> notations(OpenPGPSignature signature) {
        Map<String, String> out = new LinkedHashMap<>();
        PGPSignatureSubpacketVector hashed = signature.getSignature().getHashedSubPackets();
        if (hashed == null) {
            return out;
        }
        for (NotationData n : hashed.getNotationDataOccurrences()) {
            if (n.isHumanReadable()) {
                out.put(n.getNotationName(), n.getNotationValue());
            }
        }
        return out;
    }

    private static String text(BodyPart part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(1024), StandardCharsets.US_ASCII);
        }
    }

    private static String baseType(BodyPart part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType();
        } catch (MessagingException e) {
            return "an unreadable type";
        }
    }
}
