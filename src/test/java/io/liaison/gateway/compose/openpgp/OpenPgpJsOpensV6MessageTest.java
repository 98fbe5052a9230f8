package io.liaison.gateway.compose.openpgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.compose.HandlingMark;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.testing.ExternalTool;
import jakarta.mail.internet.MimeBodyPart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GnuPG 2.2 cannot read v6 (RFC 9580) keys or SEIPDv2 messages, so for v6 recipients the independent
 * peer is OpenPGP.js 6 on Node: it decrypts the gateway's AEAD message with a v6 key, verifies the
 * gateway's signature ({@code expectSigned}: a bad one throws) and reports the notations.
 *
 * <p>openpgp@6 is installed with npm into a cache folder on first use ({@value #CACHE_PROPERTY} or
 * ~/.cache/liaison-gateway/openpgpjs-6); the test is skipped when node or npm is missing or the
 * registry cannot be reached.
 */
class OpenPgpJsOpensV6MessageTest {
    static final String CACHE_PROPERTY = "liaison.openpgpjs.dir";
    private static final HandlingMark MARK = HandlingMark.of(Tlp.RED, "NISC-EW-2025-00099");
    private static Path openpgpJs;

    @TempDir
    Path work;

    private static final String SCRIPT = """
            import { readFileSync } from 'node:fs';
            import * as openpgp from 'openpgp';
            const [keyFile, certFile, messageFile] = process.argv.slice(2);
            const decryptionKeys = await openpgp.readPrivateKey({ armoredKey: readFileSync(keyFile, 'utf8') });
            const verificationKeys = await openpgp.readKey({ armoredKey: readFileSync(certFile, 'utf8') });
            const message = await openpgp.readMessage({ armoredMessage: readFileSync(messageFile, 'utf8') });
            const seipd = message.packets.filter(p => p.constructor.tag === openpgp.enums.packet.symEncryptedIntegrityProtectedData);
            const { data, signatures } = await openpgp.decrypt({ message, decryptionKeys, verificationKeys,
                expectSigned: true, format: 'binary' });
            const verified = await signatures[0].verified;
            const packet = (await signatures[0].signature).packets[0];
            console.log(JSON.stringify({
              seipdVersion: seipd.length === 1 ? seipd[0].version : -1,
              verified,
              signer: signatures[0].keyID.toHex().toUpperCase(),
              notations: packet.rawNotations.map(n => n.name + '=' + new TextDecoder().decode(n.value)),
              text: new TextDecoder().decode(data)
            }));
            """;

    @BeforeAll
    static void installOpenPgpJs() throws Exception {
        Assumptions.assumeTrue(ExternalTool.available("node", "--version"), "node is not installed");
        Assumptions.assumeTrue(ExternalTool.available("npm", "--version"), "npm is not installed");
        Path dir = Path.of(System.getProperty(CACHE_PROPERTY,
                Path.of(System.getProperty("user.home"), ".cache", "liaison-gateway", "openpgpjs-6").toString()));
        Files.createDirectories(dir);
        if (!Files.exists(dir.resolve("node_modules/openpgp/package.json"))) {
            ExternalTool.Result install = ExternalTool.run(dir, Map.of(), 300,
                    List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", dir.toString(), "openpgp@6"));
            Assumptions.assumeTrue(install.ok(), () -> "npm could not install openpgp@6: " + install);
        }
        String version = Files.readString(dir.resolve("node_modules/openpgp/package.json"));
        Assumptions.assumeTrue(version.contains("\"version\": \"6."), "the cached openpgp is not version 6");
        Files.writeString(dir.resolve("open-v6.mjs"), SCRIPT, StandardCharsets.UTF_8);
        openpgpJs = dir;
    }

    @Test
    void openPgpJsDecryptsGatewayAeadMessageForV6RecipientAndVerifiesSignatureAndNotations() throws Exception {
        OpenPgpGatewayKey gateway = SampleKeysFixture.gatewayKey();
        OpenPGPKey v6 = new BcOpenPGPApi().generateKey(Date.from(Instant.now().minusSeconds(3600)))
                .ed25519x25519Key("V6 Peer <v6@test.sample.invalid>").build();
        assertEquals(6, v6.getPrimaryKey().getVersion());
        MimeBodyPart inner = new MimeBodyPart();
        inner.setText(SampleKeysFixture.JAPANESE_NOTICE, "UTF-8");
        PgpEncryptedMultipart body = PgpMimeProtector.forDemo(gateway)
                .protect(inner, MARK, new OpenPgpRecipientCertificate(v6.toCertificate()), Instant.now());

        Path key = Files.writeString(work.resolve("v6.sec.asc"), v6.toAsciiArmoredString(), StandardCharsets.US_ASCII);
        Path message = work.resolve("message.asc");
        try (InputStream in = body.getBodyPart(1).getInputStream()) {
            Files.write(message, in.readAllBytes());
        }
        ExternalTool.Result result = ExternalTool.run(openpgpJs, Map.of(), 120, List.of("node", "open-v6.mjs",
                key.toString(), SampleKeysFixture.GATEWAY_CERT.toAbsolutePath().toString(), message.toString()));

        assertTrue(result.ok(), result::toString);
        String json = result.stdout();
        assertTrue(json.contains("\"seipdVersion\":2"), "AEAD (SEIPDv2) for a v6 recipient: " + json);
        assertTrue(json.contains("\"verified\":true"), json);
        assertTrue(gateway.fingerprint().endsWith(json.replaceAll("(?s).*\"signer\":\"([0-9A-F]+)\".*", "$1")),
                "signed by the gateway's key: " + json);
        assertTrue(json.contains("\"tlp@liaison-gateway=TLP:RED\""), json);
        assertTrue(json.contains("\"reference@liaison-gateway=NISC-EW-2025-00099\""), json);
        assertTrue(json.contains("text/plain; charset=UTF-8"), "the inner MIME entity: " + json);
    }

    @Test
    void openPgpJsReadsTheTrueSubjectAndHpParametersOnTheDecryptedPayload() throws Exception {
        OpenPgpGatewayKey gateway = SampleKeysFixture.gatewayKey();
        OpenPGPKey v6 = new BcOpenPGPApi().generateKey(Date.from(Instant.now().minusSeconds(3600)))
                .ed25519x25519Key("V6 Peer <v6@test.sample.invalid>").build();
        String trueSubject = jakarta.mail.internet.MimeUtility.fold(9, jakarta.mail.internet.MimeUtility.encodeText(
                "[TLP:RED] [NISC-EW-2025-00099] 早期警戒情報 Early warning: 制御系への攻撃", "UTF-8", null));
        io.liaison.gateway.compose.ProtectedHeaders headers = io.liaison.gateway.compose.ProtectedHeaders.builder()
                .same("To", "v6@test.sample.invalid")
                .obscured("Subject", trueSubject, "[TLP:RED] [NISC-EW-2025-00099] Early warning")
                .build();
        PgpMimeProtector protector = PgpMimeProtector.forDemo(gateway);
        PgpEncryptedMultipart body = protector.protectFor(
                protector.prepareText(SampleKeysFixture.JAPANESE_NOTICE, headers, MARK, Instant.now()),
                new OpenPgpRecipientCertificate(v6.toCertificate()));

        Path key = Files.writeString(work.resolve("v6.sec.asc"), v6.toAsciiArmoredString(), StandardCharsets.US_ASCII);
        Path message = Files.writeString(work.resolve("message.asc"), body.armored(), StandardCharsets.US_ASCII);
        ExternalTool.Result result = ExternalTool.run(openpgpJs, Map.of(), 120, List.of("node", "open-v6.mjs",
                key.toString(), SampleKeysFixture.GATEWAY_CERT.toAbsolutePath().toString(), message.toString()));

        assertTrue(result.ok(), result::toString);
        String json = result.stdout();
        assertTrue(json.contains("\"verified\":true"), json);
        assertTrue(json.contains("hp=\\\"cipher\\\"; protected-headers=\\\"v1\\\""), "the payload's Content-Type: " + json);
        assertTrue(json.contains("Subject: " + trueSubject.replace("\r\n", "\\r\\n")), "the true Subject, as signed: " + json);
        assertTrue(json.contains("HP-Outer: Subject: [TLP:RED] [NISC-EW-2025-00099] Early warning"), json);
    }
}
