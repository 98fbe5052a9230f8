package io.liaison.gateway.inbound.smime;

import io.liaison.gateway.compose.OpeningException;
import io.liaison.gateway.compose.smime.SmimeOpener;
import io.liaison.gateway.inbound.InboundLimits;
import io.liaison.gateway.inbound.InboundOpener;
import io.liaison.gateway.inbound.MimeInspector;
import io.liaison.gateway.inbound.InboundRejection;
import io.liaison.gateway.inbound.OpenedInbound;
import io.liaison.gateway.inbound.ReasonCode;
import io.liaison.gateway.inbound.SignatureCheck;
import io.liaison.gateway.keys.GatewayKeySchedule;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.smime.SmimeGatewayKey;
import io.liaison.gateway.keys.smime.SmimeRecipientCertificate;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;

/**
 * Opens S/MIME replies (RFC 8551): {@code application/pkcs7-mime} EnvelopedData or AuthEnvelopedData
 * addressed to the gateway's S/MIME certificate, holding a signed entity — multipart/signed or opaque
 * signed-data — as Outlook, Thunderbird and {@code openssl cms -sign | openssl cms -encrypt} make it.
 *
 * <p>Every S/MIME certificate registered in the directory is a candidate signer; a signature counts
 * for a certificate only when it verifies with that certificate's own public key. Certificates the
 * message carries are never used: the sender chooses them, so they could name anyone. Revocation is
 * not looked up (no CRL or OCSP from an offline gateway): a revoked certificate is taken out of the
 * directory instead, after which its signatures are {@link SignatureCheck.Status#UNKNOWN_KEY}.
 */
public final class SmimeInboundOpener implements InboundOpener {
    private static final String SIGNED_DATA = "signed-data";

    private final GatewayKeySchedule<SmimeGatewayKey> keys;
    private final List<SmimeRecipientCertificate> registered;
    private final int maxAsn1Depth;
    private final InboundLimits limits;

    /** With the default limits ({@link InboundLimits#defaults()}). */
    public SmimeInboundOpener(SmimeGatewayKey key, Collection<? extends RecipientCertificate> registered) {
        this(key, registered, InboundLimits.defaults());
    }

    public SmimeInboundOpener(SmimeGatewayKey key, Collection<? extends RecipientCertificate> registered, InboundLimits limits) {
        this(GatewayKeySchedule.single(key), registered, limits);
    }

    /** During a key rollover: both gateway keys decrypt until the old one's retirement, the new one only after it. */
    public SmimeInboundOpener(GatewayKeySchedule<SmimeGatewayKey> keys, Collection<? extends RecipientCertificate> registered,
                              InboundLimits limits) {
        this.keys = keys;
        this.maxAsn1Depth = limits.maxAsn1Depth();
        this.limits = limits;
        List<SmimeRecipientCertificate> smime = new ArrayList<>();
        for (RecipientCertificate c : registered) {
            if (c instanceof SmimeRecipientCertificate s) {
                smime.add(s);
            }
        }
        this.registered = List.copyOf(smime);
    }

    @Override
    public String format() {
        return "smime";
    }

    @Override
    public boolean recognises(ContentType outer) {
        return isPkcs7(outer);
    }

    @Override
    public OpenedInbound open(MimeMessage outer, Instant now) throws InboundRejection {
        ContentType type;
        try {
            type = contentType(outer.getContentType());
        } catch (MessagingException e) {
            throw new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE, "the Content-Type cannot be read");
        }
        String smimeType = type.getParameter("smime-type");
        if (smimeType != null && smimeType.equalsIgnoreCase(SIGNED_DATA)) {
            throw new InboundRejection(ReasonCode.NOT_ENCRYPTED, "application/pkcs7-mime signed-data: signed, but not encrypted");
        }
        if (smimeType != null && !smimeType.equalsIgnoreCase("enveloped-data") && !smimeType.equalsIgnoreCase("authEnveloped-data")) {
            throw new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE, "application/pkcs7-mime with smime-type="
                    + printable(smimeType) + "; only enveloped-data and authEnveloped-data are accepted");
        }
        byte[] cms = body(outer);
        checkDepth(cms, "the S/MIME body");
        // The smime-type parameter is the sender's claim; the CMS content type is what the bytes are.
        switch (cmsType(cms)) {
            case ENVELOPED -> { }
            case SIGNED -> throw new InboundRejection(ReasonCode.NOT_ENCRYPTED,
                    "the S/MIME body is CMS SignedData: signed, but not encrypted");
            case OTHER -> throw new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE,
                    "the S/MIME body is CMS content that is not enveloped data");
            case UNREADABLE -> throw new InboundRejection(ReasonCode.DECRYPTION_FAILED, "the S/MIME body is not a CMS structure");
        }
        byte[] entity;
        SmimeOpener opener = new SmimeOpener(keys.decryptionKeysAt(now), SmimeOpener.DEFAULT_MAX_BYTES);
        try {
            entity = opener.decryptEntity(cms);
        } catch (OpeningException e) {
            Optional<SmimeGatewayKey> retired = keys.retiredAt(now).filter(old -> new SmimeOpener(old).isAddressedTo(cms));
            if (retired.isPresent()) {
                throw new InboundRejection(ReasonCode.ENCRYPTED_TO_RETIRED_KEY, "the S/MIME body is encrypted to gateway certificate "
                        + retired.get().fingerprint() + ", retired at " + keys.retireAt().orElseThrow()
                        + "; the gateway now reads only certificate " + keys.signingKeyAt(now).fingerprint()
                        + ", announced to every point of contact");
            }
            // The opener's own message names the key and why; a cause is named by its class only, as it may quote the input.
            throw new InboundRejection(ReasonCode.DECRYPTION_FAILED, e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")"));
        }
        // Decrypted, the entity is still the sender's bytes: bounded before anything parses it.
        MimeInspector.checkRawStructure(entity, limits, "the decrypted S/MIME entity");
        refuseNestedEncryption(entity);
        SmimeOpener.SignedLayer layer;
        try {
            layer = opener.signers(entity, registered);
        } catch (OpeningException e) {
            throw new InboundRejection(ReasonCode.SIGNATURE_INVALID, "the signed S/MIME layer cannot be read"
                    + (e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")"));
        }
        if (!layer.signed()) {
            // Reported without signatures: the intake refuses it as unsigned, or as nested encryption of another kind.
            return new OpenedInbound(entity, List.of());
        }
        List<SignatureCheck> checks = new ArrayList<>();
        for (SmimeOpener.SignerCheck signer : layer.signers()) {
            checks.add(check(signer));
        }
        return new OpenedInbound(layer.content(), checks);
    }

    private static SignatureCheck check(SmimeOpener.SignerCheck signer) {
        if (signer.certificate().isEmpty()) {
            return new SignatureCheck(signer.signerId(), Optional.empty(), SignatureCheck.Status.UNKNOWN_KEY, signer.signingTime(),
                    Map.of());
        }
        SmimeRecipientCertificate certificate = signer.certificate().get();
        Optional<String> fingerprint = Optional.of(certificate.fingerprint());
        // Judged before the signature itself, as for OpenPGP: Bouncy Castle refuses to verify with a
        // certificate outside its validity at the signing time, which would otherwise read as "invalid".
        if (signer.signingTime().isPresent() && !validAt(certificate.certificate(), signer.signingTime().get())) {
            return new SignatureCheck(signer.signerId(), fingerprint, SignatureCheck.Status.KEY_EXPIRED, signer.signingTime(), Map.of());
        }
        if (!signer.valid()) {
            return new SignatureCheck(signer.signerId(), fingerprint, SignatureCheck.Status.INVALID, signer.signingTime(), Map.of());
        }
        return new SignatureCheck(signer.signerId(), fingerprint, SignatureCheck.Status.VALID, signer.signingTime(), Map.of(),
                signer.signedMark());
    }

    private static boolean validAt(X509Certificate certificate, Instant at) {
        return !at.isBefore(certificate.getNotBefore().toInstant()) && at.isBefore(certificate.getNotAfter().toInstant());
    }

    private enum CmsType { ENVELOPED, SIGNED, OTHER, UNREADABLE }

    private static CmsType cmsType(byte[] cms) {
        ASN1ObjectIdentifier type;
        try {
            type = ContentInfo.getInstance(cms).getContentType();
        } catch (RuntimeException e) {
            return CmsType.UNREADABLE;
        }
        if (CMSObjectIdentifiers.envelopedData.equals(type) || CMSObjectIdentifiers.authEnvelopedData.equals(type)) {
            return CmsType.ENVELOPED;
        }
        return CMSObjectIdentifiers.signedData.equals(type) ? CmsType.SIGNED : CmsType.OTHER;
    }

    /**
     * An S/MIME envelope directly inside the envelope. Checked before the signed layer is read, since
     * SignedData holding EnvelopedData is the other way round and is caught on the signed content.
     */
    private void refuseNestedEncryption(byte[] entity) throws InboundRejection {
        MimeBodyPart inner;
        ContentType type;
        try {
            inner = new MimeBodyPart(new ByteArrayInputStream(entity));
            type = contentType(inner.getContentType());
        } catch (MessagingException e) {
            throw new InboundRejection(ReasonCode.MALFORMED_MIME, "the decrypted content is not a MIME entity");
        }
        if (type.match("multipart/signed")) {
            String protocol = type.getParameter("protocol");
            if (protocol == null || !(protocol.equalsIgnoreCase("application/pkcs7-signature")
                    || protocol.equalsIgnoreCase("application/x-pkcs7-signature"))) {
                throw new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE, "multipart/signed inside S/MIME with protocol "
                        + (protocol == null ? "missing" : printable(protocol)) + ", not application/pkcs7-signature");
            }
            checkSignatureDepth(inner);
            return;
        }
        if (!isPkcs7(type)) {
            return;
        }
        CmsType inside;
        try (InputStream in = inner.getInputStream()) {
            byte[] signedData = in.readAllBytes();
            checkDepth(signedData, "the decrypted S/MIME content");
            inside = cmsType(signedData);
        } catch (MessagingException | IOException e) {
            throw new InboundRejection(ReasonCode.MIME_TRUNCATED, "the decrypted S/MIME content cannot be decoded");
        }
        String smimeType = type.getParameter("smime-type");
        if (inside == CmsType.ENVELOPED || (smimeType != null && smimeType.toLowerCase(Locale.ROOT).contains("enveloped"))) {
            throw new InboundRejection(ReasonCode.ENCRYPTION_NESTED, "the decrypted content is itself S/MIME enveloped data");
        }
        if (inside != CmsType.SIGNED) {
            throw new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE,
                    "the decrypted content is application/pkcs7-mime but not signed data");
        }
    }

    /** Before Bouncy Castle parses a CMS structure: it recurses once per level of nesting. */
    private void checkDepth(byte[] der, String what) throws InboundRejection {
        if (Asn1Depth.exceeds(der, maxAsn1Depth)) {
            throw new InboundRejection(ReasonCode.STRUCTURE_TOO_DEEP, what + " nests its ASN.1 structures deeper than "
                    + "gateway.inbound.max-asn1-depth (" + maxAsn1Depth + ")");
        }
    }

    /** The detached signature of a multipart/signed entity, checked as the enveloped data was. */
    private void checkSignatureDepth(MimeBodyPart signedEntity) throws InboundRejection {
        try {
            if (signedEntity.getContent() instanceof jakarta.mail.Multipart parts) {
                for (int i = 1; i < parts.getCount(); i++) {
                    try (InputStream in = parts.getBodyPart(i).getInputStream()) {
                        checkDepth(in.readAllBytes(), "the S/MIME signature");
                    }
                }
            }
        } catch (MessagingException | IOException e) {
            // Left to the signed-layer reader, which refuses what it cannot parse.
        }
    }

    private static byte[] body(MimeMessage outer) throws InboundRejection {
        try (InputStream in = outer.getInputStream()) {
            byte[] bytes = in.readNBytes(SmimeOpener.DEFAULT_MAX_BYTES + 1);
            if (bytes.length > SmimeOpener.DEFAULT_MAX_BYTES) {
                throw new InboundRejection(ReasonCode.OVERSIZED_PART, "the S/MIME body is larger than "
                        + SmimeOpener.DEFAULT_MAX_BYTES + " bytes");
            }
            return bytes;
        } catch (MessagingException | IOException e) {
            throw new InboundRejection(ReasonCode.MIME_TRUNCATED, "the S/MIME body cannot be decoded ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static boolean isPkcs7(ContentType type) {
        return type.match("application/pkcs7-mime") || type.match("application/x-pkcs7-mime");
    }

    private static ContentType contentType(String header) throws InboundRejection {
        try {
            return new ContentType(header == null ? "text/plain" : header);
        } catch (MessagingException e) {
            throw new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE, "the Content-Type cannot be read");
        }
    }

    private static String printable(String value) {
        String cleaned = value.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) + "..." : cleaned;
    }
}
