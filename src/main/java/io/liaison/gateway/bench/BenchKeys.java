package io.liaison.gateway.bench;

import io.liaison.gateway.keys.openpgp.SampleKeyGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyGenerator;
import org.bouncycastle.openpgp.api.SignatureParameters;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;

/**
 * Benchmark recipients' keys: v6 Ed25519/X25519 as RFC 9580 makes them by default, and v4
 * RSA-3072 as GnuPG 2.2 users have them (one RSA key that certifies, signs and encrypts: a second
 * RSA key per certificate would double the slow prime search and change nothing in what is measured). Both carry the sample marker, so the gateway accepts them only in
 * demo mode.
 */
final class BenchKeys {
    private static final OpenPGPApi API = new BcOpenPGPApi();
    private static final Instant CREATED = SampleKeyGenerator.SAMPLE_CREATED;
    // The JDK's RSA prime search is about three times faster than Bouncy Castle's, which matters at
    // thousands of keys; the key pair is then wrapped as OpenPGP by Bouncy Castle as usual.
    private static final ThreadLocal<KeyPairGenerator> RSA = ThreadLocal.withInitial(() -> {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072);
            return generator;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA key pair generator in this JDK", e);
        }
    });

    private BenchKeys() {
    }

    enum Kind {
        V6_X25519, V4_RSA3072
    }

    /** Every fourth recipient has a v4 RSA key; the rest v6. */
    static Kind kindOf(int index) {
        return index % 4 == 3 ? Kind.V4_RSA3072 : Kind.V6_X25519;
    }

    static OpenPGPKey generate(Kind kind, String userId) {
        try {
            OpenPGPKeyGenerator generator = API.generateKey(kind == Kind.V6_X25519 ? PublicKeyPacket.VERSION_6
                    : PublicKeyPacket.VERSION_4, Date.from(CREATED), false);
            if (kind == Kind.V6_X25519) {
                return generator.ed25519x25519Key(userId).build();
            }
            // GnuPG 2.2 keys announce no SEIPDv2; a v4 key that did would be sent what 2.2 cannot read.
            generator.setDefaultFeatures(subpackets -> {
                subpackets.removePacketsOfType(SignatureSubpacketTags.FEATURES);
                subpackets.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
                return subpackets;
            });
            PGPKeyPair rsa = new JcaPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.RSA_GENERAL,
                    RSA.get().generateKeyPair(), Date.from(CREATED));
            SignatureParameters.Callback everything = new SignatureParameters.Callback() {
                @Override
                public SignatureParameters apply(SignatureParameters parameters) {
                    return parameters.setHashedSubpacketsFunction(subpackets -> {
                        subpackets.removePacketsOfType(SignatureSubpacketTags.KEY_FLAGS);
                        subpackets.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA
                                | KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
                        return subpackets;
                    });
                }
            };
            return generator.withPrimaryKey(keyPairs -> rsa, everything).addUserId(userId).build();
        } catch (PGPException e) {
            throw new IllegalStateException("could not generate a " + kind + " benchmark key", e);
        }
    }

    static void writeCertificate(OpenPGPKey key, Path file) {
        // Armored here rather than by toAsciiArmoredString(), whose comment lines may cut the user ID
        // with a non-ASCII ellipsis.
        try (OutputStream out = Files.newOutputStream(file);
             ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out)) {
            armor.write(key.toCertificate().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
