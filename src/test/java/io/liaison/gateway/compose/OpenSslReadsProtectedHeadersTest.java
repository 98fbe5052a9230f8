package io.liaison.gateway.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.testing.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenSSL 3's {@code cms}, as an S/MIME recipient's tooling runs it on what the composer sent: decrypt,
 * verify the gateway's signature, and find the true Subject with {@code hp="cipher"} on the signed part
 * while the outer Subject carries only level, reference and kind.
 */
class OpenSslReadsProtectedHeadersTest {
    @TempDir
    Path work;

    @Test
    void opensslDecryptsAndVerifiesThePayloadCarryingTheTrueSubject() throws Exception {
        Assumptions.assumeTrue(ExternalTool.available("openssl", "version"), "openssl is not installed; CI installs it");
        ProtectedHeadersFixture f = new ProtectedHeadersFixture();
        byte[] bytes = f.mailTo(22, "mic-liaison", "liaison@mic.sample.invalid").bytes();
        String sent = new String(bytes, StandardCharsets.US_ASCII);
        assertEquals(Optional.of("[TLP:RED] [" + ProtectedHeadersFixture.REFERENCE + "] 早期警戒情報 / Early warning"),
                ProtectedHeadersFixture.decodedSubject(sent));
        Path mail = Files.write(work.resolve("sent.eml"), bytes);
        Path signed = work.resolve("signed.eml");
        Path payload = work.resolve("payload.eml");
        Path keys = ProtectedHeadersFixture.KEYS.toAbsolutePath();

        ExternalTool.Result decrypt = ExternalTool.run(work, "openssl", "cms", "-decrypt", "-in", mail.toString(),
                "-recip", keys.resolve("smime/certs/mic-liaison.pem").toString(), "-inkey", keys.resolve("smime/secret/mic-liaison.key.pem").toString(),
                "-out", signed.toString());
        assertTrue(decrypt.ok(), decrypt::toString);
        ExternalTool.Result verify = ExternalTool.run(work, "openssl", "cms", "-verify", "-in", signed.toString(),
                "-CAfile", keys.resolve("smime/ca.pem").toString(), "-out", payload.toString());
        assertTrue(verify.ok(), verify::toString);

        String inner = Files.readString(payload, StandardCharsets.UTF_8);
        String headers = inner.substring(0, inner.replace("\r\n", "\n").indexOf("\n\n") + 1);
        assertTrue(headers.contains("hp=\"cipher\""), headers);
        assertTrue(headers.contains("protected-headers=\"v1\""), headers);
        assertTrue(headers.contains("HP-Outer: Subject: "), headers);
        assertEquals(Optional.of("[TLP:RED] [" + ProtectedHeadersFixture.REFERENCE + "] 早期警戒情報 Early warning: "
                + ProtectedHeadersFixture.TITLE), ProtectedHeadersFixture.decodedSubject(inner));
    }
}
