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
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
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
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.mail.smime.SMIMESigned;
import org.bouncycastle.operator.OperatorCreationException;

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

    private final SmimeGatewayKey decryptionKey;
    private final int maxBytes;
    private final KeyPolicy policy = KeyPolicy.standard();

    public SmimeOpener(SmimeGatewayKey decryptionKey) {
        this(decryptionKey, DEFAULT_MAX_BYTES);
    }

    public SmimeOpener(SmimeGatewayKey decryptionKey, int maxBytes) {
        this.decryptionKey = Objects.requireNonNull(decryptionKey, "decryptionKey");
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
        if (cms.length > maxBytes) {
            throw new OpeningException("encrypted content of " + cms.length + " bytes exceeds the limit of " + maxBytes);
        }
        byte[] entity = decrypt(cms);
        return verify(entity, expectedSigner);
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
                RecipientInformation recipient = ours(enveloped.getRecipientInfos());
                return recipient.getContent(decryptionKey.decryptorFor(recipient, false));
            }
            if (CMSObjectIdentifiers.authEnvelopedData.equals(type)) {
                CMSAuthEnvelopedData enveloped = new CMSAuthEnvelopedData(info);
                RecipientInformation recipient = ours(enveloped.getRecipientInfos());
                // Bouncy Castle checks the GCM tag while returning the content: tampering throws here.
                return recipient.getContent(decryptionKey.decryptorFor(recipient, true));
            }
        } catch (CMSException | GatewayKeyException | RuntimeException e) {
            throw new OpeningException("S/MIME content cannot be decrypted with key " + decryptionKey.fingerprint(), e);
        }
        throw new OpeningException("CMS content of type " + type + " is not enveloped data");
    }

    private RecipientInformation ours(RecipientInformationStore store) throws OpeningException {
        Collection<RecipientInformation> recipients = store.getRecipients();
        for (RecipientInformation recipient : recipients) {
            if (decryptionKey.isAddressedBy(recipient)) {
                return recipient;
            }
        }
        throw new OpeningException("not encrypted to key " + decryptionKey.fingerprint() + " (" + recipients.size() + " recipient(s))");
    }

    private OpenedMessage verify(byte[] entity, RecipientCertificate expectedSigner) throws OpeningException {
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
                // Decrypted, but nobody signed it: the caller quarantines it; the content is still reported.
                return new OpenedMessage(entity, false, Optional.empty());
            }
        } catch (MessagingException | CMSException | org.bouncycastle.mail.smime.SMIMEException | IOException
                 | RuntimeException e) {
            throw new OpeningException("signed S/MIME content cannot be parsed", e);
        }
        byte[] content = signedContent(signed);
        if (!(expectedSigner instanceof SmimeRecipientCertificate expected)) {
            return new OpenedMessage(content, false, Optional.empty());
        }
        for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
            if (verifiedBy(signer, expected.certificate())) {
                return new OpenedMessage(content, true, Optional.of(expected.fingerprint()), markOf(signer));
            }
        }
        return new OpenedMessage(content, false, Optional.empty());
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
        return "S/MIME opener for key " + decryptionKey.fingerprint();
    }
}
