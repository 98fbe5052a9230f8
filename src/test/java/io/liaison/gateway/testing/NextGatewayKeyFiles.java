package io.liaison.gateway.testing;

import io.liaison.gateway.keys.openpgp.SampleKeyGenerator;
import io.liaison.gateway.keys.smime.SmimeSampleKeyGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.api.OpenPGPKey;

/**
 * A next gateway key pair made at test time, never committed: an OpenPGP key (protected by a passphrase in
 * a file) and an S/MIME key (encrypted PKCS #8) with a self-signed certificate, written into a folder, and
 * the settings that name them for a rollover.
 */
public record NextGatewayKeyFiles(Path openPgpKey, Path openPgpCertificate, Path passphrase, Path smimeKey, Path smimeCertificate,
                                  OpenPGPKey key, X509Certificate certificate) {
    private static final String PASSPHRASE = "next gateway key, test only";

    /** Created at the sample keys' creation date, so they may sign at the harness's sample day. */
    public static NextGatewayKeyFiles generate(Path folder) throws Exception {
        Files.createDirectories(folder);
        OpenPGPKey key = SampleKeyGenerator.generate("Liaison Gateway next key (test) <gateway@nisc.sample.invalid>",
                SampleKeyGenerator.SAMPLE_CREATED, null, true, PASSPHRASE.toCharArray());
        Path secret = folder.resolve("next.sec.asc");
        Files.writeString(secret, armored(key.getEncoded()), StandardCharsets.US_ASCII);
        Path certificate = folder.resolve("next.asc");
        Files.writeString(certificate, armored(key.toCertificate().getEncoded()), StandardCharsets.US_ASCII);
        Path passphrase = folder.resolve("next-passphrase.txt");
        Files.writeString(passphrase, PASSPHRASE + "\n", StandardCharsets.UTF_8);
        KeyPair pair = SmimeSampleKeyGenerator.keyPair(0);
        X509Certificate x509 = SmimeSampleKeyGenerator.Issue.endEntity(SmimeSampleKeyGenerator.subject("Liaison Gateway next (test)", false),
                "gateway@nisc.sample.invalid", pair).issue(null, null);
        Path smimeKey = folder.resolve("next-smime.key.pem");
        Files.writeString(smimeKey, SmimeSampleKeyGenerator.pkcs8Pem(pair.getPrivate(), PASSPHRASE.toCharArray()), StandardCharsets.US_ASCII);
        Path smimeCertificate = folder.resolve("next-smime.pem");
        Files.writeString(smimeCertificate, SmimeSampleKeyGenerator.pem(x509), StandardCharsets.US_ASCII);
        return new NextGatewayKeyFiles(secret, certificate, passphrase, smimeKey, smimeCertificate, key, x509);
    }

    /** The rollover settings: these keys next, switching at {@code switchAt}, the old ones retired at {@code retireAt}. */
    public Properties settings(Instant switchAt, Instant retireAt) {
        Properties p = new Properties();
        p.setProperty("gateway.key.next.file", openPgpKey.toString());
        p.setProperty("gateway.key.next.passphrase-file", passphrase.toString());
        p.setProperty("gateway.smime.next.key.file", smimeKey.toString());
        p.setProperty("gateway.smime.next.certificate.file", smimeCertificate.toString());
        p.setProperty("gateway.smime.next.key.passphrase-file", passphrase.toString());
        p.setProperty("gateway.key.switch-at", OffsetDateTime.ofInstant(switchAt, ZoneOffset.ofHours(9)).toString());
        p.setProperty("gateway.key.retire-at", OffsetDateTime.ofInstant(retireAt, ZoneOffset.ofHours(9)).toString());
        return p;
    }

    /** Upper-case hex fingerprint of the next OpenPGP key. */
    public String fingerprint() {
        return org.bouncycastle.util.encoders.Hex.toHexString(key.getFingerprint()).toUpperCase();
    }

    private static String armored(byte[] packets) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out)) {
            armor.write(packets);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
