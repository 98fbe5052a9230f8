package io.liaison.gateway.keys.openpgp;

import io.liaison.gateway.keys.SampleKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyGenerator;
import org.bouncycastle.openpgp.api.SignatureParameters;
import org.bouncycastle.openpgp.api.SignatureSubpacketsFunction;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;

/**
 * Generates the demo's sample keys into keys-sample/ (or the directory given as the first argument):
 * the gateway's passphrase-protected key and one unprotected key per sample point of contact.
 *
 * <p>The keys are shaped for GnuPG 2.2, the peer people will open demo mail with: v4 packets, the
 * legacy EdDSA/ECDH Curve25519 algorithms (2.2 knows neither v6 nor the RFC 9580 Ed25519/X25519
 * ones), SHA-2 preferences only, and no SEIPDv2 feature flag, so no sender is invited to produce a
 * message 2.2 could not decrypt.
 */
public final class SampleKeyGenerator {
    /**
     * Noon UTC so the date reads 2031-12-31 in every time zone from UTC-11 to UTC+11, Japan included.
     */
    public static final Instant SAMPLE_EXPIRY = Instant.parse("2031-12-31T12:00:00Z");

    /**
     * A fixed date in the past rather than "now": a key dated later than the clock of the machine
     * running the demo is not yet valid there, and both the gateway and GnuPG would refuse it.
     */
    public static final Instant SAMPLE_CREATED = Instant.parse("2025-01-01T00:00:00Z");

    /** The sample points of contact: id (file name), display name, e-mail address. */
    public record SamplePoc(String id, String name, String email) {
    }

    public static final SamplePoc GATEWAY = new SamplePoc("gateway", "Liaison Gateway (NISC)", "gateway@nisc.sample.invalid");

    public static final List<SamplePoc> POINTS_OF_CONTACT = List.of(
            new SamplePoc("nisc-duty", "NISC Duty Officer", "nisc-duty@nisc.sample.invalid"),
            new SamplePoc("meti-liaison", "METI Liaison", "liaison@meti.sample.invalid"),
            new SamplePoc("mic-liaison", "MIC Liaison", "liaison@mic.sample.invalid"),
            new SamplePoc("power-ceptoar-duty", "Power CEPTOAR Duty", "duty@power-ceptoar.sample.invalid"),
            new SamplePoc("power-ceptoar-deputy", "Power CEPTOAR Deputy", "deputy@power-ceptoar.sample.invalid"),
            new SamplePoc("telecom-ceptoar-duty", "Telecom CEPTOAR Duty", "duty@telecom-ceptoar.sample.invalid"),
            new SamplePoc("east-power-soc", "East Power SOC", "soc@east-power.sample.invalid"),
            new SamplePoc("west-power-soc", "West Power SOC", "soc@west-power.sample.invalid"),
            new SamplePoc("island-power-soc", "Island Power SOC", "soc@island-power.sample.invalid"),
            new SamplePoc("old-power-soc", "Old Power SOC", "soc@old-power.sample.invalid"),
            new SamplePoc("telecom-a-soc", "Telecom A SOC", "soc@telecom-a.sample.invalid"),
            new SamplePoc("council-secretariat", "Council Secretariat", "secretariat@council.sample.invalid"));

    private SampleKeyGenerator() {
    }

    /** "Name (SAMPLE KEY - DEMO ONLY) &lt;email&gt;": the marker is how the gateway tells samples apart. */
    public static String sampleUserId(String name, String email) {
        return name + " (" + SampleKeys.USER_ID_MARKER + ") <" + email + ">";
    }

    /**
     * A GnuPG-2.2-readable v4 key: Ed25519 primary that certifies and signs, plus (optionally) an
     * X25519 encryption subkey. Also used by tests to make expired or sign-only certificates.
     *
     * @param expires    when the key expires, or null for never
     * @param passphrase protects the secret key when not null (the array is left untouched)
     */
    public static OpenPGPKey generate(String userId, Instant created, Instant expires, boolean withEncryptionSubkey,
                                      char[] passphrase) throws PGPException {
        Instant createdSecond = created.truncatedTo(ChronoUnit.SECONDS);
        Long lifetime = expires == null ? null : Duration.between(createdSecond, expires).getSeconds();
        if (lifetime != null && lifetime <= 0) {
            throw new IllegalArgumentException("key must expire after it is created");
        }
        OpenPGPKeyGenerator generator = new BcOpenPGPApi()
                .generateKey(PublicKeyPacket.VERSION_4, Date.from(createdSecond), false);
        generator.setDefaultFeatures(SampleKeyGenerator::features);
        generator.setDefaultHashAlgorithmPreferences(SampleKeyGenerator::hashPreferences);
        generator.setDefaultAeadAlgorithmPreferences(subpackets -> {
            subpackets.removePacketsOfType(SignatureSubpacketTags.PREFERRED_AEAD_ALGORITHMS);
            return subpackets;
        });
        SignatureSubpacketsFunction primaryTraits = subpackets -> expiring(lifetime, signAndCertify(subpackets));
        OpenPGPKeyGenerator.WithPrimaryKey builder = generator
                .withPrimaryKey(keyPairs -> keyPairs.generateLegacyEd25519KeyPair(), hashed(primaryTraits))
                // GnuPG 2.2 takes preferences, flags and expiry from the primary user ID's self-signature,
                // not only from the direct-key one, so they are repeated there.
                .addUserId(userId, hashed(subpackets -> {
                    subpackets.setPrimaryUserID(false, true);
                    return primaryTraits.apply(preferences(subpackets));
                }));
        if (withEncryptionSubkey) {
            builder.addEncryptionSubkey(keyPairs -> keyPairs.generateLegacyX25519KeyPair());
        }
        return passphrase == null ? builder.build() : builder.build(passphrase.clone());
    }

    private static SignatureParameters.Callback hashed(SignatureSubpacketsFunction function) {
        return new SignatureParameters.Callback() {
            @Override
            public SignatureParameters apply(SignatureParameters parameters) {
                return parameters.setHashedSubpacketsFunction(function);
            }
        };
    }

    private static PGPSignatureSubpacketGenerator signAndCertify(PGPSignatureSubpacketGenerator subpackets) {
        subpackets.removePacketsOfType(SignatureSubpacketTags.KEY_FLAGS);
        subpackets.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
        return subpackets;
    }

    private static PGPSignatureSubpacketGenerator expiring(Long lifetimeSeconds, PGPSignatureSubpacketGenerator subpackets) {
        subpackets.removePacketsOfType(SignatureSubpacketTags.KEY_EXPIRE_TIME);
        if (lifetimeSeconds != null) {
            subpackets.setKeyExpirationTime(true, lifetimeSeconds);
        }
        return subpackets;
    }

    private static PGPSignatureSubpacketGenerator preferences(PGPSignatureSubpacketGenerator subpackets) {
        features(subpackets);
        hashPreferences(subpackets);
        subpackets.removePacketsOfType(SignatureSubpacketTags.PREFERRED_SYM_ALGS);
        subpackets.setPreferredSymmetricAlgorithms(false, new int[] {
            SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_192, SymmetricKeyAlgorithmTags.AES_128});
        subpackets.removePacketsOfType(SignatureSubpacketTags.PREFERRED_COMP_ALGS);
        subpackets.setPreferredCompressionAlgorithms(false, new int[] {
            CompressionAlgorithmTags.UNCOMPRESSED, CompressionAlgorithmTags.ZLIB, CompressionAlgorithmTags.ZIP});
        return subpackets;
    }

    private static PGPSignatureSubpacketGenerator features(PGPSignatureSubpacketGenerator subpackets) {
        subpackets.removePacketsOfType(SignatureSubpacketTags.FEATURES);
        subpackets.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
        return subpackets;
    }

    private static PGPSignatureSubpacketGenerator hashPreferences(PGPSignatureSubpacketGenerator subpackets) {
        subpackets.removePacketsOfType(SignatureSubpacketTags.PREFERRED_HASH_ALGS);
        subpackets.setPreferredHashAlgorithms(false, new int[] {
            HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA384, HashAlgorithmTags.SHA256});
        return subpackets;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "keys-sample");

        char[] passphrase = randomPassphrase();
        OpenPGPKey gateway = generate(sampleUserId(GATEWAY.name(), GATEWAY.email()), SAMPLE_CREATED, SAMPLE_EXPIRY, true, passphrase);
        Path gatewayDir = Files.createDirectories(root.resolve("gateway"));
        write(gatewayDir.resolve("gateway.sec.asc"), armored(gateway, gateway.getEncoded()));
        write(gatewayDir.resolve("gateway.asc"), armored(gateway, gateway.toCertificate().getEncoded()));
        // Committed on purpose: the demo must start without setup, and the key is refused outside demo mode.
        write(gatewayDir.resolve("passphrase.txt"), new String(passphrase) + "\n");
        report(GATEWAY, gateway);

        Path certs = Files.createDirectories(root.resolve("certs"));
        Path secrets = Files.createDirectories(root.resolve("secret"));
        for (SamplePoc poc : POINTS_OF_CONTACT) {
            OpenPGPKey key = generate(sampleUserId(poc.name(), poc.email()), SAMPLE_CREATED, SAMPLE_EXPIRY, true, null);
            write(certs.resolve(poc.id() + ".asc"), armored(key, key.toCertificate().getEncoded()));
            write(secrets.resolve(poc.id() + ".sec.asc"), armored(key, key.getEncoded()));
            report(poc, key);
        }
    }

    private static char[] randomPassphrase() {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder passphrase = new StringBuilder("demo");
        for (int group = 0; group < 4; group++) {
            passphrase.append('-');
            for (int i = 0; i < 5; i++) {
                passphrase.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return passphrase.toString().toCharArray();
    }

    /**
     * Bouncy Castle's own armoring cuts long user IDs in its comment lines with a non-ASCII ellipsis;
     * these comments stay ASCII and say what the file is to anyone who opens it.
     */
    private static String armored(OpenPGPKey key, byte[] packets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = ArmoredOutputStream.builder()
                .clearHeaders()
                .addComment(SampleKeys.USER_ID_MARKER)
                .addComment(key.getPrettyFingerprint())
                .build(out)) {
            armor.write(packets);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    private static void report(SamplePoc poc, OpenPGPKey key) {
        System.out.println(poc.id() + " " + key.getPrettyFingerprint());
    }
}
