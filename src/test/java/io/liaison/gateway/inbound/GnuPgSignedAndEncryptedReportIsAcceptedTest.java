package io.liaison.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop, inbound: an operator's reply made by the real GnuPG — signed with the POC's sample key and
 * encrypted to the gateway's certificate — is opened, verified against the directory and accepted.
 */
class GnuPgSignedAndEncryptedReportIsAcceptedTest {
    private static final String POC = "east-power-soc";

    @TempDir
    Path work;
    private Path gnupgHome;

    @BeforeEach
    void requireGpg() throws IOException, InterruptedException {
        Assumptions.assumeTrue(gpgAvailable(), "gpg is not installed; CI installs it");
        // A short path: gpg-agent's socket must fit in a Unix socket address.
        gnupgHome = Files.createTempDirectory("gpg");
        Files.setPosixFilePermissions(gnupgHome, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    @AfterEach
    void stopAgent() throws IOException, InterruptedException {
        if (gnupgHome == null) {
            return;
        }
        try {
            run(List.of("gpgconf", "--kill", "all"));
        } finally {
            try (var paths = Files.walk(gnupgHome)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void reportSignedAndEncryptedByGpgIsAcceptedAsFromTheSigningPoc() throws Exception {
        // gpg signs with the real time, so the gateway's clock is the real time too.
        try (IntakeFixture f = new IntakeFixture(InboundMail.SAMPLE.resolve("directory.yaml"), InboundSettings.defaults(),
                new MutableClock(Instant.now()))) {
            Path inner = work.resolve("inner.eml");
            Files.write(inner, InboundMail.inner(InboundMail.fullReport("EP-GPG-1")));
            Path encrypted = work.resolve("encrypted.asc");
            gpg("--import", InboundMail.SAMPLE.resolve("secret/" + POC + ".sec.asc").toAbsolutePath().toString(),
                    InboundMail.SAMPLE.resolve("gateway/gateway.asc").toAbsolutePath().toString());
            String signer = fingerprint(f, POC);
            String gateway = gatewayFingerprint();
            GpgResult made = gpg("--trust-model", "always", "--armor", "--local-user", signer, "--recipient", gateway,
                    "--output", encrypted.toString(), "--sign", "--encrypt", inner.toString());
            assertEquals(0, made.exitCode(), made.toString());

            byte[] mail = InboundMail.pgpMime(new InboundMail.Envelope("East Power SOC <soc@east-power.sample.invalid>",
                    f.clock.instant(), "<gpg-report@east-power.sample.invalid>").subject("[TLP:AMBER] 情報連絡 第1報"),
                    Files.readString(encrypted, StandardCharsets.US_ASCII));
            InboundOutcome outcome = f.intake.receiveRaw(mail);

            assertEquals(InboundStatus.ACCEPTED, outcome.status(), outcome.toString());
            List<IncidentReportRecord> reports = f.inbound.reports("east-power/EP-GPG-1");
            assertEquals(1, reports.size());
            assertEquals(POC, reports.get(0).reporterPoc());
            assertTrue(outcome.outcomeReference().orElseThrow().startsWith("NISC-INC-"));
        }
    }

    private static String fingerprint(IntakeFixture f, String pocId) {
        return f.directory.pointOfContact(pocId).orElseThrow().certificate().orElseThrow().fingerprint();
    }

    private static String gatewayFingerprint() {
        return new io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate(InboundMail.gatewayCertificate()).fingerprint();
    }

    private record GpgResult(int exitCode, String stdout, String stderr) {
    }

    private GpgResult gpg(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--no-tty", "--homedir", gnupgHome.toString()));
        command.addAll(List.of(arguments));
        return run(command);
    }

    private GpgResult run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(Map.of("GNUPGHOME", gnupgHome.toString(), "LC_ALL", "C"));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("gpg did not finish: " + command);
        }
        return new GpgResult(process.exitValue(), Files.readString(out), Files.readString(err));
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
