package io.liaison.gateway.compose.smime;

import io.liaison.gateway.compose.HandlingMark;
import io.liaison.gateway.compose.MessageProtector;
import io.liaison.gateway.compose.PreparedContent;
import io.liaison.gateway.compose.ProtectionException;
import io.liaison.gateway.compose.ProtectionKind;
import io.liaison.gateway.compose.ProtectionRefusedException;
import io.liaison.gateway.compose.RefusalReason;
import io.liaison.gateway.keys.GatewayKeyException;
import io.liaison.gateway.keys.KeyAssessment;
import io.liaison.gateway.keys.KeyPolicy;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.smime.SmimeCapability;
import io.liaison.gateway.keys.smime.SmimeCrypto;
import io.liaison.gateway.keys.smime.SmimeGatewayKey;
import io.liaison.gateway.keys.smime.SmimeRecipientCertificate;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.security.spec.MGF1ParameterSpec;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.smime.SMIMECapabilitiesAttribute;
import org.bouncycastle.asn1.smime.SMIMECapability;
import org.bouncycastle.asn1.smime.SMIMECapabilityVector;
import org.bouncycastle.asn1.smime.SMIMEEncryptionKeyPreferenceAttribute;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.mail.smime.SMIMEException;
import org.bouncycastle.mail.smime.SMIMESignedGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;

/**
 * S/MIME 4.0 (RFC 8551): the inner entity signed by the gateway (multipart/signed, detached CMS
 * SignedData; ECDSA or RSASSA-PSS over SHA-256 or better), then enveloped for one recipient:
 * AuthEnvelopedData with AES-256-GCM when the recipient is known to read it
 * ({@link SmimeCapability#AES256_GCM}, from the directory or the certificate), else EnvelopedData with
 * AES-256-CBC. The handling marking goes in the signed attributes as an ESS security label.
 *
 * <p>Signing uses bcjmail's {@link SMIMESignedGenerator}, which knows the multipart/signed canonical
 * form; enveloping uses bcpkix's CMS generators directly, so the envelope is encrypted exactly once
 * (bcjmail's enveloped generators encrypt again every time the message is written).
 */
public final class SmimeProtector implements MessageProtector {
    private final SmimeGatewayKey signer;
    private final boolean allowSampleKeys;
    private final KeyPolicy keyPolicy = KeyPolicy.standard();

    private SmimeProtector(SmimeGatewayKey signer, boolean allowSampleKeys) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.allowSampleKeys = allowSampleKeys;
    }

    /** Refuses sample keys on either side: a demo key must never protect real traffic. */
    public static SmimeProtector forProduction(SmimeGatewayKey signer) {
        if (signer.isSample()) {
            throw new IllegalArgumentException("gateway S/MIME key " + signer.fingerprint()
                    + " is a demo sample key and is refused outside demo mode");
        }
        return new SmimeProtector(signer, false);
    }

    /** Accepts the sample keys of keys-sample/smime (and real ones). */
    public static SmimeProtector forDemo(SmimeGatewayKey signer) {
        return new SmimeProtector(signer, true);
    }

    @Override
    public ProtectionKind kind() {
        return ProtectionKind.SMIME;
    }

    @Override
    public boolean accepts(RecipientCertificate recipient) {
        return recipient instanceof SmimeRecipientCertificate;
    }

    @Override
    public PreparedContent prepare(MimeBodyPart content, Instant at) throws ProtectionException {
        return sign(content, null, at);
    }

    @Override
    public PreparedContent prepare(MimeBodyPart content, HandlingMark mark, Instant at) throws ProtectionException {
        return sign(content, Objects.requireNonNull(mark, "mark"), at);
    }

    private PreparedContent sign(MimeBodyPart content, HandlingMark mark, Instant at) throws ProtectionException {
        SmimeMailcap.ensureRegistered();
        byte[] entity;
        try {
            sevenBitSafe(content);
            SMIMESignedGenerator generator = new SMIMESignedGenerator();
            generator.addSignerInfoGenerator(signer.signer(signedAttributes(mark, at)));
            // Only the gateway's own certificate: recipients pin it; a CA chain would suggest trust comes from the CA.
            generator.addCertificates(new JcaCertStore(List.of(signer.certificate().certificate())));
            MimeMultipart signed = generator.generate(content);
            entity = entityBytes(signed);
        } catch (GatewayKeyException | SMIMEException | CertificateEncodingException | MessagingException | IOException
                 | RuntimeException e) {
            throw new ProtectionException("gateway S/MIME key " + signer.fingerprint() + " could not sign at " + at, e);
        }
        return new SmimeSignedContent(entity, at, this);
    }

    /**
     * Signing time fixed to {@code at} (so the signature is dated like the OpenPGP one), the
     * algorithms the gateway reads (so replies can use GCM), the certificate replies should be
     * encrypted to, and the ESS security label.
     */
    private AttributeTable signedAttributes(HandlingMark mark, Instant at) {
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(at)))));
        SMIMECapabilityVector capabilities = new SMIMECapabilityVector();
        capabilities.addCapability(NISTObjectIdentifiers.id_aes256_GCM);
        capabilities.addCapability(SMIMECapability.aES256_CBC);
        attributes.add(new SMIMECapabilitiesAttribute(capabilities));
        X509Certificate own = signer.certificate().certificate();
        attributes.add(new SMIMEEncryptionKeyPreferenceAttribute(new IssuerAndSerialNumber(
                X500Name.getInstance(own.getIssuerX500Principal().getEncoded()), own.getSerialNumber())));
        if (mark != null) {
            attributes.add(EssSecurityLabel.attribute(mark));
        }
        return new AttributeTable(attributes);
    }

    @Override
    public SmimeEnvelopedBody protectFor(PreparedContent content, RecipientCertificate recipient) throws ProtectionException {
        SmimeSignedContent signed = ownContent(content);
        SmimeRecipientCertificate certificate = usableCertificate(recipient, signed.at());
        boolean gcm = certificate.supports(SmimeCapability.AES256_GCM);
        try {
            RecipientInfoGenerator recipientInfo = recipientInfo(certificate);
            CMSProcessableByteArray data = new CMSProcessableByteArray(signed.entity());
            byte[] cms;
            if (gcm) {
                CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
                generator.addRecipientInfoGenerator(recipientInfo);
                OutputAEADEncryptor encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                        .setProvider(SmimeCrypto.provider()).build();
                cms = generator.generate(data, encryptor).getEncoded();
            } else {
                CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
                generator.addRecipientInfoGenerator(recipientInfo);
                cms = generator.generate(data, new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC)
                        .setProvider(SmimeCrypto.provider()).build()).getEncoded();
            }
            return new SmimeEnvelopedBody(cms, gcm);
        } catch (CMSException | GeneralSecurityException | IOException | RuntimeException e) {
            throw new ProtectionException("could not encrypt to S/MIME certificate " + recipient.fingerprint(), e);
        }
    }

    /**
     * RSA: key transport, PKCS #1 v1.5 (every S/MIME client reads it) or RSAES-OAEP with SHA-256 when
     * the recipient is known to read that. EC: ephemeral-static ECDH with the SHA-256 KDF and AES-256
     * key wrap (RFC 5753), a fresh ephemeral key per message.
     */
    private static RecipientInfoGenerator recipientInfo(SmimeRecipientCertificate recipient)
            throws GeneralSecurityException, CertificateEncodingException {
        X509Certificate certificate = recipient.certificate();
        if (certificate.getPublicKey() instanceof ECPublicKey ec) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", SmimeCrypto.provider());
            generator.initialize(ec.getParams());
            KeyPair ephemeral = generator.generateKeyPair();
            return new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF, ephemeral.getPrivate(),
                    ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP)
                    .addRecipient(certificate)
                    .setProvider(SmimeCrypto.provider());
        }
        if (recipient.supports(SmimeCapability.RSAES_OAEP)) {
            OAEPParameterSpec oaep = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
            return new JceKeyTransRecipientInfoGenerator(certificate, new JcaAlgorithmParametersConverter()
                    .getAlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, oaep))
                    .setProvider(SmimeCrypto.provider());
        }
        return new JceKeyTransRecipientInfoGenerator(certificate).setProvider(SmimeCrypto.provider());
    }

    private SmimeSignedContent ownContent(PreparedContent content) {
        if (content instanceof SmimeSignedContent signed && signed.owner() == this) {
            return signed;
        }
        throw new IllegalArgumentException("content was not prepared by this protector: " + content);
    }

    private SmimeRecipientCertificate usableCertificate(RecipientCertificate recipient, Instant at)
            throws ProtectionRefusedException {
        if (!(recipient instanceof SmimeRecipientCertificate certificate)) {
            throw new ProtectionRefusedException(recipient.fingerprint(), RefusalReason.WRONG_KIND, "not an S/MIME certificate");
        }
        if (!allowSampleKeys && recipient.isSample()) {
            throw new ProtectionRefusedException(recipient.fingerprint(), RefusalReason.SAMPLE_KEY,
                    "a demo sample key, refused outside demo mode");
        }
        KeyAssessment assessment = certificate.assess(keyPolicy, at);
        if (!assessment.isUsable()) {
            throw ProtectionRefusedException.of(assessment);
        }
        return certificate;
    }

    /**
     * Text sent as 8bit is re-encoded quoted-printable before signing: RFC 8551 §3.1.3 wants the
     * signed entity 7-bit safe, and a client that stores the decrypted message and later re-sends it
     * over SMTP would otherwise break the signature.
     */
    private static void sevenBitSafe(MimeBodyPart content) throws MessagingException, IOException {
        String encoding = content.getEncoding();
        if (encoding == null || !(encoding.equalsIgnoreCase("8bit") || encoding.equalsIgnoreCase("binary"))) {
            return;
        }
        if (!content.isMimeType("text/*") || !(content.getContent() instanceof String text)) {
            throw new MessagingException("only text may be given as " + encoding + "; encode other content as base64");
        }
        String header = content.getHeader("Content-Type", null);
        String charset = new ContentType(content.getContentType()).getParameter("charset");
        String subtype = new ContentType(content.getContentType()).getSubType();
        content.setText(text, charset == null ? "UTF-8" : charset, subtype);
        if (header != null) {
            // setText drops the header; the original keeps the header-protection parameters (hp=...).
            content.setHeader("Content-Type", header);
        }
        content.setHeader("Content-Transfer-Encoding", "quoted-printable");
    }

    /** The multipart/signed as an entity: its Content-Type header, then the body, exactly as it will be enveloped. */
    private static byte[] entityBytes(MimeMultipart signed) throws MessagingException, IOException {
        EntityPart part = new EntityPart();
        part.setContent(signed);
        part.fillHeaders();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        part.writeTo(bytes);
        return bytes.toByteArray();
    }

    /** MimeBodyPart.updateHeaders is protected; this is the way to set Content-Type from the content without a message. */
    private static final class EntityPart extends MimeBodyPart {
        void fillHeaders() throws MessagingException {
            updateHeaders();
        }
    }
}
