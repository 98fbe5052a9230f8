package io.liaison.gateway.cluster;

import io.liaison.gateway.keys.openpgp.SampleKeyGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;

/**
 * A directory of {@code n} points of contact, each with an e-mail address, a mobile number and a v6 sample
 * certificate of its own (X25519: fast to make and to encrypt to), four per operator, every operator with an
 * agreement from NISC; and an early warning to all of them. Made once per size into a folder under
 * {@code target/}, and reused. Sample keys: the gateways reading it run in demo mode.
 */
record ClusterFixture(Path directory, Path notice, int recipients) {
    private static final int PER_ORGANISATION = 4;

    static ClusterFixture prepare(int recipients) {
        Path dir = Path.of("target", "cluster-fixture", "n-" + recipients).toAbsolutePath();
        Path directory = dir.resolve("directory.yaml");
        Path notice = dir.resolve("notice.yaml");
        try {
            if (!Files.exists(directory)) {
                Files.createDirectories(dir.resolve("keys"));
                // The sender's own key last: the directory refuses one certificate under two contacts.
                IntStream.rangeClosed(0, recipients).parallel().forEach(i -> writeCertificate(dir.resolve(key(i)), i));
                write(notice, noticeYaml());
                write(directory, directoryYaml(recipients));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ClusterFixture(directory, notice, recipients);
    }

    static String email(int i) {
        return String.format("poc-%05d@op-%04d.cluster.invalid", i, i / PER_ORGANISATION);
    }

    static String phone(int i) {
        return String.format("+8170%08d", i);
    }

    List<String> emails() {
        return IntStream.range(0, recipients).mapToObj(ClusterFixture::email).toList();
    }

    List<String> phones() {
        return IntStream.range(0, recipients).mapToObj(ClusterFixture::phone).toList();
    }

    private static String key(int i) {
        return String.format("keys/poc-%05d.asc", i);
    }

    private static void writeCertificate(Path file, int i) {
        try {
            OpenPGPKey key = new BcOpenPGPApi().generateKey(PublicKeyPacket.VERSION_6,
                    Date.from(SampleKeyGenerator.SAMPLE_CREATED), false)
                    .ed25519x25519Key(SampleKeyGenerator.sampleUserId(String.format("Cluster POC %05d", i), email(i))).build();
            try (OutputStream out = Files.newOutputStream(file);
                 ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out)) {
                armor.write(key.toCertificate().getEncoded());
            }
        } catch (PGPException | IOException e) {
            throw new IllegalStateException("could not make the cluster fixture's key " + i, e);
        }
    }

    private static String directoryYaml(int n) {
        StringBuilder y = new StringBuilder();
        y.append("sectors:\n  - id: cluster\n    name: Cluster test sector\n    name_ja: クラスタ試験\n");
        y.append("organisations:\n  - id: nisc\n    kind: nisc\n    name: NISC\n");
        int organisations = (n + PER_ORGANISATION - 1) / PER_ORGANISATION;
        for (int o = 0; o < organisations; o++) {
            y.append(String.format("  - id: op-%04d%n    kind: operator%n    name: Operator %04d%n    sectors: [cluster]%n", o, o));
        }
        y.append("points_of_contact:\n");
        poc(y, "nisc-duty", "nisc", "duty@nisc.cluster.invalid", "+818000000000", n);
        for (int i = 0; i < n; i++) {
            poc(y, String.format("poc-%05d", i), String.format("op-%04d", i / PER_ORGANISATION), email(i), phone(i), i);
        }
        y.append("agreements:\n");
        for (int o = 0; o < organisations; o++) {
            y.append(String.format("  - ref: HA-CLUSTER-%04d%n    provider: nisc%n    recipient: op-%04d%n    highest_level: TLP:AMBER%n"
                    + "    valid_from: 2025-01-01%n    valid_until: 2035-12-31%n", o, o));
        }
        return y.toString();
    }

    private static void poc(StringBuilder y, String id, String org, String email, String phone, int key) {
        y.append("  - id: ").append(id).append("\n    organisation: ").append(org).append("\n    name: ").append(id)
                .append("\n    role: soc\n    channels:\n      - email: ").append(email)
                .append("\n      - sms: \"").append(phone).append("\"\n    openpgp_certificate: ").append(key(key)).append('\n');
    }

    private static String noticeYaml() {
        return """
                kind: early-warning
                level: TLP:AMBER
                from: nisc-duty
                title: "Cluster fan-out: signs of a targeted attack"
                summary: Check at once.
                body: |
                  Spear-phishing mails posing as affiliates carry a remote-access implant. Block the listed
                  domain, do not open the attachment, and report any sighting to NISC.
                target:
                  sectors: [cluster]
                """;
    }

    private static void write(Path file, String text) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(part, text, StandardCharsets.UTF_8);
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
