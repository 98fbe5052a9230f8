package io.liaison.gateway.compose.smime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.compose.HandlingMark;
import io.liaison.gateway.compose.OpenedMessage;
import io.liaison.gateway.compose.OpeningException;
import io.liaison.gateway.compose.PreparedContent;
import io.liaison.gateway.keys.smime.SmimeGatewayKey;
import io.liaison.gateway.marking.Tlp;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One S/MIME signature serves every recipient; each envelope opens only with its recipient's key,
 * shows the gateway's valid signature over the exact inner entity, and carries the marking signed.
 */
class SmimeSignsOnceAndEnvelopesPerRecipientTest {
    private static final HandlingMark MARK = HandlingMark.of(Tlp.AMBER, "NISC-EW-2025-00001");
    private static SmimeGatewayKey gateway;
    private static SmimeProtector protector;
    private static PreparedContent content;

    @BeforeAll
    static void signOnce() throws Exception {
        gateway = SmimeSampleKeysFixture.gatewayKey();
        protector = SmimeProtector.forDemo(gateway);
        MimeBodyPart inner = new MimeBodyPart();
        inner.setText(SmimeSampleKeysFixture.JAPANESE_NOTICE, "UTF-8");
        inner.setHeader("Content-Transfer-Encoding", "8bit");
        content = protector.prepare(inner, MARK, Instant.now());
    }

    @Test
    void rsaAndEcRecipientsEachOpenTheirCopyWithTheGatewaysValidSignatureAndMark() throws Exception {
        OpenedMessage forRsa = open(SmimeSampleKeysFixture.RSA_POC,
                protector.protectFor(content, SmimeSampleKeysFixture.certificate(SmimeSampleKeysFixture.RSA_POC)));
        OpenedMessage forEc = open(SmimeSampleKeysFixture.EC_POC,
                protector.protectFor(content, SmimeSampleKeysFixture.gcmCertificate(SmimeSampleKeysFixture.EC_POC)));

        for (OpenedMessage opened : new OpenedMessage[] {forRsa, forEc}) {
            assertTrue(opened.signatureValid(), opened::toString);
            assertEquals(Optional.of(gateway.fingerprint()), opened.signerFingerprint());
            assertEquals(Optional.of(MARK), opened.signedMark());
            MimeBodyPart entity = new MimeBodyPart(new ByteArrayInputStream(opened.innerEntity()));
            assertEquals("text/plain; charset=UTF-8", new ContentType(entity.getContentType()).toString());
            assertEquals("quoted-printable", entity.getEncoding(), "8bit text is made 7-bit safe before signing");
            assertEquals(SmimeSampleKeysFixture.JAPANESE_NOTICE, entity.getContent());
        }
        assertArrayEquals(forRsa.innerEntity(), forEc.innerEntity(), "one signed entity for all recipients");
    }

    @Test
    void recipientAnnouncingGcmGetsAuthEnvelopedDataOthersGetEnvelopedCbc() throws Exception {
        SmimeEnvelopedBody gcm = protector.protectFor(content, SmimeSampleKeysFixture.gcmCertificate(SmimeSampleKeysFixture.RSA_POC));
        SmimeEnvelopedBody cbc = protector.protectFor(content, SmimeSampleKeysFixture.certificate(SmimeSampleKeysFixture.RSA_POC));

        assertTrue(gcm.authenticated());
        assertEquals(CMSObjectIdentifiers.authEnvelopedData, ContentInfo.getInstance(gcm.cms()).getContentType());
        assertTrue(gcm.contentType().contains("smime-type=authEnveloped-data"));
        assertFalse(cbc.authenticated());
        assertEquals(CMSObjectIdentifiers.envelopedData, ContentInfo.getInstance(cbc.cms()).getContentType());
        assertTrue(cbc.contentType().contains("smime-type=enveloped-data"));
    }

    @Test
    void anotherRecipientCannotOpenSomeoneElsesCopy() throws Exception {
        SmimeEnvelopedBody forMic = protector.protectFor(content, SmimeSampleKeysFixture.certificate(SmimeSampleKeysFixture.RSA_POC));
        OpeningException e = assertThrows(OpeningException.class, () -> open(SmimeSampleKeysFixture.EC_POC, forMic));
        assertTrue(e.getMessage().contains("not encrypted to key"), e.getMessage());
    }

    @Test
    void signatureIsNotReportedValidForAnUnexpectedSignerAndThenCarriesNoMark() throws Exception {
        SmimeEnvelopedBody forMic = protector.protectFor(content, SmimeSampleKeysFixture.certificate(SmimeSampleKeysFixture.RSA_POC));
        OpenedMessage opened = new SmimeOpener(SmimeSampleKeysFixture.recipientKey(SmimeSampleKeysFixture.RSA_POC))
                .open(throughTheWire(forMic), SmimeSampleKeysFixture.certificate(SmimeSampleKeysFixture.EC_POC));
        assertFalse(opened.signatureValid());
        assertEquals(Optional.empty(), opened.signerFingerprint());
        assertEquals(Optional.empty(), opened.signedMark());
    }

    @Test
    void tamperedGcmCiphertextIsRefusedNotReturned() throws Exception {
        byte[] cms = protector.protectFor(content, SmimeSampleKeysFixture.gcmCertificate(SmimeSampleKeysFixture.RSA_POC)).cms();
        cms[cms.length - 40] ^= 0x01; // inside the ciphertext or tag
        SmimeOpener opener = new SmimeOpener(SmimeSampleKeysFixture.recipientKey(SmimeSampleKeysFixture.RSA_POC));
        assertThrows(OpeningException.class, () -> opener.openCms(cms, gateway.certificate()));
    }

    @Test
    void unmarkedContentVerifiesButReportsNoMark() throws Exception {
        MimeBodyPart inner = new MimeBodyPart();
        inner.setText("receipt", "UTF-8");
        SmimeEnvelopedBody body = protector.protect(inner, SmimeSampleKeysFixture.certificate(SmimeSampleKeysFixture.RSA_POC), Instant.now())
                instanceof SmimeEnvelopedBody b ? b : null;
        OpenedMessage opened = open(SmimeSampleKeysFixture.RSA_POC, body);
        assertTrue(opened.signatureValid());
        assertEquals(Optional.empty(), opened.signedMark());
    }

    static MimeMessage throughTheWire(SmimeEnvelopedBody body) throws Exception {
        MimeMessage sent = new MimeMessage(Session.getInstance(new Properties()));
        body.applyTo(sent);
        sent.setSubject("[TLP:AMBER] test", "UTF-8");
        sent.saveChanges();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        sent.writeTo(wire);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(wire.toByteArray()));
    }

    private static OpenedMessage open(String pocId, SmimeEnvelopedBody body) throws Exception {
        return new SmimeOpener(SmimeSampleKeysFixture.recipientKey(pocId)).open(throughTheWire(body), gateway.certificate());
    }
}
