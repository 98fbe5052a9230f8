package io.liaison.gateway.compose.smime;

import io.liaison.gateway.compose.HandlingMark;
import io.liaison.gateway.compose.OpenedMessage;
import io.liaison.gateway.compose.OpeningException;
import io.liaison.gateway.keys.GatewayKeyException;
import io.liaison.gateway.keys.KeyPolicy;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.smime.SmimeCrypto;
import io.liaison.gateway.keys.smime.SmimeGatewayKey;
import io.liaison.gateway.keys.smime.SmimeRecipientCertificate;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.teletrust.TeleTrusTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientInformationStore;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.mail.smime.SMIMESigned;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.encoders.Hex;

/**
 * Opens S/MIME messages encrypted to a key we hold and checks who signed them: the inverse of
 * {@link SmimeProtector}, mirroring {@link io.liaison.gateway.compose.openpgp.PgpMimeOpener}. For the
 * intake of replies (decrypt, then verify against the certificate registered for the claimed sender)
 * and for tests.
 *
 * <p>A signature counts only when made by the key of the expected (registered) certificate, verified
 * with that certificate's public key rather than with whatever certificates the message carries, and
 * hashed with an algorithm the key policy accepts. The handling marking is read from that signer's
 * ESS security label. Opens EnvelopedData and AuthEnvelopedData; the signed layer may be
 * multipart/signed or opaque SignedData (application/pkcs7-mime; smime-type=signed-data). Encryption
 * nested inside encryption is refused rather than unwrapped, since it is how content hides from
 * checks made on the outer layer.
 */
public final class SmimeOpener {
    /** Larger than any notice or report; anything bigger is refused before decryption. */
    public static final int DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

    private final List<SmimeGatewayKey> decryptionKeys;
    private final int maxBytes;
    private final KeyPolicy policy = KeyPolicy.standard();

    public SmimeOpener(SmimeGatewayKey decryptionKey) {
        this(decryptionKey, DEFAULT_MAX_BYTES);
    }

    public SmimeOpener(SmimeGatewayKey decryptionKey, int maxBytes) {
        this(List.of(Objects.requireNonNull(decryptionKey, "decryptionKey")), maxBytes);
    }

    /** Opens what is encrypted to any of {@code decryptionKeys} (both gateway keys during a key rollover's overlap). */
    public SmimeOpener(List<SmimeGatewayKey> decryptionKeys, int maxBytes) {
        this.decryptionKeys = List.copyOf(decryptionKeys);
        if (this.decryptionKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one decryption key is needed");
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    /** Opens a message (or body part) whose content is application/pkcs7-mime enveloped or authEnveloped data. */
    public OpenedMessage open(MimePart message, RecipientCertificate expectedSigner) throws OpeningException {
        byte[] cms;
        try {
            if (!message.isMimeType("application/pkcs7-mime") && !message.isMimeType("application/x-pkcs7-mime")) {
                throw new OpeningException("not S/MIME encrypted content (application/pkcs7-mime) but " + baseType(message));
            }
            cms = readLimited(message.getInputStream(), "the encrypted part");
        } catch (MessagingException | IOException e) {
            throw new OpeningException("S/MIME content cannot be parsed", e);
        }
        return openCms(cms, expectedSigner);
    }

    /** Decrypts a DER-encoded CMS EnvelopedData or AuthEnvelopedData, then verifies the signed entity inside. */
    public OpenedMessage openCms(byte[] cms, RecipientCertificate expectedSigner) throws OpeningException {
        return verify(decryptEntity(cms), expectedSigner);
    }

    private byte[] decrypt(byte[] cms) throws OpeningException {
        ContentInfo info;
        try {
            info = ContentInfo.getInstance(cms);
        } catch (RuntimeException e) {
            throw new OpeningException("not a CMS structure");
        }
        ASN1ObjectIdentifier type = info.getContentType();
        try {
            if (CMSObjectIdentifiers.envelopedData.equals(type)) {
                CMSEnvelopedData enveloped = new CMSEnvelopedData(info);
                Ours ours = ours(enveloped.getRecipientInfos());
                return ours.recipient().getContent(ours.key().decryptorFor(ours.recipient(), false));
            }
            if (CMSObjectIdentifiers.authEnvelopedData.equals(type)) {
                CMSAuthEnvelopedData enveloped = new CMSAuthEnvelopedData(info);
                Ours ours = ours(enveloped.getRecipientInfos());
                // Bouncy Castle checks the GCM tag while returning the content: tampering throws here.
                return ours.recipient().getContent(ours.key().decryptorFor(ours.recipient(), true));
            }
        } catch (CMSException | GatewayKeyException | RuntimeException e) {
            throw new OpeningException("S/MIME content cannot be decrypted with key " + fingerprints(), e);
        }
        throw new OpeningException("CMS content of type " + type + " is not enveloped data");
    }

    /** A recipient info of the message and the key of ours it is addressed to. */
    private record Ours(RecipientInformation recipient, SmimeGatewayKey key) {
    }

    private Ours ours(RecipientInformationStore store) throws OpeningException {
        Collection<RecipientInformation> recipients = store.getRecipients();
        for (SmimeGatewayKey key : decryptionKeys) {
            for (RecipientInformation recipient : recipients) {
                if (key.isAddressedBy(recipient)) {
                    return new Ours(recipient, key);
                }
            }
        }
        throw new OpeningException("not encrypted to key " + fingerprints() + " (" + recipients.size() + " recipient(s))");
    }

    private String fingerprints() {
        return String.join(" or ", decryptionKeys.stream().map(SmimeGatewayKey::fingerprint).toList());
    }

    /**
     * True when the DER-encoded CMS EnvelopedData or AuthEnvelopedData {@code cms} names one of this
     * opener's keys among its recipients. Nothing is decrypted.
     */
    public boolean isAddressedTo(byte[] cms) {
        try {
            ContentInfo info = ContentInfo.getInstance(cms);
            RecipientInformationStore store;
            if (CMSObjectIdentifiers.envelopedData.equals(info.getContentType())) {
                store = new CMSEnvelopedData(info).getRecipientInfos();
            } else if (CMSObjectIdentifiers.authEnvelopedData.equals(info.getContentType())) {
                store = new CMSAuthEnvelopedData(info).getRecipientInfos();
            } else {
                return false;
            }
            ours(store);
            return true;
        } catch (CMSException | OpeningException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Decrypts a DER-encoded CMS EnvelopedData or AuthEnvelopedData addressed to our key and returns the
     * entity inside, unverified: for callers that do not know the signer beforehand and judge the
     * signers themselves with {@link #signers}.
     */
    public byte[] decryptEntity(byte[] cms) throws OpeningException {
        if (cms.length > maxBytes) {
            throw new OpeningException("encrypted content of " + cms.length + " bytes exceeds the limit of " + maxBytes);
        }
        return decrypt(cms);
    }

    private OpenedMessage verify(byte[] entity, RecipientCertificate expectedSigner) throws OpeningException {
        List<SmimeRecipientCertificate> expected = expectedSigner instanceof SmimeRecipientCertificate s ? List.of(s) : List.of();
        SignedLayer layer = signers(entity, expected);
        if (!layer.signed()) {
            // Decrypted, but nobody signed it: the caller quarantines it; the content is still reported.
            return new OpenedMessage(entity, false, Optional.empty());
        }
        for (SignerCheck signer : layer.signers()) {
            if (signer.valid()) {
                return new OpenedMessage(layer.content(), true, signer.certificate().map(SmimeRecipientCertificate::fingerprint),
                        signer.signedMark());
            }
        }
        return new OpenedMessage(layer.content(), false, Optional.empty());
    }

    /**
     * The signers of a decrypted entity (multipart/signed or opaque signed-data), each judged against
     * {@code registered} only: a signer counts as a certificate's when its signer identifier names that
     * certificate and the signature verifies with that certificate's public key. Certificates the
     * message carries are never consulted, so a look-alike certificate bundled by an attacker proves
     * nothing. An entity that is neither signed form comes back with {@code signed() == false}.
     *
     * @throws OpeningException when the signed structure cannot be parsed, or holds encryption again
     */
    public SignedLayer signers(byte[] entity, Collection<SmimeRecipientCertificate> registered) throws OpeningException {
        SmimeMailcap.ensureRegistered();
        SMIMESigned signed;
        try {
            MimeBodyPart inner = new MimeBodyPart(new ByteArrayInputStream(entity));
            if (inner.isMimeType("multipart/signed")) {
                byte[] body = readLimited(inner.getRawInputStream(), "the signed part");
                signed = new SMIMESigned(new MimeMultipart(new ByteArrayDataSource(body, inner.getContentType())));
            } else if (isPkcs7(inner)) {
                String smimeType = new ContentType(inner.getContentType()).getParameter("smime-type");
                if (smimeType != null && !smimeType.equalsIgnoreCase("signed-data")) {
                    throw new OpeningException("encryption nested in encryption (smime-type=" + smimeType + ") is refused");
                }
                signed = new SMIMESigned(inner);
            } else {
                return new SignedLayer(entity, false, List.of());
            }
        } catch (MessagingException | CMSException | org.bouncycastle.mail.smime.SMIMEException | IOException
                 | RuntimeException e) {
            throw new OpeningException("signed S/MIME content cannot be parsed", e);
        }
        byte[] content = signedContent(signed);
        List<SignerCheck> checks = new ArrayList<>();
        for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
            checks.add(check(signer, registered));
        }
        return new SignedLayer(content, true, checks);
    }

    private SignerCheck check(SignerInformation signer, Collection<SmimeRecipientCertificate> registered) {
        Optional<Instant> signingTime = signingTime(signer);
        SmimeRecipientCertificate named = null;
        for (SmimeRecipientCertificate candidate : registered) {
            if (!names(signer, candidate.certificate())) {
                continue;
            }
            if (verifiedBy(signer, candidate.certificate())) {
                return new SignerCheck(describe(signer.getSID()), Optional.of(candidate), true, signingTime, markOf(signer));
            }
            named = named == null ? candidate : named;
        }
        return new SignerCheck(describe(signer.getSID()), Optional.ofNullable(named), false, signingTime, Optional.empty());
    }

    private static boolean names(SignerInformation signer, X509Certificate certificate) {
        try {
            return signer.getSID().match(new JcaX509CertificateHolder(certificate));
        } catch (CertificateEncodingException | RuntimeException e) {
            return false;
        }
    }

    /** The signed signing-time attribute; an unsigned one (or none) says nothing about when. */
    private static Optional<Instant> signingTime(SignerInformation signer) {
        AttributeTable attributes = signer.getSignedAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        org.bouncycastle.asn1.ASN1EncodableVector times = attributes.getAll(CMSAttributes.signingTime);
        if (times.size() != 1) {
            return Optional.empty();
        }
        try {
            Attribute time = Attribute.getInstance(times.get(0));
            if (time.getAttrValues().size() != 1) {
                return Optional.empty();
            }
            return Optional.of(Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate().toInstant());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The signer identifier, for logs: serial and issuer, or the subject key identifier; never trusted for anything. */
    private static String describe(SignerId id) {
        if (id.getSerialNumber() != null) {
            String issuer = id.getIssuer() == null ? "?" : id.getIssuer().toString().replaceAll("\\p{Cntrl}", "?");
            return "serial " + id.getSerialNumber().toString(16) + " issued by "
                    + (issuer.length() > 80 ? issuer.substring(0, 80) + "..." : issuer);
        }
        if (id.getSubjectKeyIdentifier() != null) {
            return "subject key identifier " + Hex.toHexString(id.getSubjectKeyIdentifier());
        }
        return "an unidentified signer";
    }

    /**
     * One signer of a signed entity.
     *
     * @param signerId    how the signature names its signer (serial and issuer, or key identifier), for logs only
     * @param certificate the registered certificate the signer identifier names; empty when none does
     * @param valid       true only when the signature verifies with that certificate's key, over this
     *                    content, hashed with a digest the key policy accepts
     * @param signingTime the signed signing-time attribute, when present
     * @param signedMark  the handling marking in the ESS security label, reported for a valid signature only
     */
    public record SignerCheck(String signerId, Optional<SmimeRecipientCertificate> certificate, boolean valid,
                              Optional<Instant> signingTime, Optional<HandlingMark> signedMark) {
        public SignerCheck {
            Objects.requireNonNull(signerId, "signerId");
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(signingTime, "signingTime");
            Objects.requireNonNull(signedMark, "signedMark");
            if (!valid && signedMark.isPresent()) {
                // A mark from a signature that did not verify would be attacker-chosen.
                throw new IllegalArgumentException("a marking is reported only for a valid signature");
            }
        }
    }

    /**
     * What a decrypted entity holds: the content as signed (the entity itself when unsigned) and every signer.
     *
     * @param signed false when the entity is neither multipart/signed nor signed-data
     */
    public record SignedLayer(byte[] content, boolean signed, List<SignerCheck> signers) {
        public SignedLayer {
            content = content.clone();
            signers = List.copyOf(signers);
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SignedLayer that && java.util.Arrays.equals(content, that.content) && signed == that.signed
                    && signers.equals(that.signers);
        }

        @Override
        public int hashCode() {
            return Objects.hash(java.util.Arrays.hashCode(content), signed, signers);
        }

        @Override
        public String toString() {
            return "SignedLayer[" + content.length + " bytes, signed=" + signed + ", " + signers + "]";
        }
    }

    private boolean verifiedBy(SignerInformation signer, X509Certificate certificate) {
        try {
            if (!signer.getSID().match(new JcaX509CertificateHolder(certificate))) {
                return false;
            }
            if (isWeakDigest(signer.getDigestAlgOID())) {
                return false;
            }
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(SmimeCrypto.provider()).build(certificate));
        } catch (CMSException | OperatorCreationException | CertificateEncodingException | RuntimeException e) {
            return false;
        }
    }

    private boolean isWeakDigest(String oid) {
        String name = oid.equals(OIWObjectIdentifiers.idSHA1.getId()) ? "SHA-1"
                : oid.equals(PKCSObjectIdentifiers.md5.getId()) ? "MD5"
                : oid.equals(PKCSObjectIdentifiers.md2.getId()) ? "MD2"
                : oid.equals(TeleTrusTObjectIdentifiers.ripemd160.getId()) ? "RIPEMD-160"
                : oid.equals(NISTObjectIdentifiers.id_sha256.getId()) ? "SHA-256" : oid;
        return policy.isWeakHash(name);
    }

    /** Exactly one security label with exactly one value, or none: two labels would let a reader pick. */
    private static Optional<HandlingMark> markOf(SignerInformation signer) {
        AttributeTable attributes = signer.getSignedAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        org.bouncycastle.asn1.ASN1EncodableVector labels = attributes.getAll(EssSecurityLabel.ATTRIBUTE);
        if (labels.size() != 1) {
            return Optional.empty();
        }
        Attribute label = Attribute.getInstance(labels.get(0));
        if (label.getAttrValues().size() != 1) {
            return Optional.empty();
        }
        return EssSecurityLabel.read(label.getAttrValues().getObjectAt(0));
    }

    private static byte[] signedContent(SMIMESigned signed) throws OpeningException {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            signed.getContent().writeTo(bytes);
            return bytes.toByteArray();
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new OpeningException("signed content cannot be read", e);
        }
    }

    private static boolean isPkcs7(MimePart part) throws MessagingException {
        return part.isMimeType("application/pkcs7-mime") || part.isMimeType("application/x-pkcs7-mime");
    }

    private byte[] readLimited(InputStream in, String what) throws IOException, OpeningException {
        try (in) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new OpeningException(what + " exceeds the limit of " + maxBytes + " bytes");
            }
            return bytes;
        }
    }

    private static String baseType(MimePart part) {
        try {
            return new ContentType(part.getContentType()).getBaseType();
        } catch (MessagingException | RuntimeException e) {
            return "an unreadable content type";
        }
    }

    @Override
    public String toString() {
        return "S/MIME opener for key " + fingerprints();
    }
}
