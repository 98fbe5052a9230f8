package io.liaison.gateway.track.ack;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Short confirmation codes: drawn with {@link SecureRandom} from 31 letters and digits that cannot be
 * mistaken for one another on a handset (no 0/O, 1/I/L). Six of them give about 8.9 × 10^8 codes, and a
 * code is only accepted from the number or signer it was issued to, so guessing one is of no use.
 */
public final class ConfirmationCodes {
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int DEFAULT_LENGTH = 6;

    private final SecureRandom random = new SecureRandom();
    private final int length;

    public ConfirmationCodes(int length) {
        if (length < 4 || length > 16) {
            throw new IllegalArgumentException("confirmation code length must be 4..16, was " + length);
        }
        this.length = length;
    }

    public int length() {
        return length;
    }

    /** A fresh random code; uniqueness is the store's job. */
    public String next() {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /**
     * The words of a reply that could be codes, in order: handsets send full-width letters, lower case
     * and surrounding words ("OK abc123 確認"), so the text is NFKC-normalised and upper-cased first.
     */
    public List<String> candidates(String text) {
        if (text == null) {
            return List.of();
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String word : normal.split("[^A-Z0-9]+")) {
            if (word.length() == length && !out.contains(word)) {
                out.add(word);
            }
        }
        return out;
    }
}
