package io.liaison.gateway.demo;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.app.SkippingClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "done when": the demo exits well and GnuPG opens every e-mail it sent, with a good signature. */
class DemoMailOpensWithGnuPgTest {
    @TempDir
    Path work;

    @Test
    void demoSucceedsAndGnuPgDecryptsEveryMailWithAGoodGatewaySignature() throws Exception {
        Assumptions.assumeTrue(gpgAvailable(), "gpg not installed (CI installs it)");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Path out = work.resolve("out");

        boolean ok = new Demo(new PrintStream(printed, true, StandardCharsets.UTF_8)).run(Optional.of(out));

        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(ok, text);
        assertTrue(text.contains("no handling agreement with nisc"), "refusals are listed: " + text);
        assertTrue(text.contains("expired on 2025-03-31"), text);
        List<Path> mails;
        try (Stream<Path> files = Files.list(out)) {
            // e-mail-to-fax messages are the fax channel: a TIFF, unencrypted like any fax
            // S/MIME contacts (the MIC liaison, reached by the re-share) are opened with openssl, not GnuPG
            mails = files.filter(p -> p.toString().endsWith(".eml") && !p.toString().contains("@faxgw.") && !isSmime(p))
                    .sorted().toList();
        }
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            // One SMS per e-mail but the fax desk's, plus the gateway's answer to the recipient who confirmed by SMS reply.
            assertEquals(30, names.stream().filter(n -> n.endsWith(".txt")).count(), "SMS: one per e-mail but the fax desk's");
            assertTrue(names.stream().anyMatch(n -> n.startsWith("fax-") && n.endsWith(".tif")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("fax-") && n.endsWith(".pdf")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.matches("stats-\\d{4}Q[1-4]\\.csv")), "statistics CSV: " + names);
            assertTrue(names.stream().anyMatch(n -> n.matches("stats-\\d{4}Q[1-4]\\.html")), "statistics HTML: " + names);
            // the README's gpg --decrypt example names a file this run wrote (the reference's year aside)
            // (a glob: the number in front is the order of arrival, which concurrent hand-overs may change)
            String example = Files.readAllLines(Path.of("README.md")).stream()
                    .filter(l -> l.startsWith("first=$(ls demo-out/")).findFirst().orElseThrow();
            String named = example.substring(example.indexOf("demo-out/") + "demo-out/".length(), example.indexOf(".eml") + 4);
            String pattern = java.util.Arrays.stream(named.replaceAll("-\\d{4}-", "-YEAR-").split("\\*", -1))
                    .map(java.util.regex.Pattern::quote).collect(java.util.stream.Collectors.joining(".*"));
            assertTrue(names.stream().anyMatch(n -> n.replaceAll("-\\d{4}-", "-YEAR-").matches(pattern)),
                    "README names " + named + "; the demo wrote " + names);
        }
        assertEquals(30, mails.size(), "warning 3, provision chain 3, cross-sector 3, update 3, cancellation 3,"
                + " the reminder of the escalation step the demo lets happen, the exercise's 3 + 3 + 1 reminder,"
                + " incident relay 2, re-share 5 (+1 S/MIME to the MIC liaison)");
        assertTrue(text.contains("Removed or generalised") && text.contains("Approved RS-0001 as nisc-duty"), text);

        Path home = Files.createDirectories(work.resolve("gnupg"));
        List<String> importCmd = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--import",
                "keys-sample/gateway/gateway.asc"));
        try (Stream<Path> secrets = Files.list(Path.of("keys-sample/secret"))) {
            secrets.map(Path::toString).sorted().forEach(importCmd::add);
        }
        assertEquals(0, run(importCmd, null).exit);

        for (Path mail : mails) {
            String eml = Files.readString(mail, StandardCharsets.UTF_8);
            assertTrue(eml.contains("Content-Type: multipart/encrypted;"), mail + " is PGP/MIME");
            assertTrue(eml.contains("protocol=\"application/pgp-encrypted\""), mail.toString());
            assertTrue(eml.contains("X-TLP: TLP:AMBER"), mail.toString());
            String armored = eml.substring(eml.indexOf("-----BEGIN PGP MESSAGE-----"),
                    eml.indexOf("-----END PGP MESSAGE-----") + "-----END PGP MESSAGE-----".length());
            Result r = run(List.of("gpg", "--homedir", home.toString(), "--batch", "--status-fd", "2", "--decrypt"), armored);
            assertEquals(0, r.exit, mail + ": " + r.err);
            assertTrue(r.err.contains("[GNUPG:] GOODSIG"), mail + ": " + r.err);
            assertTrue(r.err.contains("Liaison Gateway (NISC) (SAMPLE KEY - DEMO ONLY)"), r.err);
            assertTrue(r.out.contains("TLP:AMBER（"), "decrypted body carries the banner: " + r.out);
        }
    }

    private static boolean isSmime(Path eml) {
        try {
            return Files.readString(eml, StandardCharsets.UTF_8).contains("application/pkcs7-mime");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(List<String> command, String input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static boolean gpgAvailable() {
        try {
            return new ProcessBuilder("gpg", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
