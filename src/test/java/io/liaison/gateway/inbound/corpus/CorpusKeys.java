package io.liaison.gateway.inbound.corpus;

import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.testing.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Date;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyEditor;
import org.bouncycastle.openpgp.api.SignatureParameters;

/**
 * Keys made when the corpus runs, and the directory it runs on: the sample directory (keys-sample/) plus
 * revoked-power, whose registered certificate's signing subkey was revoked the day before the messages.
 * Attackers' keys are fresh and registered nowhere; one carries east-power's own user ID.
 */
final class CorpusKeys {
    final Path directoryFile;
    final OpenPgpGatewayKey stranger;
    final OpenPgpGatewayKey eastLookAlike;
    final OpenPgpGatewayKey revoked;

    CorpusKeys(Path work) throws Exception {
        Path keys = Files.createDirectories(work.resolve("keys"));
        stranger = secret(keys, "stranger", TestCertificates.generateKey("stranger", CorpusMail.T.minus(Duration.ofDays(30)),
                Duration.ofDays(3650)));
        eastLookAlike = secret(keys, "east-look-alike", TestCertificates.generateKeyWithUserId(
                "East Power SOC duty desk <soc@east-power.sample.invalid>", CorpusMail.T.minus(Duration.ofDays(30)), Duration.ofDays(3650)));
        OpenPGPKey revokedKey = TestCertificates.generateKeyWithUserId("Revoked Power SOC <soc@revoked-power.test.invalid>",
                CorpusMail.T.minus(Duration.ofDays(30)), Duration.ofDays(3650));
        revoked = secret(keys, "revoked-power-soc", revokedKey);
        directoryFile = directory(work.resolve("directory"), revokeSigningSubkey(revokedKey));
    }

    private static OpenPgpGatewayKey secret(Path dir, String name, OpenPGPKey key) {
        try {
            return InboundMail.key(Files.writeString(dir.resolve(name + ".key.asc"), key.toAsciiArmoredString(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OpenPGPKey revokeSigningSubkey(OpenPGPKey key) throws Exception {
        OpenPGPCertificate.OpenPGPComponentKey signing = key.getSigningKeys(Date.from(CorpusMail.T)).get(0);
        if (signing.isPrimaryKey()) {
            throw new IllegalStateException("expected a signing subkey");
        }
        Date revokedAt = Date.from(CorpusMail.T.minus(Duration.ofDays(1)));
        return new OpenPGPKeyEditor(key, k -> null).revokeComponentKey(signing, new SignatureParameters.Callback() {
            @Override
            public SignatureParameters apply(SignatureParameters p) {
                return p.setSignatureCreationTime(revokedAt);
            }
        }).done();
    }

    private static Path directory(Path dir, OpenPGPKey revoked) throws IOException {
        copyAll(InboundMail.SAMPLE.resolve("certs"), Files.createDirectories(dir.resolve("certs")));
        copyAll(InboundMail.SAMPLE.resolve("smime/certs"), Files.createDirectories(dir.resolve("smime/certs")));
        TestCertificates.writeCertificate(dir.resolve("certs"), "revoked-power-soc", revoked);
        String yaml = Files.readString(InboundMail.SAMPLE.resolve("directory.yaml"));
        String withOrg = yaml.replace("\npoints_of_contact:\n", "\n  - id: revoked-power\n    kind: operator\n"
                + "    name: Revoked Power Co. (corpus)\n    sectors: [electric-power]\n\npoints_of_contact:\n");
        String withPoc = withOrg.replace("\nagreements:\n", "\n  - id: revoked-power-soc\n    organisation: revoked-power\n"
                + "    name: Revoked Power SOC (signing subkey revoked)\n    role: soc\n    channels:\n"
                + "      - email: soc@revoked-power.test.invalid\n      - sms: \"+819000000099\"\n"
                + "    openpgp_certificate: certs/revoked-power-soc.asc\n\nagreements:\n");
        if (withOrg.equals(yaml) || withPoc.equals(withOrg)) {
            throw new IllegalStateException("the sample directory changed shape; adapt CorpusKeys");
        }
        return Files.writeString(dir.resolve("directory.yaml"), withPoc);
    }

    private static void copyAll(Path from, Path to) throws IOException {
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
