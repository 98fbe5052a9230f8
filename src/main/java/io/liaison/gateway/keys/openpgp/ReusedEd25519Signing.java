package io.liaison.gateway.keys.openpgp;

import java.io.OutputStream;
import java.util.Arrays;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.operator.PGPContentSigner;
import org.bouncycastle.openpgp.operator.PGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyConverter;

/**
 * OpenPGP Ed25519 signatures (v4 EdDSA "legacy" and v6 Ed25519 alike: Ed25519 over the hash of the
 * signed data, as RFC 9580 §5.2.4 has it) made with a decoded key kept between signatures, so its
 * public half, which Ed25519 needs for every signature, is derived once. The data is hashed once;
 * Bouncy Castle's own signer hashes it twice (once for the signature, once for the digest prefix).
 * The SHA-2 hash of the signed text is the JDK's, which runs on the processor's vector instructions
 * (Bouncy Castle's is plain Java: a tenth of the time spent signing each recipient's text).
 */
final class ReusedEd25519Signing implements PGPContentSignerBuilder {
    private final int keyAlgorithm;
    private final int hashAlgorithm;
    private final KeyCache keys;

    ReusedEd25519Signing(int keyAlgorithm, int hashAlgorithm, KeyCache keys) {
        this.keyAlgorithm = keyAlgorithm;
        this.hashAlgorithm = hashAlgorithm;
        this.keys = keys;
    }

    @Override
    public PGPContentSigner build(int signatureType, PGPPrivateKey privateKey) throws PGPException {
        Ed25519PrivateKeyParameters key = keys.decoded(privateKey);
        PGPDigestCalculator digest = JdkDigest.of(hashAlgorithm)
                .orElseGet(() -> {
                    try {
                        return new BcPGPDigestCalculatorProvider().get(hashAlgorithm);
                    } catch (PGPException e) {
                        throw new IllegalArgumentException("no digest for OpenPGP hash algorithm " + hashAlgorithm, e);
                    }
                });
        return new PGPContentSigner() {
            private byte[] hash;

            @Override
            public OutputStream getOutputStream() {
                return digest.getOutputStream();
            }

            @Override
            public byte[] getSignature() {
                Ed25519Signer signer = new Ed25519Signer();
                signer.init(true, key);
                byte[] h = getDigest();
                signer.update(h, 0, h.length);
                return signer.generateSignature();
            }

            // Asked for by the generator for the signature's hash prefix as well as for the signature itself.
            @Override
            public byte[] getDigest() {
                if (hash == null) {
                    hash = digest.getDigest();
                }
                return hash.clone();
            }

            @Override
            public int getType() {
                return signatureType;
            }

            @Override
            public int getHashAlgorithm() {
                return hashAlgorithm;
            }

            @Override
            public int getKeyAlgorithm() {
                return keyAlgorithm;
            }

            @Override
            public long getKeyID() {
                return privateKey.getKeyID();
            }
        };
    }

    /**
     * The last key decoded, recognised by its encoded secret: the gateway signs with one key, and a
     * different key (a test's, a rotated one) simply replaces it. Thread-safe.
     */
    static final class KeyCache {
        private final BcPGPKeyConverter converter = new BcPGPKeyConverter();
        private volatile Entry last;

        Ed25519PrivateKeyParameters decoded(PGPPrivateKey privateKey) throws PGPException {
            byte[] secret = privateKey.getPrivateKeyDataPacket().getEncoded();
            Entry cached = last;
            if (cached != null && cached.keyId == privateKey.getKeyID() && Arrays.equals(cached.secret, secret)) {
                Arrays.fill(secret, (byte) 0);
                return cached.key;
            }
            AsymmetricKeyParameter decoded = converter.getPrivateKey(privateKey);
            if (!(decoded instanceof Ed25519PrivateKeyParameters ed25519)) {
                throw new PGPException("key " + Long.toHexString(privateKey.getKeyID()) + " is not an Ed25519 key");
            }
            ed25519.generatePublicKey(); // derived now, kept inside the parameters for every later signature
            last = new Entry(privateKey.getKeyID(), secret, ed25519);
            return ed25519;
        }

        private record Entry(long keyId, byte[] secret, Ed25519PrivateKeyParameters key) {
        }
    }
}
