package io.liaison.gateway.deployment;

import io.liaison.gateway.files.OwnerOnly;
import io.liaison.gateway.keys.openpgp.SampleKeyGenerator;
import io.liaison.gateway.keys.smime.SmimeCrypto;
import io.liaison.gateway.keys.smime.SmimeSampleKeyGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Creates a deployment folder: the gateway's OpenPGP key (protected by the operator's passphrase) and the
 * certificate to hand out, optionally an S/MIME key with a self-signed certificate or a request for a CA, the
 * settings file, the directory skeleton and the empty folders the gateway fills. Every file is owner-only.
 * Everything is made in memory first and written only once nothing can be refused any more.
 */
public final class DeploymentFolder {
    /** How long the new keys are valid; {@code keys check} warns 30 days before the end. */
    public static final Period KEY_LIFETIME = Period.ofYears(2);

    private final Clock clock;

    public DeploymentFolder(Clock clock) {
        this.clock = clock;
    }

    /** What was made: the files written and the fingerprints an operator reads out to contacts. */
    public record Created(DeploymentLayout layout, String openPgpFingerprint, Instant keysExpire, SmimeChoice smime,
                          Optional<String> smimeCertificateSha256, Map<Path, String> files) {
    }

    /**
     * @param passphrase protects the secret keys; the caller owns and clears it
     * @throws DeploymentRefusedException when the folder is not empty or not a folder; nothing is written then
     */
    public Created create(DeploymentRequest request, char[] passphrase) throws IOException {
        if (passphrase == null || passphrase.length == 0) {
            throw new DeploymentRefusedException("the gateway key's passphrase is empty");
        }
        DeploymentLayout layout = new DeploymentLayout(request.folder());
        refuseUnlessEmpty(layout.root());
        Instant now = clock.instant();
        Instant expires = now.atZone(ZoneOffset.UTC).plus(KEY_LIFETIME).toInstant();

        Map<Path, String> files = new LinkedHashMap<>();
        OpenPGPKey key;
        try {
            key = SampleKeyGenerator.generate(request.mailbox(), now, expires, true, passphrase);
            files.put(layout.openPgpSecretKey(), armored(key, key.getEncoded(), "secret key - keep it on this machine"));
            files.put(layout.openPgpCertificate(), armored(key, key.toCertificate().getEncoded(), "public certificate - give it to every contact"));
        } catch (PGPException e) {
            throw new IllegalStateException("could not generate the gateway's OpenPGP key: " + e.getMessage(), e);
        }
        Optional<String> smimeFingerprint = Optional.empty();
        if (request.smime() != SmimeChoice.NONE) {
            smimeFingerprint = smime(request, layout, passphrase, now, expires, files);
        }
        files.put(layout.settings(), DeploymentSettings.render(request, layout, request.smime(), LocalDate.ofInstant(now, clock.getZone())));
        files.put(layout.directory(), DirectorySkeleton.render());

        OwnerOnly.createDirectories(layout.root());
        restrictFolder(layout.root());
        for (Path folder : new Path[] {layout.keys(), layout.certificates(), layout.data(), layout.notices()}) {
            OwnerOnly.createDirectories(folder);
        }
        for (Map.Entry<Path, String> f : files.entrySet()) {
            OwnerOnly.write(f.getKey(), f.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return new Created(layout, key.getPrettyFingerprint(), expires, request.smime(), smimeFingerprint, Map.copyOf(files));
    }

    private Optional<String> smime(DeploymentRequest request, DeploymentLayout layout, char[] passphrase, Instant now,
                                   Instant expires, Map<Path, String> files) throws IOException {
        try {
            KeyPair keys = SmimeSampleKeyGenerator.keyPair(0);
            X500Name subject = SmimeSampleKeyGenerator.subject(request.gatewayName().strip(), false);
            files.put(layout.smimeKey(), SmimeSampleKeyGenerator.pkcs8Pem(keys.getPrivate(), passphrase));
            if (request.smime() == SmimeChoice.SELF_SIGNED) {
                X509Certificate certificate = SmimeSampleKeyGenerator.Issue.endEntity(subject, request.gatewayEmail(), keys)
                        .validity(now.minusSeconds(60), expires).announcingGcm().issue(null, null);
                files.put(layout.smimeCertificate(), SmimeSampleKeyGenerator.pem(certificate));
                return Optional.of(HexFormat.of().withUpperCase().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())));
            }
            files.put(layout.smimeRequest(), SmimeSampleKeyGenerator.pem(request(subject, request.gatewayEmail(), keys)));
            return Optional.empty();
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("could not generate the gateway's S/MIME key: " + e.getMessage(), e);
        }
    }

    /** A PKCS #10 request asking for what the gateway's S/MIME certificate must say: its address, signing and key agreement. */
    private static PKCS10CertificationRequest request(X500Name subject, String email, KeyPair keys)
            throws IOException, OperatorCreationException {
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)));
        extensions.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyAgreement));
        return new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(SmimeCrypto.provider()).build(keys.getPrivate()));
    }

    private static void refuseUnlessEmpty(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new DeploymentRefusedException(folder.toAbsolutePath() + " exists and is not a folder; give a new or empty folder");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            if (entries.findAny().isPresent()) {
                throw new DeploymentRefusedException(folder.toAbsolutePath() + " is not empty; init writes only into a new or empty"
                        + " folder, so it never overwrites a deployment's keys or database");
            }
        }
    }

    /** An empty folder the operator made beforehand keeps its umask's mode otherwise. */
    private static void restrictFolder(Path folder) throws IOException {
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(folder, OwnerOnly.FOLDER);
        }
    }

    /** ASCII comments that say what the file is and whose key it is, for whoever opens it. */
    private static String armored(OpenPGPKey key, byte[] packets, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders()
                .addComment("Liaison Gateway " + what)
                .addComment(key.getPrettyFingerprint())
                .build(out)) {
            armor.write(packets);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
