package io.liaison.gateway.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fan-out signs notice text written directly as bytes; recipients parse it as the MIME part
 * JavaMail would have written. A byte of difference and every signature fails to verify.
 */
class TextEntityWritesWhatJavaMailWritesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "━━━━\n【TLP:AMBER】\n━━━━\n早期警戒情報 / Early warning   NISC-EW-2026-00001\n本文 body\n",
            "no newline at the end",
            "CRLF already\r\nand a lone CR\r and tabs\tand emoji 🚨\n\n\n",
            "", "From here\n.\n.. dots at line starts\n"})
    void sameBytesAsTheMimePart(String text) throws Exception {
        assertArrayEquals(javaMail(TextEntity.part(text)), TextEntity.bytes(text));
    }

    private static byte[] javaMail(MimeBodyPart part) throws Exception {
        MimeMultipart carrier = new MimeMultipart();
        carrier.addBodyPart(part);
        MimeMessage message = new MimeMessage((Session) null);
        message.setContent(carrier);
        message.saveChanges();
        carrier.removeBodyPart(part);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.writeTo(out);
        return out.toByteArray();
    }
}
