package io.liaison.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liaison.gateway.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.openpgp.api.OpenPGPDetachedSignatureGenerator;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.api.OpenPGPSignature;
import org.bouncycastle.openpgp.api.SignatureParameters;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 3156 §6.1: the reply is encrypted only, and inside the encryption is a {@code multipart/signed}
 * entity whose second part is a detached signature over the first — what Thunderbird/Enigmail-style
 * clients send. It used to be judged UNSIGNED; the signature is now verified over the first part in
 * canonical form (CRLF), against the registered certificates only.
 */
class ReadsRfc3156MultipartSignedInsideEncryptionTest {
    private static final String EAST = "soc@east-power.sample.invalid";

    @TempDir
    Path work;

    /** A detached signature over {@code part} by a sample POC's key, made with Bouncy Castle; armored. */
    static String detachedSignature(byte[] part, String pocId, Instant at) throws Exception {
        OpenPGPKey key = new OpenPGPKeyReader(io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey.implementation())
                .parseKey(Files.readAllBytes(InboundMail.SAMPLE.resolve("secret/" + pocId + ".sec.asc")));
        List<OpenPGPSignature.OpenPGPDocumentSignature> signatures = new OpenPGPDetachedSignatureGenerator(
                io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey.implementation())
                .addSigningKey(key, new SignatureParameters.Callback() {
                    @Override
                    public SignatureParameters apply(SignatureParameters p) {
                        return p.setSignatureCreationTime(Date.from(at));
                    }
                }).sign(new ByteArrayInputStream(part));
        return InboundMail.armor(signatures.get(0).getSignature().getEncoded());
    }

    /** RFC 3156 §5: multipart/signed around the canonical part and its armored detached signature. */
    static byte[] multipartSigned(byte[] part, String armoredSignature) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("Content-Type: multipart/signed; micalg=pgp-sha256; protocol=\"application/pgp-signature\";"
                + " boundary=\"sig-6-1\"\r\n\r\nThis is an OpenPGP/MIME signed message (RFC 4880 and 3156)\r\n--sig-6-1\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(part);
        out.write(("\r\n--sig-6-1\r\nContent-Type: application/pgp-signature; name=\"OpenPGP_signature.asc\"\r\n"
                + "Content-Description: OpenPGP digital signature\r\n\r\n" + armoredSignature.replace("\r\n", "\n").replace("\n", "\r\n")
                + "\r\n--sig-6-1--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Encrypted to the gateway without a signature of its own: the signature is the inner multipart/signed's. */
    static byte[] encryptedOnly(InboundMail.Envelope envelope, byte[] entity, Instant at) {
        return InboundMail.pgpMime(envelope, InboundMail.encrypt(InboundMail.unsignedPackets(entity),
                List.of(InboundMail.gatewayCertificate()), at));
    }

    @Test
    void anAcknowledgementSignedAsMultipartSignedInsideTheEncryptionIsAccepted() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("east-power"));
            byte[] part = InboundMail.inner(InboundMail.ack(ref));
            byte[] entity = multipartSigned(part, detachedSignature(part, "east-power-soc", f.clock.instant()));

            InboundOutcome outcome = f.intake.receiveRaw(encryptedOnly(
                    new InboundMail.Envelope(EAST, f.clock.instant(), "<mps-1@east-power.sample.invalid>"), entity, f.clock.instant()));

            assertEquals(InboundStatus.ACCEPTED, outcome.status(), outcome.toString());
            assertEquals("east-power-soc", f.inbound.acknowledgements(ref).get(0).pocId());
        }
    }

    @Test
    void aSignedPartWrittenWithBareLineFeedsIsVerifiedInCanonicalForm() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("east-power"));
            byte[] part = InboundMail.inner(InboundMail.ack(ref));
            String signature = detachedSignature(part, "east-power-soc", f.clock.instant());
            byte[] lf = new String(multipartSigned(part, signature), StandardCharsets.UTF_8).replace("\r\n", "\n")
                    .getBytes(StandardCharsets.UTF_8);

            InboundOutcome outcome = f.intake.receiveRaw(encryptedOnly(
                    new InboundMail.Envelope(EAST, f.clock.instant(), "<mps-lf@east-power.sample.invalid>"), lf, f.clock.instant()));

            assertEquals(InboundStatus.ACCEPTED, outcome.status(), outcome.toString());
        }
    }

    @Test
    void aSignedPartChangedAfterSigningIsRefused() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("east-power"));
            byte[] part = InboundMail.inner(InboundMail.ack(ref));
            String signature = detachedSignature(part, "east-power-soc", f.clock.instant());
            byte[] changed = InboundMail.inner(InboundMail.ack(ref).replace("受領しました", "受領しません"));

            InboundOutcome outcome = f.intake.receiveRaw(encryptedOnly(new InboundMail.Envelope(EAST, f.clock.instant(),
                    "<mps-2@east-power.sample.invalid>"), multipartSigned(changed, signature), f.clock.instant()));

            assertEquals(Optional.of(ReasonCode.SIGNATURE_INVALID), outcome.reason(), outcome.toString());
        }
    }

    @Test
    void anotherOrganisationsSignatureDoesNotSpeakForTheFromAddress() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("east-power"));
            byte[] part = InboundMail.inner(InboundMail.ack(ref));

            InboundOutcome outcome = f.intake.receiveRaw(encryptedOnly(new InboundMail.Envelope(EAST, f.clock.instant(),
                    "<mps-3@east-power.sample.invalid>"), multipartSigned(part, detachedSignature(part, "west-power-soc",
                    f.clock.instant())), f.clock.instant()));

            assertEquals(Optional.of(ReasonCode.FROM_SIGNER_MISMATCH), outcome.reason(), outcome.toString());
        }
    }

    @Test
    void gnuPgDetachedSignatureAssembledAsMultipartSignedThenEncryptedIsAccepted() throws Exception {
        Assumptions.assumeTrue(gpgAvailable(), "gpg is not installed; CI installs it");
        Path home = Files.createTempDirectory("gpg"); // short: gpg-agent's socket path must fit
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        // gpg signs with the real time, so the gateway's clock is the real time too.
        try (IntakeFixture f = new IntakeFixture(InboundMail.SAMPLE.resolve("directory.yaml"), InboundSettings.defaults(),
                new MutableClock(Instant.now()))) {
            String ref = f.noticeSentTo(List.of("east-power"));
            gpg(home, "--import", InboundMail.SAMPLE.resolve("secret/east-power-soc.sec.asc").toAbsolutePath().toString(),
                    InboundMail.SAMPLE.resolve("gateway/gateway.asc").toAbsolutePath().toString());
            String signer = f.directory.pointOfContact("east-power-soc").orElseThrow().certificate().orElseThrow().fingerprint();
            String gateway = new io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate(InboundMail.gatewayCertificate()).fingerprint();

            Path part = work.resolve("part.eml");
            Files.write(part, InboundMail.inner(InboundMail.ack(ref))); // already canonical: CRLF line ends
            assertEquals(0, gpg(home, "--armor", "--local-user", signer, "--output", work.resolve("part.asc").toString(),
                    "--detach-sign", part.toString()), "gpg --detach-sign");
            Path entity = work.resolve("signed.eml");
            Files.write(entity, multipartSigned(Files.readAllBytes(part), Files.readString(work.resolve("part.asc"))));
            assertEquals(0, gpg(home, "--trust-model", "always", "--armor", "--recipient", gateway, "--output",
                    work.resolve("encrypted.asc").toString(), "--encrypt", entity.toString()), "gpg --encrypt");

            InboundOutcome outcome = f.intake.receiveRaw(InboundMail.pgpMime(new InboundMail.Envelope(EAST, f.clock.instant(),
                    "<gpg-mps@east-power.sample.invalid>"), Files.readString(work.resolve("encrypted.asc"))));

            assertEquals(InboundStatus.ACCEPTED, outcome.status(), outcome.toString());
            assertEquals("east-power-soc", f.inbound.acknowledgements(ref).get(0).pocId());
        } finally {
            run(home, List.of("gpgconf", "--kill", "all"));
            try (var paths = Files.walk(home)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private int gpg(Path home, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--no-tty", "--homedir", home.toString()));
        command.addAll(List.of(arguments));
        return run(home, command);
    }

    private int run(Path home, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(Map.of("GNUPGHOME", home.toString(), "LC_ALL", "C"));
        Process process = builder.redirectErrorStream(true).redirectOutput(Files.createTempFile(work, "gpg", ".txt").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("gpg did not finish: " + command);
        }
        return process.exitValue();
    }

    private static boolean gpgAvailable() throws InterruptedException {
        try {
            Process process = new ProcessBuilder("gpg", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
