package io.liaison.gateway.inbound;

import io.liaison.gateway.compose.HandlingMark;
import io.liaison.gateway.compose.PreparedContent;
import io.liaison.gateway.compose.smime.SmimeEnvelopedBody;
import io.liaison.gateway.compose.smime.SmimeProtector;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.smime.SmimeCertificateReader;
import io.liaison.gateway.keys.smime.SmimeCrypto;
import io.liaison.gateway.keys.smime.SmimeGatewayKey;
import io.liaison.gateway.keys.smime.SmimeSampleKeyGenerator;
import jakarta.mail.internet.MimeBodyPart;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Builds S/MIME replies as a point of contact's mail client would: the inner entity signed with the
 * POC's certificate (multipart/signed or opaque signed-data), then enveloped for the gateway's S/MIME
 * certificate, in an {@code application/pkcs7-mime} message. Each layer is a separate step so the
 * corpus generator can break exactly one; bytes are assembled by hand so nothing re-encodes them.
 */
public final class InboundSmime {
    public static final Path SMIME = InboundMail.SAMPLE.resolve("smime");
    public static final String MIC = "MIC Liaison <liaison@mic.sample.invalid>";
    public static final String FSA = "FSA Liaison <liaison@fsa.sample.invalid>";

    /** A signing key with its certificate; the certificate is what the signature names and the message may carry. */
    public record Signer(PrivateKey key, X509Certificate certificate, String algorithm) {
    }

    private InboundSmime() {
    }

    /** A sample S/MIME POC (mic-liaison: RSA, fsa-liaison: EC) with its unprotected key, as its own client holds it. */
    public static Signer pocSigner(String pocId) {
        X509Certificate certificate = certificate(SMIME.resolve("certs/" + pocId + ".pem"));
        PrivateKey key = privateKey(SMIME.resolve("secret/" + pocId + ".key.pem"));
        return new Signer(key, certificate, certificate.getPublicKey().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA");
    }

    /** The same POC's key wrapped for {@link SmimeProtector}, which binds a handling mark as an ESS security label. */
    public static SmimeGatewayKey pocKey(String pocId) {
        try {
            return SmimeSampleKeyGenerator.loadRecipientKey(InboundMail.SAMPLE, pocId);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load " + pocId, e);
        }
    }

    public static X509Certificate gatewayCertificate() {
        return certificate(SMIME.resolve("gateway.pem"));
    }

    /** The gateway's own S/MIME key, as the gateway loads it (encrypted file, passphrase from a file). */
    public static SmimeGatewayKey gatewayKey() {
        try {
            return SmimeGatewayKey.load(SMIME.resolve("gateway.key.pem"), SMIME.resolve("gateway.pem"),
                    PassphraseSource.fromFile(InboundMail.SAMPLE.resolve("gateway/passphrase.txt")));
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the sample gateway S/MIME key", e);
        }
    }

    public static X509Certificate certificate(Path file) {
        try {
            return new SmimeCertificateReader().readCertificate(file).certificate();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static PrivateKey privateKey(Path file) {
        try (PEMParser parser = new PEMParser(new InputStreamReader(new ByteArrayInputStream(Files.readAllBytes(file)), StandardCharsets.US_ASCII))) {
            return new JcaPEMKeyConverter().setProvider(SmimeCrypto.provider()).getPrivateKey((PrivateKeyInfo) parser.readObject());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** A stranger with a certificate of its own making, valid and well-formed but registered nowhere; EC P-256. */
    public static Signer stranger(String commonName, String email) {
        try {
            KeyPair keys = SmimeSampleKeyGenerator.keyPair(0);
            X509Certificate certificate = SmimeSampleKeyGenerator.Issue.endEntity(SmimeSampleKeyGenerator.subject(commonName, true), email, keys)
                    .issue(null, null);
            return new Signer(keys.getPrivate(), certificate, "SHA256withECDSA");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An attacker's look-alike of {@code victim}: same issuer, serial number and subject, so a signature
     * names the victim's certificate, but the attacker's own key. A verifier that takes the certificate
     * from the message (as {@code openssl cms -verify -noverify} does) is fooled; one that uses the
     * registered certificate is not.
     */
    public static Signer lookAlike(X509Certificate victim) {
        try {
            KeyPair keys = SmimeSampleKeyGenerator.keyPair(0);
            X509Certificate forged = new JcaX509CertificateConverter().setProvider(SmimeCrypto.provider()).getCertificate(
                    new JcaX509v3CertificateBuilder(X500Name.getInstance(victim.getIssuerX500Principal().getEncoded()),
                            victim.getSerialNumber(), victim.getNotBefore(), victim.getNotAfter(),
                            X500Name.getInstance(victim.getSubjectX500Principal().getEncoded()), keys.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(SmimeCrypto.provider()).build(keys.getPrivate())));
            return new Signer(keys.getPrivate(), forged, "SHA256withECDSA");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A detached CMS signature over {@code entity}, signing time {@code at}, carrying the signer's certificate. */
    public static byte[] signature(byte[] entity, Signer signer, Instant at, boolean encapsulate) {
        try {
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(at)))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                    .setProvider(SmimeCrypto.provider()).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(new JcaContentSignerBuilder(signer.algorithm()).setProvider(SmimeCrypto.provider()).build(signer.key()),
                            signer.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(signer.certificate())));
            return generator.generate(new CMSProcessableByteArray(entity), encapsulate).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** multipart/signed (RFC 8551 §3.5.3) around {@code entity}, which must already be canonical (CRLF). */
    public static byte[] multipartSigned(byte[] entity, byte[] signature) {
        String boundary = "----smime-signed-5d1e";
        StringBuilder head = new StringBuilder();
        head.append("Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"")
                .append(boundary).append("\"\r\n\r\nThis is an S/MIME signed message\r\n\r\n--").append(boundary).append("\r\n");
        String tail = "\r\n--" + boundary + "\r\nContent-Type: application/pkcs7-signature; name=\"smime.p7s\"\r\n"
                + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"smime.p7s\"\r\n\r\n"
                + base64(signature) + "\r\n--" + boundary + "--\r\n";
        return concat(head.toString().getBytes(StandardCharsets.US_ASCII), entity, tail.getBytes(StandardCharsets.US_ASCII));
    }

    /** Signed with the POC's certificate, detached: what Outlook and Thunderbird send by default. */
    public static byte[] signedDetached(byte[] entity, Signer signer, Instant at) {
        return multipartSigned(entity, signature(entity, signer, at, false));
    }

    /** Opaque signed-data (application/pkcs7-mime; smime-type=signed-data), the content inside the signature. */
    public static byte[] signedOpaque(byte[] entity, Signer signer, Instant at) {
        return pkcs7Entity("signed-data", signature(entity, signer, at, true));
    }

    /**
     * A complete reply whose signature binds {@code mark} as an ESS security label, as a client that
     * knows the gateway's labelling policy would send it (signed by the gateway's own S/MIME signer code,
     * with the POC's key), enveloped for the gateway.
     */
    public static byte[] markedReply(InboundMail.Envelope envelope, byte[] entity, String pocId, HandlingMark mark, Instant at) {
        try {
            SmimeProtector client = SmimeProtector.forDemo(pocKey(pocId));
            PreparedContent signed = client.prepare(new MimeBodyPart(new ByteArrayInputStream(entity)), mark, at);
            SmimeEnvelopedBody body = client.protectFor(signed, new SmimeCertificateReader().readCertificate(SMIME.resolve("gateway.pem")));
            return envelopedMail(envelope, body.cms(), body.authenticated());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An application/pkcs7-mime entity of the given smime-type around DER bytes. */
    public static byte[] pkcs7Entity(String smimeType, byte[] der) {
        return ("Content-Type: application/pkcs7-mime; smime-type=" + smimeType + "; name=\"smime.p7m\"\r\n"
                + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"smime.p7m\"\r\n\r\n"
                + base64(der) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** EnvelopedData (AES-256-CBC) or AuthEnvelopedData (AES-256-GCM) of {@code entity} for {@code recipient}. */
    public static byte[] envelope(byte[] entity, X509Certificate recipient, boolean gcm) {
        try {
            RecipientInfoGenerator info;
            if (recipient.getPublicKey() instanceof ECPublicKey ec) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", SmimeCrypto.provider());
                generator.initialize(ec.getParams());
                KeyPair ephemeral = generator.generateKeyPair();
                info = new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF, ephemeral.getPrivate(), ephemeral.getPublic(),
                        CMSAlgorithm.AES256_WRAP).addRecipient(recipient).setProvider(SmimeCrypto.provider());
            } else {
                info = new JceKeyTransRecipientInfoGenerator(recipient).setProvider(SmimeCrypto.provider());
            }
            CMSProcessableByteArray data = new CMSProcessableByteArray(entity);
            if (gcm) {
                CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
                generator.addRecipientInfoGenerator(info);
                return generator.generate(data, (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                        .setProvider(SmimeCrypto.provider()).build()).getEncoded();
            }
            CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
            generator.addRecipientInfoGenerator(info);
            return generator.generate(data, new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC)
                    .setProvider(SmimeCrypto.provider()).build()).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Enveloped for the gateway. */
    public static byte[] forGateway(byte[] signedEntity, boolean gcm) {
        return envelope(signedEntity, gatewayCertificate(), gcm);
    }

    /** The message: the envelope's headers, then the CMS as an application/pkcs7-mime body. */
    public static byte[] mail(InboundMail.Envelope envelope, String smimeType, byte[] der) {
        return concat(envelope.headers().getBytes(StandardCharsets.UTF_8), pkcs7Entity(smimeType, der));
    }

    /** An enveloped reply: smime-type from the CMS kind, as clients label it. */
    public static byte[] envelopedMail(InboundMail.Envelope envelope, byte[] cms, boolean gcm) {
        return mail(envelope, gcm ? "authEnveloped-data" : "enveloped-data", cms);
    }

    /** Signed detached by {@code signer}, AES-256-GCM for the gateway, as a complete message. */
    public static byte[] reply(InboundMail.Envelope envelope, byte[] inner, Signer signer, Instant at) {
        return envelopedMail(envelope, forGateway(signedDetached(inner, signer, at), true), true);
    }

    static String base64(byte[] der) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
