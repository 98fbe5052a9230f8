package io.liaison.gateway.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an API token, {@code lgw_<id>_<secret>}: a public id (looked up) and a 256-bit random
 * secret (base64url), of which only SHA-256 is stored. The prefix lets secret scanners recognise a
 * leaked token; {@link #toString()} never prints the secret.
 */
public record ApiTokenSecret(String id, String secret) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("lgw_([a-z0-9]{16})_([A-Za-z0-9_-]{43})");

    /** A new token: 80 random bits of id (hex-free base32 alphabet), 256 of secret. */
    public static ApiTokenSecret generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        StringBuilder id = new StringBuilder();
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        for (int i = 0; i < 16; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return new ApiTokenSecret(id.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The token as presented in {@code Authorization: Bearer …}; empty when it is not of the form at all. */
    public static Optional<ApiTokenSecret> parse(String presented) {
        Matcher m = FORM.matcher(presented == null ? "" : presented.strip());
        return m.matches() ? Optional.of(new ApiTokenSecret(m.group(1), m.group(2))) : Optional.empty();
    }

    /** What is shown once to whoever created it. */
    public String text() {
        return "lgw_" + id + "_" + secret;
    }

    public String sha256() {
        return sha256(secret);
    }

    /** True when this secret hashes to {@code storedSha256}, compared in constant time. */
    public boolean matches(String storedSha256) {
        return MessageDigest.isEqual(sha256().getBytes(StandardCharsets.US_ASCII), storedSha256.getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "ApiTokenSecret[id=" + id + ", secret=…]";
    }
}
