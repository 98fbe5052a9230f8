package io.liaison.gateway.inbound;

import io.liaison.gateway.compose.HandlingMark;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.testing.TestCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyEditor;

/**
 * Writes the bad-message corpus to src/test/resources/inbound/ (run from the project root):
 * {@code bad/*.eml} with {@code bad/expected.tsv} (file, reason code, POC that must be told or -), the
 * prelude message the replays copy, and a test directory: the sample one (with its S/MIME contacts)
 * plus a contact whose signing subkey is revoked. Every message is dated ten minutes before {@link #NOW}.
 *
 * <pre>mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/classes:target/test-classes:$(cat cp.txt) io.liaison.gateway.inbound.BadInboundCorpusGenerator</pre>
 */
public final class BadInboundCorpusGenerator {
    static final Path ROOT = Path.of("src/test/resources/inbound");
    /** The corpus's own "now", fixed so regenerating is never forced by another test's sample day moving. */
    static final Instant NOW = Instant.parse("2026-06-01T01:00:00Z");
    static final Instant T = NOW.minus(Duration.ofMinutes(10));
    static final String REF = "NISC-PR3-2026-00001";
    static final String EAST = "East Power SOC <soc@east-power.sample.invalid>";

    private final Map<String, String[]> expected = new LinkedHashMap<>();
    private final OpenPgpGatewayKey east = InboundMail.pocKey("east-power-soc");

    public static void main(String[] args) throws Exception {
        new BadInboundCorpusGenerator().run();
    }

    void run() throws Exception {
        Path bad = ROOT.resolve("bad");
        Files.createDirectories(bad);
        try (var old = Files.list(bad)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Path keys = Files.createTempDirectory("corpus-keys");
        OpenPGPKey revoked = revokedSigningSubkeyDirectory(keys);

        String preludeArmored = InboundMail.signedForGateway(inner("prelude", InboundMail.ack(REF)), east, T);
        Files.createDirectories(ROOT.resolve("good"));
        Files.write(ROOT.resolve("good/prelude-ack.eml"), InboundMail.pgpMime(env("prelude"), preludeArmored));

        add("garbage", "MALFORMED_MIME", "-", garbage());
        add("plain-text", "NOT_ENCRYPTED", "east-power-soc",
                InboundMail.simple(env("plain"), "text/plain; charset=UTF-8", "受領しました " + REF + "\n"));
        add("signed-not-encrypted", "NOT_ENCRYPTED", "east-power-soc", InboundMail.simple(env("signed-only"),
                "multipart/signed; protocol=\"application/pgp-signature\"; micalg=pgp-sha512; boundary=\"s1\"",
                "--s1\nContent-Type: application/yaml\n\n" + InboundMail.ack(REF) + "\n--s1\nContent-Type: application/pgp-signature\n\n"
                        + InboundMail.armor(InboundMail.signedPackets(inner("signed-only", InboundMail.ack(REF)), east, T)) + "\n--s1--\n"));
        add("inline-pgp", "WRONG_CONTENT_TYPE", "east-power-soc", InboundMail.simple(env("inline"), "text/plain",
                InboundMail.signedForGateway(inner("inline", InboundMail.ack(REF)), east, T)));
        String armored = InboundMail.signedForGateway(inner("truncated", InboundMail.ack(REF)), east, T);
        add("truncated-mime", "MIME_TRUNCATED", "east-power-soc", InboundMail.pgpMime(env("truncated"), "application/pgp-encrypted",
                "application/pgp-encrypted", "application/octet-stream", armored.substring(0, armored.length() / 2), false));
        add("truncated-armor", "DECRYPTION_FAILED", "east-power-soc",
                InboundMail.pgpMime(env("truncated-armor"), armored.substring(0, armored.length() / 2)));
        add("wrong-protocol", "WRONG_CONTENT_TYPE", "east-power-soc", InboundMail.pgpMime(env("wrong-protocol"), "application/x-unknown",
                "application/pgp-encrypted", "application/octet-stream", good("wrong-protocol"), true));
        add("wrong-first-part-type", "WRONG_CONTENT_TYPE", "east-power-soc", InboundMail.pgpMime(env("wrong-part"),
                "application/pgp-encrypted", "text/plain", "application/octet-stream", good("wrong-part"), true));
        add("wrong-second-part-type", "WRONG_CONTENT_TYPE", "east-power-soc", InboundMail.pgpMime(env("wrong-part-2"),
                "application/pgp-encrypted", "application/pgp-encrypted", "text/html", good("wrong-part-2"), true));
        add("encryption-nested-in-encryption", "ENCRYPTION_NESTED", "east-power-soc", nested());
        add("unsigned", "UNSIGNED", "east-power-soc", InboundMail.pgpMime(env("unsigned"), InboundMail.encrypt(
                InboundMail.unsignedPackets(inner("unsigned", InboundMail.ack(REF))), List.of(InboundMail.gatewayCertificate()), T)));
        add("unknown-signer", "UNKNOWN_SIGNER", "east-power-soc", InboundMail.pgpMime(env("stranger"),
                InboundMail.signedForGateway(inner("stranger", InboundMail.ack(REF)), stranger(keys), T)));
        add("signature-by-revoked-key", "SIGNER_KEY_REVOKED", "revoked-power-soc", InboundMail.pgpMime(
                new InboundMail.Envelope("soc@revoked-power.test.invalid", T, "<revoked@revoked-power.test.invalid>"),
                InboundMail.signedForGateway(inner("revoked", InboundMail.ack(REF)), InboundMail.key(keys.resolve("revoked-power-soc.key.asc")), T)));
        byte[] signed = InboundMail.signedPackets(inner("other-body", InboundMail.ack(REF)), east, T);
        add("signature-over-different-body", "SIGNATURE_INVALID", "east-power-soc", InboundMail.pgpMime(env("other-body"),
                InboundMail.encrypt(InboundMail.replaceOnce(signed, "受領しました", "受領しません"), List.of(InboundMail.gatewayCertificate()), T)));
        add("valid-signature-from-other-organisation", "FROM_SIGNER_MISMATCH", "east-power-soc", InboundMail.pgpMime(env("west"),
                InboundMail.signedForGateway(inner("west", InboundMail.ack(REF)), InboundMail.pocKey("west-power-soc"), T)));
        add("from-not-registered", "FROM_SIGNER_MISMATCH", "-", InboundMail.pgpMime(
                new InboundMail.Envelope("SOC <soc@east-power-support.example>", T, "<lookalike@east-power-support.example>"), good("lookalike")));
        add("marking-changed-in-subject", "MARKING_CHANGED", "east-power-soc", InboundMail.pgpMime(
                env("marking-subject").subject("Re: [TLP:GREEN] reply"),
                InboundMail.signedForGateway(inner("marking-subject", InboundMail.ack(REF) + "tlp: TLP:RED\n"), east, T)));
        add("marking-changed-in-header", "MARKING_CHANGED", "east-power-soc", InboundMail.pgpMime(
                env("marking-header").subject("Re: reply").header("X-TLP", "TLP:CLEAR"),
                InboundMail.signedForGateway(InboundMail.inner("# case: marking-header\n" + InboundMail.ack(REF),
                        Map.of("X-TLP", "TLP:AMBER")), east, T)));
        add("oversized-part", "OVERSIZED_PART", "east-power-soc", InboundMail.pgpMime(env("big-part"),
                InboundMail.signedForGateway(withExtraPart("big-part", "text/plain; charset=US-ASCII", ("A".repeat(1022) + "\r\n").repeat(40)), east, T)));
        add("oversized-message", "OVERSIZED_MESSAGE", "east-power-soc", oversizedMessage());
        add("crlf-in-encoded-subject", "HEADER_INJECTION", "east-power-soc", InboundMail.pgpMime(
                env("crlf-subject").encodedSubject("Ack\r\nBcc: victim@example.invalid"), good("crlf-subject")));
        add("bare-cr-in-header", "HEADER_INJECTION", "east-power-soc", InboundMail.pgpMime(
                env("bare-cr").header("X-Note", "hello\rBcc: victim@example.invalid"), good("bare-cr")));
        add("duplicate-from-header", "HEADER_INJECTION", "-", InboundMail.pgpMime(
                env("two-from").header("From", "soc@west-power.sample.invalid"), good("two-from")));
        add("missing-message-id", "HEADER_MISSING", "east-power-soc", InboundMail.pgpMime(
                new InboundMail.Envelope(EAST, T, null), good("no-id")));
        add("replay-same-message-id", "REPLAY_MESSAGE_ID", "east-power-soc", InboundMail.pgpMime(env("prelude"), good("replay-id")));
        add("replay-rewrapped-signed-content", "REPLAY_MESSAGE_ID", "east-power-soc", InboundMail.pgpMime(env("rewrapped"), preludeArmored));
        add("replay-stale-date", "REPLAY_DATE_OUTSIDE_WINDOW", "east-power-soc", InboundMail.pgpMime(
                new InboundMail.Envelope(EAST, T.minus(Duration.ofDays(5)), "<stale@east-power.sample.invalid>"), good("stale")));
        add("replay-future-date", "REPLAY_DATE_OUTSIDE_WINDOW", "east-power-soc", InboundMail.pgpMime(
                new InboundMail.Envelope(EAST, T.plus(Duration.ofDays(1)), "<future@east-power.sample.invalid>"), good("future")));
        add("replay-stale-signature", "REPLAY_DATE_OUTSIDE_WINDOW", "east-power-soc", InboundMail.pgpMime(env("old-signature"),
                InboundMail.signedForGateway(inner("old-signature", InboundMail.ack(REF)), east, T.minus(Duration.ofDays(5)))));
        add("encrypted-to-someone-else", "DECRYPTION_FAILED", "east-power-soc", InboundMail.pgpMime(env("not-for-us"),
                InboundMail.encrypt(InboundMail.signedPackets(inner("not-for-us", InboundMail.ack(REF)), east, T),
                        List.of(InboundMail.certificate(InboundMail.SAMPLE.resolve("certs/nisc-duty.asc"))), T)));
        add("pgp-mime-without-encryption", "NOT_ENCRYPTED", "east-power-soc", InboundMail.pgpMime(env("no-encryption"),
                InboundMail.armor(InboundMail.signedPackets(inner("no-encryption", InboundMail.ack(REF)), east, T))));
        add("no-machine-readable-part", "TEXT_REPLY_WITHOUT_CODE", "east-power-soc", InboundMail.pgpMime(env("text-only"),
                InboundMail.signedForGateway(("Content-Type: text/plain; charset=UTF-8\r\n\r\n受領しました " + REF + "\r\n")
                        .getBytes(StandardCharsets.UTF_8), east, T)));
        add("executable-attachment", "WRONG_CONTENT_TYPE", "east-power-soc", InboundMail.pgpMime(env("exe"),
                InboundMail.signedForGateway(withExtraPart("exe", "application/x-msdownload", "MZ fake"), east, T)));
        add("invalid-yaml", "FORMAT_INVALID", "east-power-soc", InboundMail.pgpMime(env("bad-yaml"),
                InboundMail.signedForGateway(inner("bad-yaml", "liaison: 1\ntype: [unclosed\n"), east, T)));
        add("report-without-contact", "FORMAT_INVALID", "east-power-soc", InboundMail.pgpMime(env("no-contact"),
                InboundMail.signedForGateway(inner("no-contact", "liaison: 1\ntype: incident-report\nincident: EP-1\n"), east, T)));
        add("ack-of-unknown-reference", "ACK_UNKNOWN_REFERENCE", "east-power-soc", InboundMail.pgpMime(env("unknown-ref"),
                InboundMail.signedForGateway(inner("unknown-ref", InboundMail.ack("NISC-PR3-2026-09999")), east, T)));
        add("ack-by-organisation-not-sent-the-notice", "ACK_NOT_A_RECIPIENT", "telecom-a-soc", InboundMail.pgpMime(
                new InboundMail.Envelope("soc@telecom-a.sample.invalid", T, "<ack@telecom-a.sample.invalid>"),
                InboundMail.signedForGateway(inner("telecom", InboundMail.ack(REF)), InboundMail.pocKey("telecom-a-soc"), T)));

        smimeCases();
        add("openpgp-notation-reference-changed-after-signing", "MARKING_CHANGED", "east-power-soc", InboundMail.pgpMime(
                env("notation-reference").subject("Re: [TLP:AMBER] reply").header("X-TLP", "TLP:AMBER")
                        .header("X-Liaison-Reference", "NISC-PR3-2026-09999"),
                InboundMail.encrypt(InboundMail.signedPacketsWithMark(inner("notation-reference", InboundMail.ack(REF)), east, T,
                        HandlingMark.of(Tlp.AMBER, REF)), List.of(InboundMail.gatewayCertificate()), T)));

        List<String> lines = new ArrayList<>();
        lines.add("# file\treason\tpoint of contact told (- for nobody); generated by BadInboundCorpusGenerator");
        expected.forEach((file, v) -> lines.add(file + "\t" + v[0] + "\t" + v[1]));
        Files.write(bad.resolve("expected.tsv"), lines, StandardCharsets.UTF_8);
        System.out.println(expected.size() + " bad messages written to " + bad);
    }

    /** Replies from the MIC liaison, an S/MIME contact (RSA certificate), each broken in one way. */
    private void smimeCases() throws IOException {
        InboundSmime.Signer mic = InboundSmime.pocSigner("mic-liaison");
        add("smime-signed-by-unregistered-certificate", "UNKNOWN_SIGNER", "mic-liaison", InboundSmime.reply(micEnv("smime-stranger"),
                inner("smime-stranger", InboundMail.ack(REF)), InboundSmime.stranger("MIC Liaison", "liaison@mic.sample.invalid"), T));
        byte[] entity = inner("smime-other-body", InboundMail.ack(REF));
        byte[] signature = InboundSmime.signature(entity, mic, T, false);
        add("smime-signature-over-different-body", "SIGNATURE_INVALID", "mic-liaison", InboundSmime.envelopedMail(micEnv("smime-other-body"),
                InboundSmime.forGateway(InboundSmime.multipartSigned(InboundMail.replaceOnce(entity, "受領しました", "受領しません"), signature),
                        true), true));
        add("smime-valid-signature-from-other-organisation", "FROM_SIGNER_MISMATCH", "mic-liaison", InboundSmime.reply(micEnv("smime-fsa"),
                inner("smime-fsa", InboundMail.ack(REF)), InboundSmime.pocSigner("fsa-liaison"), T));
        add("smime-signed-data-not-encrypted", "NOT_ENCRYPTED", "mic-liaison", InboundSmime.mail(micEnv("smime-signed-only"), "signed-data",
                InboundSmime.signature(inner("smime-signed-only", InboundMail.ack(REF)), mic, T, true)));
        add("smime-multipart-signed-not-encrypted", "NOT_ENCRYPTED", "mic-liaison", InboundSmime.concat(
                micEnv("smime-clear-signed").headers().getBytes(StandardCharsets.UTF_8),
                InboundSmime.signedDetached(inner("smime-clear-signed", InboundMail.ack(REF)), mic, T)));
        add("smime-certificate-in-message-substituted", "SIGNATURE_INVALID", "mic-liaison", InboundSmime.reply(micEnv("smime-look-alike"),
                inner("smime-look-alike", InboundMail.ack(REF)), InboundSmime.lookAlike(mic.certificate()), T));
        add("smime-sha1-signature", "SIGNATURE_INVALID", "mic-liaison", InboundSmime.reply(micEnv("smime-sha1"),
                inner("smime-sha1", InboundMail.ack(REF)), new InboundSmime.Signer(mic.key(), mic.certificate(), "SHA1withRSA"), T));
        add("smime-enveloped-but-unsigned", "UNSIGNED", "mic-liaison", InboundSmime.envelopedMail(micEnv("smime-unsigned"),
                InboundSmime.forGateway(inner("smime-unsigned", InboundMail.ack(REF)), true), true));
        byte[] innerEnvelope = InboundSmime.pkcs7Entity("enveloped-data", InboundSmime.forGateway(
                InboundSmime.signedDetached(inner("smime-nested", InboundMail.ack(REF)), mic, T), false));
        add("smime-encryption-nested-in-encryption", "ENCRYPTION_NESTED", "mic-liaison", InboundSmime.envelopedMail(micEnv("smime-nested"),
                InboundSmime.forGateway(innerEnvelope, true), true));
        add("smime-encrypted-to-someone-else", "DECRYPTION_FAILED", "mic-liaison", InboundSmime.envelopedMail(micEnv("smime-not-for-us"),
                InboundSmime.envelope(InboundSmime.signedDetached(inner("smime-not-for-us", InboundMail.ack(REF)), mic, T),
                        mic.certificate(), false), false));
        add("smime-security-label-changed-after-signing", "MARKING_CHANGED", "mic-liaison", InboundSmime.markedReply(
                micEnv("smime-label").subject("Re: [TLP:CLEAR] reply").header("X-TLP", "TLP:CLEAR").header("X-Liaison-Reference", REF),
                inner("smime-label", InboundMail.ack(REF)), "mic-liaison", HandlingMark.of(Tlp.RED, REF), T));
    }

    private static InboundMail.Envelope micEnv(String id) {
        return new InboundMail.Envelope(InboundSmime.MIC, T, "<" + id + "@mic.sample.invalid>");
    }

    private void add(String name, String reason, String told, byte[] message) throws IOException {
        String file = String.format("%02d-%s.eml", expected.size() + 1, name);
        Files.write(ROOT.resolve("bad").resolve(file), message);
        expected.put(file, new String[] {reason, told});
    }

    private static InboundMail.Envelope env(String id) {
        return new InboundMail.Envelope(EAST, T, "<" + id + "@east-power.sample.invalid>");
    }

    /** Each case's signed content is unique, so only the replay cases look like a replay. */
    private static byte[] inner(String caseName, String yaml) {
        return InboundMail.inner("# case: " + caseName + "\n" + yaml);
    }

    private String good(String caseName) {
        return InboundMail.signedForGateway(inner(caseName, InboundMail.ack(REF)), east, T);
    }

    private static byte[] garbage() {
        byte[] bytes = new byte[2048];
        new Random(20261201L).nextBytes(bytes);
        return bytes;
    }

    private static byte[] withExtraPart(String caseName, String type, String body) {
        String entity = "Content-Type: multipart/mixed; boundary=\"x1\"\r\n\r\n--x1\r\nContent-Type: application/yaml; charset=UTF-8\r\n\r\n"
                + ("# case: " + caseName + "\n" + InboundMail.ack(REF)).replace("\n", "\r\n")
                + "\r\n--x1\r\nContent-Type: " + type + "\r\n\r\n" + body + "\r\n--x1--\r\n";
        return entity.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] nested() {
        String innerArmored = InboundMail.signedForGateway(inner("nested-inner", InboundMail.ack(REF)), east, T);
        String entity = "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"n1\"\r\n\r\n"
                + "--n1\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n\r\n"
                + "--n1\r\nContent-Type: application/octet-stream\r\n\r\n" + innerArmored.replace("\n", "\r\n") + "\r\n--n1--\r\n";
        return InboundMail.pgpMime(env("nested"), InboundMail.signedForGateway(entity.getBytes(StandardCharsets.UTF_8), east, T));
    }

    private byte[] oversizedMessage() {
        byte[] message = InboundMail.pgpMime(env("huge"), good("huge"));
        String text = new String(message, StandardCharsets.UTF_8);
        String padding = "X-Padding: " + "p".repeat(900) + "\r\n";
        int at = text.indexOf("MIME-Version:");
        return (text.substring(0, at) + padding.repeat(300) + text.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    private static OpenPgpGatewayKey stranger(Path keys) {
        OpenPGPKey key = TestCertificates.generateKey("stranger", T.minus(Duration.ofDays(30)), Duration.ofDays(3650));
        return InboundMail.key(TestCertificates.writeSecretKey(keys, "stranger", key));
    }

    /** The test directory: the sample one, plus revoked-power whose signing subkey is revoked (its encryption key is fine). */
    private static OpenPGPKey revokedSigningSubkeyDirectory(Path keys) throws Exception {
        OpenPGPKey key = TestCertificates.generateKeyWithUserId("Revoked Power SOC <soc@revoked-power.test.invalid>",
                T.minus(Duration.ofDays(30)), Duration.ofDays(3650));
        TestCertificates.writeSecretKey(keys, "revoked-power-soc", key);
        OpenPGPCertificate.OpenPGPComponentKey signing = key.getSigningKeys(java.util.Date.from(T)).get(0);
        if (signing.isPrimaryKey()) {
            throw new IllegalStateException("expected a signing subkey");
        }
        // Dated a day before the messages: the key was revoked when it signed, whatever day this runs.
        java.util.Date revokedAt = java.util.Date.from(T.minus(Duration.ofDays(1)));
        OpenPGPKey revoked = new OpenPGPKeyEditor(key, k -> null).revokeComponentKey(signing,
                new org.bouncycastle.openpgp.api.SignatureParameters.Callback() {
                    @Override
                    public org.bouncycastle.openpgp.api.SignatureParameters apply(org.bouncycastle.openpgp.api.SignatureParameters p) {
                        return p.setSignatureCreationTime(revokedAt);
                    }
                }).done();
        Path dir = ROOT.resolve("directory");
        Files.createDirectories(dir.resolve("certs"));
        try (var certs = Files.list(InboundMail.SAMPLE.resolve("certs"))) {
            for (Path c : certs.toList()) {
                Files.copy(c, dir.resolve("certs").resolve(c.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        TestCertificates.writeCertificate(dir.resolve("certs"), "revoked-power-soc", revoked);
        Files.createDirectories(dir.resolve("smime/certs"));
        try (var certs = Files.list(InboundSmime.SMIME.resolve("certs"))) {
            for (Path c : certs.toList()) {
                Files.copy(c, dir.resolve("smime/certs").resolve(c.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String yaml = Files.readString(InboundMail.SAMPLE.resolve("directory.yaml"));
        yaml = yaml.replace("\npoints_of_contact:\n", "\n  - id: revoked-power\n    kind: operator\n    name: Revoked Power Co. (test)\n"
                + "    sectors: [electric-power]\n\npoints_of_contact:\n");
        yaml = yaml.replace("\nagreements:\n", "\n  - id: revoked-power-soc\n    organisation: revoked-power\n"
                + "    name: Revoked Power SOC (signing subkey revoked)\n    role: soc\n    channels:\n"
                + "      - email: soc@revoked-power.test.invalid\n      - sms: \"+819000000099\"\n"
                + "    openpgp_certificate: certs/revoked-power-soc.asc\n\nagreements:\n");
        Files.writeString(dir.resolve("directory.yaml"), "# GENERATED by BadInboundCorpusGenerator: the sample directory plus"
                + " revoked-power (signing subkey revoked).\n" + yaml);
        return revoked;
    }
}
