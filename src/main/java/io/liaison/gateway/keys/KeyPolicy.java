package io.liaison.gateway.keys;

import java.util.Locale;
import java.util.Set;

/**
 * Which keys the gateway accepts, for both OpenPGP and S/MIME: RSA of at least 2048 bits, no DSA or
 * ElGamal, no MD5/SHA-1 (or other broken hashes) in the signatures that bind a certificate together.
 * Certificate types know their own structure; they ask this class for the thresholds through the
 * neutral names below, so one policy is applied to both kinds.
 */
public final class KeyPolicy {
    /** NIST SP 800-131A: RSA under 2048 bits has been disallowed for protection since 2014. */
    public static final int MINIMUM_RSA_BITS = 2048;

    private static final KeyPolicy STANDARD = new KeyPolicy(MINIMUM_RSA_BITS,
            Set.of("MD2", "MD4", "MD5", "SHA1", "RIPEMD160"),
            Set.of("DSA", "ELGAMAL"));

    private final int minimumRsaBits;
    private final Set<String> weakHashes;
    private final Set<String> retiredAlgorithms;

    private KeyPolicy(int minimumRsaBits, Set<String> weakHashes, Set<String> retiredAlgorithms) {
        this.minimumRsaBits = minimumRsaBits;
        this.weakHashes = weakHashes;
        this.retiredAlgorithms = retiredAlgorithms;
    }

    /** The gateway's policy; there is deliberately no weaker one to configure. */
    public static KeyPolicy standard() {
        return STANDARD;
    }

    public int minimumRsaBits() {
        return minimumRsaBits;
    }

    public boolean isRsaTooShort(int bits) {
        return bits < minimumRsaBits;
    }

    /** @param name a hash name in any common spelling: "SHA-1", "sha1", "MD5", "RIPEMD-160" */
    public boolean isWeakHash(String name) {
        return weakHashes.contains(normalise(name));
    }

    /** @param name a public-key algorithm name: "DSA", "ElGamal", "RSA", "ECDSA", ... */
    public boolean isRetiredAlgorithm(String name) {
        return retiredAlgorithms.contains(normalise(name));
    }

    private static String normalise(String name) {
        return name.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
    }

    @Override
    public String toString() {
        return "key policy: RSA >= " + minimumRsaBits + " bits, no " + retiredAlgorithms + ", no " + weakHashes + " signatures";
    }
}
