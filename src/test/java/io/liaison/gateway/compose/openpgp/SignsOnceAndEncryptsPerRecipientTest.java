package io.liaison.gateway.compose.openpgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.compose.OpenedMessage;
import io.liaison.gateway.compose.OpeningException;
import io.liaison.gateway.compose.PreparedContent;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.Packet;
import org.bouncycastle.bcpg.PublicKeyEncSessionPacket;
import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricEncIntegrityPacket;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One signature serves every recipient: each opens only their own copy, sees the gateway's valid
 * signature and the exact inner entity, and gets a container their software can read.
 */
class SignsOnceAndEncryptsPerRecipientTest {
    private static OpenPgpGatewayKey gateway;
    private static PgpMimeProtector protector;
    private static PreparedContent content;

    @BeforeAll
    static void signOnce() throws Exception {
        gateway = SampleKeysFixture.gatewayKey();
        protector = PgpMimeProtector.forDemo(gateway);
        MimeBodyPart inner = new MimeBodyPart();
        inner.setText(SampleKeysFixture.JAPANESE_NOTICE, "UTF-8");
        content = protector.prepare(inner, Instant.now());
    }

    @Test
    void eachRecipientOpensTheirCopyWithTheGatewaysValidSignature() throws Exception {
        OpenedMessage forNisc = open("nisc-duty", protector.protectFor(content, SampleKeysFixture.certificate("nisc-duty")));
        OpenedMessage forMeti = open("meti-liaison", protector.protectFor(content, SampleKeysFixture.certificate("meti-liaison")));

        for (OpenedMessage opened : new OpenedMessage[] {forNisc, forMeti}) {
            assertTrue(opened.signatureValid());
            assertEquals(Optional.of(gateway.fingerprint()), opened.signerFingerprint());
            MimeBodyPart entity = new MimeBodyPart(new ByteArrayInputStream(opened.innerEntity()));
            assertEquals("text/plain; charset=UTF-8", new ContentType(entity.getContentType()).toString());
            assertEquals(SampleKeysFixture.JAPANESE_NOTICE, entity.getContent());
        }
        assertArrayEquals(forNisc.innerEntity(), forMeti.innerEntity(), "one signed entity for all recipients");
    }

    @Test
    void anotherRecipientCannotOpenSomeoneElsesCopy() throws Exception {
        MimeMultipart forNisc = protector.protectFor(content, SampleKeysFixture.certificate("nisc-duty"));
        assertThrows(OpeningException.class, () -> open("meti-liaison", forNisc));
    }

    @Test
    void signatureIsNotReportedValidForAnUnexpectedSigner() throws Exception {
        MimeMultipart forNisc = protector.protectFor(content, SampleKeysFixture.certificate("nisc-duty"));
        OpenedMessage opened = new PgpMimeOpener(SampleKeysFixture.recipientKey("nisc-duty"))
                .open(forNisc, SampleKeysFixture.certificate("council-secretariat"));
        assertFalse(opened.signatureValid());
        assertEquals(Optional.empty(), opened.signerFingerprint());
    }

    @Test
    void v4SampleRecipientsGetSeipdV1WhichGnuPg22Reads() throws Exception {
        MimeMultipart forNisc = protector.protectFor(content, SampleKeysFixture.certificate("nisc-duty"));
        assertEquals(1, encryptedDataVersion(forNisc));
    }

    @Test
    void v6RecipientAnnouncingSeipdV2GetsAeadAndCanOpenIt(@TempDir Path dir) throws Exception {
        // Created before the content was signed: a key must already exist at the instant it is judged.
        OpenPGPKey v6 = new BcOpenPGPApi().generateKey(Date.from(content.at().minusSeconds(3600))).ed25519x25519Key("V6 Peer <v6@test.sample.invalid>").build();
        Path secret = dir.resolve("v6.sec.asc");
        Files.writeString(secret, v6.toAsciiArmoredString(), StandardCharsets.UTF_8);
        OpenPgpGatewayKey v6Key = OpenPgpGatewayKey.load(secret, PassphraseSource.fromEnvironment("UNUSED", Map.of()));

        MimeMultipart forV6 = protector.protectFor(content, new OpenPgpRecipientCertificate(v6.toCertificate()));

        assertEquals(2, encryptedDataVersion(forV6));
        SymmetricEncIntegrityPacket seipd = encryptedData(forV6);
        assertEquals(AEADAlgorithmTags.OCB, seipd.getAeadAlgorithm());
        assertEquals(6, seipd.getChunkSize(), "4 KiB chunks, not 64-byte ones");
        assertFalse(armored(forV6).lines().anyMatch(line -> line.startsWith("=")), "no CRC-24 line for a v6 reader");
        assertTrue(armored(protector.protectFor(content, SampleKeysFixture.certificate("nisc-duty"))).lines()
                .anyMatch(line -> line.matches("=[A-Za-z0-9+/]{4}")), "a CRC-24 line for v4 readers");
        OpenedMessage opened = new PgpMimeOpener(v6Key).open(forV6, gateway.certificate());
        assertTrue(opened.signatureValid());
    }

    private static OpenedMessage open(String pocId, MimeMultipart multipart) throws Exception {
        return new PgpMimeOpener(SampleKeysFixture.recipientKey(pocId)).open(multipart, gateway.certificate());
    }

    /** The version of the SEIPD packet that follows the session-key packet(s). */
    private static int encryptedDataVersion(MimeMultipart multipart) throws Exception {
        return encryptedData(multipart).getVersion();
    }

    private static String armored(MimeMultipart multipart) throws Exception {
        try (InputStream in = multipart.getBodyPart(1).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static SymmetricEncIntegrityPacket encryptedData(MimeMultipart multipart) throws Exception {
        try (InputStream armored = multipart.getBodyPart(1).getInputStream();
             BCPGInputStream packets = new BCPGInputStream(new ArmoredInputStream(armored))) {
            Packet packet = packets.readPacket();
            while (packet instanceof PublicKeyEncSessionPacket) {
                packet = packets.readPacket();
            }
            return (SymmetricEncIntegrityPacket) packet;
        }
    }
}
