package io.liaison.gateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.util.encoders.Hex;

/**
 * The script the gateway replaces: for each recipient, {@code gpg --sign --encrypt} the notice with
 * the gateway's key, one process per recipient, as a duty officer's shell loop would. Nothing is
 * sent. GnuPG 2.2 cannot read v6 certificates, so the loop covers the fixture's v4 RSA-3072
 * recipients; its rate stands for all. Runs in a throw-away GNUPGHOME with the certificates
 * imported and trusted (--trust-model always) and the gateway's secret key imported without its
 * passphrase.
 */
final class GpgBaseline {
    private static final Path GATEWAY_KEY = Path.of("keys-sample/gateway/gateway.sec.asc");
    private static final Path PASSPHRASE = Path.of("keys-sample/gateway/passphrase.txt");

    private GpgBaseline() {
    }

    /** @param recipients how many v4 recipients the loop covered; rate is per second */
    record Result(String version, int recipients, long nanos) {
        double perSecond() {
            return recipients / (nanos / 1e9);
        }
    }

    static boolean available() {
        try {
            return new ProcessBuilder("gpg", "--version").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Result run(BenchFixture fixture, int max) throws Exception {
        Path home = Files.createTempDirectory("bench-gnupg", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        try {
            List<Path> certificates = new ArrayList<>();
            for (int i = 0; i < fixture.pocs() && certificates.size() < max; i++) {
                if (BenchKeys.kindOf(i) == BenchKeys.Kind.V4_RSA3072) {
                    certificates.add(BenchFixture.certificate(fixture.keys(), i));
                }
            }
            Path bundle = home.resolve("recipients.asc");
            try (var out = Files.newOutputStream(bundle)) {
                for (Path c : certificates) {
                    out.write(Files.readAllBytes(c));
                }
            }
            gpg(home, "--import", unprotectedGatewayKey(home).toString());
            gpg(home, "--import", bundle.toString());
            List<String> fingerprints = new ArrayList<>();
            OpenPGPKeyReader reader = new OpenPGPKeyReader();
            for (Path c : certificates) {
                OpenPGPCertificate certificate = reader.parseCertificate(Files.readAllBytes(c));
                fingerprints.add(Hex.toHexString(certificate.getFingerprint()).toUpperCase());
            }
            Path notice = home.resolve("notice.txt");
            Files.writeString(notice, BenchNotice.body(), StandardCharsets.UTF_8);
            String signer = Hex.toHexString(reader.parseKey(Files.readAllBytes(GATEWAY_KEY)).getFingerprint()).toUpperCase();
            signAndEncrypt(home, notice, signer, fingerprints.get(0)); // starts gpg-agent, untimed
            long t0 = System.nanoTime();
            for (String fingerprint : fingerprints) {
                signAndEncrypt(home, notice, signer, fingerprint);
            }
            long nanos = System.nanoTime() - t0;
            return new Result(version(home), fingerprints.size(), nanos);
        } finally {
            try {
                ProcessBuilder kill = new ProcessBuilder("gpgconf", "--kill", "gpg-agent")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                kill.environment().put("GNUPGHOME", home.toString());
                kill.start().waitFor(10, TimeUnit.SECONDS);
            } finally {
                try (Stream<Path> files = Files.walk(home)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    /**
     * The gateway's key without its passphrase, as an unattended script would hold it. With the
     * passphrase kept, gpg-agent re-derives the key from it for every signature (about 0.3 s here),
     * and the baseline would measure that rather than signing and encrypting.
     */
    private static Path unprotectedGatewayKey(Path home) throws Exception {
        OpenPGPKey key = new OpenPGPKeyReader().parseKey(Files.readAllBytes(GATEWAY_KEY));
        char[] passphrase = Files.readString(PASSPHRASE, StandardCharsets.UTF_8).strip().toCharArray();
        PBESecretKeyDecryptor decryptor = new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                .build(passphrase);
        PGPSecretKeyRing clear = PGPSecretKeyRing.copyWithNewPassword(key.getPGPSecretKeyRing(), decryptor, null);
        Path file = home.resolve("gateway-unprotected.asc");
        try (var out = Files.newOutputStream(file); ArmoredOutputStream armor = ArmoredOutputStream.builder().build(out)) {
            clear.encode(armor);
        }
        return file;
    }

    private static void signAndEncrypt(Path home, Path notice, String signer, String fingerprint) throws Exception {
        gpg(home, "--trust-model", "always",
                "--local-user", signer, "--sign", "--encrypt", "--armor", "--recipient", fingerprint,
                "--output", "/dev/null", notice.toString());
    }

    private static String version(Path home) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("gpg", "--version").redirectErrorStream(true);
        pb.environment().put("GNUPGHOME", home.toString());
        Process p = pb.start();
        String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("gpg");
        p.waitFor();
        return first;
    }

    private static void gpg(Path home, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--yes", "--quiet", "--no-tty"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("GNUPGHOME", home.toString());
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("gpg " + String.join(" ", args) + " failed: "
                    + new String(output, StandardCharsets.UTF_8).strip());
        }
    }
}
