package io.liaison.gateway.keys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How sample (demo-only) keys are recognised. By fingerprint first: {@value #FINGERPRINTS} lists every
 * key and certificate in keys-sample/ (OpenPGP primary-key fingerprints; S/MIME certificate SHA-256 and
 * public-key SHA-256), so a sample key whose user ID or subject was edited is still a sample key. The
 * marker string in the user ID is kept as well, for keys made with the sample generators (tests, bench).
 * A test asserts the list and keys-sample/ agree.
 */
public final class SampleKeys {
    /** Present in the user ID of every key in keys-sample/. */
    public static final String USER_ID_MARKER = "SAMPLE KEY - DEMO ONLY";
    /** The class-path resource listing keys-sample's fingerprints, one per line: {@code HEX kind file}. */
    public static final String FINGERPRINTS = "/io/liaison/gateway/keys/sample-fingerprints.txt";
    private static final Set<String> KNOWN = load();

    private SampleKeys() {
    }

    public static boolean isSampleUserId(String userId) {
        return userId != null && userId.contains(USER_ID_MARKER);
    }

    /** True when {@code hex} (any case) is the fingerprint of a key or certificate published in keys-sample/. */
    public static boolean isSampleFingerprint(String hex) {
        return hex != null && KNOWN.contains(hex.toUpperCase(Locale.ROOT));
    }

    /** The listed fingerprints, upper-case hex. */
    public static Set<String> fingerprints() {
        return KNOWN;
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        try (InputStream in = SampleKeys.class.getResourceAsStream(FINGERPRINTS)) {
            if (in == null) {
                // fail closed: without the list no sample key could be told from a real one
                throw new IllegalStateException(FINGERPRINTS + " is missing from the artifact");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t.split("\\s+", 2)[0].toUpperCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
