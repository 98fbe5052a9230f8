package io.liaison.gateway.keys.openpgp;

import io.liaison.gateway.keys.GatewayKeyException;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.SampleKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPImplementation;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.api.OpenPGPMessageGenerator;
import org.bouncycastle.openpgp.api.OpenPGPMessageProcessor;
import org.bouncycastle.openpgp.api.SignatureParameters;
import org.bouncycastle.openpgp.api.SignatureSubpacketsFunction;
import org.bouncycastle.openpgp.api.exception.InvalidSigningKeyException;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;

/**
 * A secret OpenPGP key the gateway holds: its own signing key, or (in tests and the demo) a
 * recipient's key used to open what the gateway sent.
 *
 * <p>The key is unlocked once, when loaded, and kept unlocked in memory only: re-running the
 * passphrase's key derivation for every message would cost more than the signature itself. The key
 * object is handed out to no one; the composer gets to use it only by asking this class to add it
 * to a Bouncy Castle generator or processor. Instances are immutable and safe to share between
 * threads.
 */
public final class OpenPgpGatewayKey {
    private static final OpenPGPImplementation IMPLEMENTATION = new GatewayOpenPgpImplementation();

    private final Path file;
    private final OpenPGPKey unlocked;
    private final OpenPGPKey.OpenPGPSecretKey signingKey;
    private final OpenPgpRecipientCertificate certificate;
    private final boolean protectedOnDisk;

    private OpenPgpGatewayKey(Path file, OpenPGPKey unlocked, OpenPGPKey.OpenPGPSecretKey signingKey,
                              boolean protectedOnDisk) {
        this.file = file;
        this.unlocked = unlocked;
        this.signingKey = signingKey;
        this.certificate = new OpenPgpRecipientCertificate(unlocked.toCertificate());
        this.protectedOnDisk = protectedOnDisk;
    }

    /**
     * Loads an armored or binary transferable secret key and unlocks it. The passphrase is read only
     * if the key is protected, and is overwritten as soon as the key is unlocked.
     *
     * @throws GatewayKeyException naming the file when it is missing, unreadable, not a secret key,
     *                             has no signing key valid now, or the passphrase does not unlock it
     */
    public static OpenPgpGatewayKey load(Path file, PassphraseSource passphrase) throws GatewayKeyException {
        Objects.requireNonNull(passphrase, "passphrase");
        OpenPGPKey key = parse(file, read(file));
        boolean isProtected = key.getSecretKeys().values().stream().anyMatch(OpenPGPKey.OpenPGPSecretKey::isLocked);
        OpenPGPKey unlocked = isProtected ? unlock(file, key, passphrase) : key;
        return new OpenPgpGatewayKey(file, unlocked, signingKeyOf(file, unlocked), isProtected);
    }

    /**
     * The public certificate held in a secret key file, read without unlocking it (to verify what the
     * key signed, e.g. the audit trail's checkpoints, without its passphrase), or from a certificate file.
     */
    public static OpenPgpRecipientCertificate publicCertificate(Path file) throws GatewayKeyException {
        byte[] bytes = read(file);
        OpenPGPCertificate parsed;
        try {
            parsed = new OpenPGPKeyReader(IMPLEMENTATION).parseKeyOrCertificate(bytes);
        } catch (IOException | RuntimeException e) {
            throw new GatewayKeyException(file, "not an OpenPGP key or certificate");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        if (parsed == null) {
            throw new GatewayKeyException(file, "not an OpenPGP key or certificate");
        }
        return new OpenPgpRecipientCertificate(parsed.isSecretKey() ? ((OpenPGPKey) parsed).toCertificate() : parsed);
    }

    private static byte[] read(Path file) throws GatewayKeyException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new GatewayKeyException(file, "secret key file does not exist");
        } catch (IOException e) {
            throw new GatewayKeyException(file, "secret key file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static OpenPGPKey parse(Path file, byte[] bytes) throws GatewayKeyException {
        OpenPGPCertificate parsed;
        try {
            parsed = new OpenPGPKeyReader(IMPLEMENTATION).parseKeyOrCertificate(bytes);
        } catch (IOException | RuntimeException e) {
            // The parser's own message is not repeated: it is not ours to vouch for what it quotes.
            throw new GatewayKeyException(file, "not an OpenPGP secret key");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        if (parsed == null) {
            throw new GatewayKeyException(file, "not an OpenPGP secret key");
        }
        if (!parsed.isSecretKey()) {
            throw new GatewayKeyException(file, "holds a public certificate, not a secret key");
        }
        return (OpenPGPKey) parsed;
    }

    private static OpenPGPKey unlock(Path file, OpenPGPKey key, PassphraseSource source) throws GatewayKeyException {
        char[] passphrase = source.read();
        try {
            PBESecretKeyDecryptor decryptor =
                    IMPLEMENTATION.pbeSecretKeyDecryptorBuilderProvider().provide().build(passphrase);
            // A null encryptor yields an unprotected copy; it never leaves this object.
            PGPSecretKeyRing clear = PGPSecretKeyRing.copyWithNewPassword(key.getPGPSecretKeyRing(), decryptor, null);
            return new OpenPGPKey(clear, IMPLEMENTATION);
        } catch (PGPException | RuntimeException e) {
            throw new GatewayKeyException(file, "the passphrase from " + source + " does not unlock the secret key");
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static OpenPGPKey.OpenPGPSecretKey signingKeyOf(Path file, OpenPGPKey key) throws GatewayKeyException {
        // Checked at load so an expired or revoked gateway key stops the gateway at start-up,
        // not at the first alert.
        List<OpenPGPCertificate.OpenPGPComponentKey> signing = key.getSigningKeys(new Date());
        for (OpenPGPCertificate.OpenPGPComponentKey candidate : signing) {
            OpenPGPKey.OpenPGPSecretKey secret = key.getSecretKey(candidate);
            if (secret != null && hasSecretMaterial(secret.getPGPSecretKey())) {
                return secret;
            }
        }
        throw new GatewayKeyException(file, "has no signing key that is valid now (expired, revoked or stub only)");
    }

    private static boolean hasSecretMaterial(PGPSecretKey key) {
        return !key.isPrivateKeyEmpty();
    }

    /** Upper-case hex fingerprint of the primary key. */
    public String fingerprint() {
        return certificate.fingerprint();
    }

    /** True when any user ID carries {@link SampleKeys#USER_ID_MARKER}: the demo's key, refused outside demo mode. */
    public boolean isSample() {
        return certificate.isSample();
    }

    /** The public half, to publish to recipients and to verify the gateway's own signatures. */
    public OpenPgpRecipientCertificate certificate() {
        return certificate;
    }

    /** The file the key was loaded from. */
    public Path file() {
        return file;
    }

    /** False when the key file holds the secret key unprotected (acceptable for demo recipients only). */
    public boolean protectedOnDisk() {
        return protectedOnDisk;
    }

    /**
     * Makes {@code generator} sign with this key, the signature dated {@code at}. SHA-512 is chosen
     * here rather than from the key's preferences because keys made by newer tools list SHA-3 first,
     * which GnuPG 2.2 cannot verify.
     */
    public OpenPGPMessageGenerator addAsSigner(OpenPGPMessageGenerator generator, Instant at)
            throws InvalidSigningKeyException {
        return addAsSigner(generator, at, null);
    }

    /**
     * As {@link #addAsSigner(OpenPGPMessageGenerator, Instant)}, letting {@code hashedSubpackets} add
     * to the signature's hashed area (e.g. notations that bind a marking into the signature).
     */
    public OpenPGPMessageGenerator addAsSigner(OpenPGPMessageGenerator generator, Instant at,
                                               SignatureSubpacketsFunction hashedSubpackets)
            throws InvalidSigningKeyException {
        Date when = Date.from(at);
        SignatureParameters.Callback dated = new SignatureParameters.Callback() {
            @Override
            public SignatureParameters apply(SignatureParameters parameters) {
                SignatureParameters p = parameters.setSignatureCreationTime(when).setSignatureHashAlgorithm(HashAlgorithmTags.SHA512);
                return hashedSubpackets == null ? p : p.setHashedSubpacketsFunction(hashedSubpackets);
            }
        };
        // The copy held here is unprotected, so there is no passphrase to provide.
        return generator.addSigningKey(signingKey, secretKey -> null, dated);
    }

    /**
     * A detached signature over {@code data}, dated {@code at}, ASCII-armoured: what {@code gpg --verify SIG DATA}
     * checks with this key's certificate (the audit trail's checkpoints). SHA-512 as for messages.
     */
    public String signDetached(byte[] data, Instant at) throws GatewayKeyException {
        Date when = Date.from(at);
        try {
            org.bouncycastle.openpgp.api.OpenPGPDetachedSignatureGenerator generator =
                    new org.bouncycastle.openpgp.api.OpenPGPDetachedSignatureGenerator(IMPLEMENTATION);
            generator.addSigningKey(signingKey, secretKey -> null, new SignatureParameters.Callback() {
                @Override
                public SignatureParameters apply(SignatureParameters parameters) {
                    return parameters.setSignatureCreationTime(when).setSignatureHashAlgorithm(HashAlgorithmTags.SHA512);
                }
            });
            List<org.bouncycastle.openpgp.api.OpenPGPSignature.OpenPGPDocumentSignature> signatures =
                    generator.sign(new java.io.ByteArrayInputStream(data));
            return signatures.get(0).toAsciiArmoredString();
        } catch (IOException | PGPException | RuntimeException e) {
            throw new GatewayKeyException(file, "cannot make a detached signature (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Lets {@code processor} decrypt messages encrypted to this key. */
    public OpenPGPMessageProcessor addAsDecryptionKey(OpenPGPMessageProcessor processor) {
        return processor.addDecryptionKey(unlocked);
    }

    /**
     * True when {@code message} (an OpenPGP message, armored or binary) carries a session key encrypted
     * to one of this key's (sub)keys. Reads only the packets before the encrypted data: nothing is
     * decrypted. Lets the intake say "encrypted to the retired gateway key" instead of "cannot decrypt".
     */
    public boolean isRecipientOf(byte[] message) {
        try (java.io.InputStream in = org.bouncycastle.openpgp.PGPUtil.getDecoderStream(new java.io.ByteArrayInputStream(message))) {
            org.bouncycastle.openpgp.PGPObjectFactory packets = new org.bouncycastle.openpgp.bc.BcPGPObjectFactory(in);
            for (Object o = packets.nextObject(); o != null; o = packets.nextObject()) {
                if (o instanceof org.bouncycastle.openpgp.PGPEncryptedDataList list) {
                    for (org.bouncycastle.openpgp.PGPEncryptedData data : list) {
                        if (data instanceof org.bouncycastle.openpgp.PGPPublicKeyEncryptedData pkesk
                                && !pkesk.getKeyIdentifier().isWildcard()
                                && unlocked.getKeys().stream().anyMatch(k -> k.getKeyIdentifier().matches(pkesk.getKeyIdentifier()))) {
                            return true;
                        }
                    }
                    return false;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not an OpenPGP message we can read the recipients of: then it is not known to be addressed to us
        }
        return false;
    }

    /** The Bouncy Castle implementation the key was read with; generators using the key should use it too. */
    public static OpenPGPImplementation implementation() {
        return IMPLEMENTATION;
    }

    @Override
    public String toString() {
        return "OpenPGP secret key " + fingerprint() + " from " + file;
    }
}
