package io.liaison.gateway.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.liaison.gateway.dispatch.mail.ScriptedSmtpServer;
import io.liaison.gateway.keys.openpgp.SampleKeyGenerator;
import io.liaison.gateway.peers.InProcessSmsc;
import io.liaison.gateway.testing.ExternalTool;
import io.liaison.gateway.testing.TestTls;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Deploying for real" section, run as written: its {@code sh} blocks become one bash session, its
 * {@code yaml}/{@code properties} blocks headed {@code # file: PATH} are written to PATH as an editor would
 * (properties appended: the last value of a key wins). What differs from a real deployment is exactly what the
 * README's last paragraph says, and each difference is a substitution below that must match the README text,
 * so the README cannot change without this test noticing.
 */
class DeployingForRealRunsAsWrittenTest {
    private static final String BUILD = "mvn -q -B -DskipTests package";
    private static final String GW = "gw() { java -jar \"$PWD/target/liaison-gateway-server.jar\" \"$@\"; }";
    private static final String SERVE = "gw serve --config \"$LGW/gateway.properties\"";
    private static final String FIRST_REFERENCE = "NISC-PR3-2026-00001";
    private static final String SMTP_PASSWORD = "relay password 7";
    private static final String SMPP_PASSWORD = "smpp-pw3";

    @TempDir
    Path work;

    @Test
    @Timeout(value = 9, unit = TimeUnit.MINUTES)
    void fromAFreshFolderTheStepsDeliverAFirstNoticeByEmailAndSms() throws Exception {
        assumeTrue(ExternalTool.available("gpg", "--version"), "the section runs gpg --show-keys");
        ReadmeSection section = ReadmeSection.read(Path.of("README.md"), "Deploying for real");
        assertTrue(section.text().contains(DeployingForRealRunsAsWrittenTest.class.getSimpleName()),
                "the section names the test that runs it");

        Path home = Files.createDirectories(work.resolve("home"));
        Path downloads = Files.createDirectories(home.resolve("Downloads"));
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Path deployment = work.resolve("srv/liaison-gateway");

        // What the operator is sent: the liaison's public key (made as the liaison's own GnuPG would), the CAs' certificates.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        OpenPGPKey liaison = SampleKeyGenerator.generate("METI Liaison <liaison@meti.example.jp>", now.minus(1, ChronoUnit.DAYS),
                now.plus(365, ChronoUnit.DAYS), true, null);
        Files.writeString(downloads.resolve("meti-liaison.asc"), armored(liaison.toCertificate().getEncoded()));
        TestTls relayTls = TestTls.selfSigned("127.0.0.1");
        TestTls smscTls = TestTls.selfSigned("127.0.0.1");
        Files.writeString(downloads.resolve("relay-ca.pem"), relayTls.certificatePem());
        Files.writeString(downloads.resolve("smsc-ca.pem"), smscTls.certificatePem());

        try (ScriptedSmtpServer relay = ScriptedSmtpServer.start();
             InProcessSmsc smsc = InProcessSmsc.onFreePort().overTls(smscTls.serverContext())
                     .requireCredentials("nisc-lgw", SMPP_PASSWORD).start()) {
            relay.offerStartTls(relayTls.serverContext());
            relay.offerAuth("PLAIN");
            relay.reply(command -> command.startsWith("AUTH") ? "235 2.7.0 ok" : null);

            Map<String, String> substitutions = new LinkedHashMap<>();
            substitutions.put("/srv/liaison-gateway", deployment.toString());
            substitutions.put("smtp.nisc.example.jp", "127.0.0.1");
            substitutions.put("gateway.smtp.port=587", "gateway.smtp.port=" + relay.port());
            substitutions.put("smpp.sms.example.jp", "127.0.0.1");
            substitutions.put("gateway.smpp.port=3550", "gateway.smpp.port=" + smsc.port());
            String year = String.valueOf(now.atZone(ZoneId.of("Asia/Tokyo")).getYear());
            substitutions.put(FIRST_REFERENCE, "NISC-PR3-" + year + "-00001");
            String script = script(section, substitutions);

            Path log = work.resolve("session.log");
            ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                    .directory(elsewhere.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = bash.environment();
            env.keySet().removeIf(k -> k.startsWith("LIAISON_"));
            env.put("HOME", home.toString());
            env.put("CP", classPath());
            env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            env.put("SERVE_LOG", work.resolve("serve.log").toString());
            Process session = bash.start();
            try (OutputStream typed = session.getOutputStream()) {
                // typed into the five `read -rs` prompts, in the README's order
                typed.write(String.join("\n", "first deployment passphrase", "db password 1", SMTP_PASSWORD, SMPP_PASSWORD,
                        "truststore-pw", "").getBytes(StandardCharsets.UTF_8));
            }
            boolean ended = session.waitFor(8, TimeUnit.MINUTES);
            String output = Files.readString(log);
            assertTrue(ended, "the session did not end:\n" + output);
            assertEquals(0, session.exitValue(), "a README command failed:\n" + output + "\n--- the session ran:\n" + script);

            // init printed the certificate's fingerprint; directory and keys checks passed
            assertTrue(output.contains("fingerprint"), output);
            assertTrue(output.contains("directory.yaml: valid"), output);
            // the first notice went out: PGP/MIME over STARTTLS with AUTH inside TLS, and an SMS over TLS
            assertTrue(output.contains("accepted NISC-PR3-" + year + "-00001: 2 deliveries, 0 refused"), output);
            assertEquals(1, relay.accepted(), output);
            String mail = String.join("\n", relay.messages().get(0));
            assertTrue(mail.contains("-----BEGIN PGP MESSAGE-----"), mail);
            assertFalse(mail.contains("連絡経路の確認"), "the title travels only inside the encryption");
            assertTrue(relay.commandsOverTls().stream().anyMatch(c -> c.startsWith("AUTH PLAIN")), relay.commands().toString());
            assertEquals(1, smsc.received().size(), output);
            assertEquals("+819022220000", smsc.received().get(0).destination().replaceFirst("^(?!\\+)", "+"));
            // status, run from another folder, read the same database
            assertTrue(output.contains("Totals: 2 sent"), output);
            String serve = Files.readString(work.resolve("serve.log"));
            assertTrue(serve.contains("gateway running"), serve);
        }
    }

    /** The section's blocks as one bash session, with the test's stand-ins; every stand-in must match the README. */
    private static String script(ReadmeSection section, Map<String, String> substitutions) {
        List<String> lines = new ArrayList<>();
        int files = 0;
        for (ReadmeSection.Block block : section.blocks()) {
            List<String> body = block.lines();
            switch (block.language()) {
                case "sh" -> body.forEach(l -> lines.add(stand_in(l)));
                case "yaml", "properties" -> {
                    String first = body.get(0);
                    assertTrue(first.startsWith("# file: "), "a " + block.language() + " block names its file: " + first);
                    String target = first.substring("# file: ".length());
                    lines.add("cat " + (block.language().equals("properties") ? ">>" : ">") + " \"" + target + "\" <<'README_EOF'");
                    lines.addAll(body.subList(1, body.size()));
                    lines.add("README_EOF");
                    files++;
                }
                default -> throw new AssertionError("a block the test does not know how to run: " + block.language());
            }
        }
        assertEquals(3, files, "directory, settings, notice: the files the section has the operator write");
        String script = String.join("\n", lines) + "\n";
        for (Map.Entry<String, String> s : substitutions.entrySet()) {
            assertTrue(script.contains(s.getKey()), "the README no longer says " + s.getKey());
            script = script.replace(s.getKey(), s.getValue());
        }
        return script;
    }

    private static String stand_in(String line) {
        if (line.equals(BUILD)) {
            return ": the build is the one that runs this test";
        }
        if (line.equals(GW)) {
            return "gw() { \"$JAVA\" -cp \"$CP\" io.liaison.gateway.app.Main \"$@\"; }";
        }
        if (line.equals(SERVE)) {
            return String.join("\n",
                    "( exec \"$JAVA\" -cp \"$CP\" io.liaison.gateway.app.Main serve --config \"$LGW/gateway.properties\" ) > \"$SERVE_LOG\" 2>&1 &",
                    "SERVE_PID=$!",
                    "for i in $(seq 1 240); do grep -q 'gateway running' \"$SERVE_LOG\" && break; sleep 0.5; done",
                    "kill -TERM $SERVE_PID; wait $SERVE_PID || true",
                    "cat \"$SERVE_LOG\"");
        }
        return line;
    }

    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isBlank()).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static String armored(byte[] packets) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out)) {
            armor.write(packets);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
