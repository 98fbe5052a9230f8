package io.liaison.gateway.dispatch.sms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the alphabet for a text and splits it into segments that fit one SMS each (140 octets of user
 * data). Concatenated segments carry an 8-bit-reference UDH (IEI 0x00), understood by every handset.
 */
public final class SmsEncoding {

    public static final int DATA_CODING_DEFAULT = 0x00;
    public static final int DATA_CODING_UCS2 = 0x08;

    /** GSM 03.40 caps a concatenated message at 255 parts (one octet for the count). */
    public static final int MAX_SEGMENTS = 255;

    private static final int GSM_SINGLE = 160;
    private static final int GSM_PER_PART = 153;
    private static final int UCS2_SINGLE = 70;
    private static final int UCS2_PER_PART = 67;
    private static final int GSM_ESCAPE = 0x1B;

    private SmsEncoding() {
    }

    /**
     * @param reference the concatenation reference, only the low 8 bits are used; callers vary it per message
     *                  so a handset never mixes the parts of two messages
     * @throws IllegalArgumentException when the text would need more than {@value #MAX_SEGMENTS} segments
     */
    public static EncodedSms encode(String text, int reference) {
        return Gsm7.isPlainAscii(text) ? gsm(text, reference) : ucs2(text, reference);
    }

    /** How many parts {@code text} needs; more than {@value #MAX_SEGMENTS} when it cannot be sent at all. */
    public static int segmentsFor(String text) {
        try {
            return encode(text, 0).segments();
        } catch (IllegalArgumentException e) {
            return MAX_SEGMENTS + 1;
        }
    }

    private static EncodedSms gsm(String text, int reference) {
        byte[] septets = Gsm7.encode(text);
        if (septets.length <= GSM_SINGLE) {
            return new EncodedSms(DATA_CODING_DEFAULT, false, List.of(septets));
        }
        List<byte[]> chunks = new ArrayList<>();
        int start = 0;
        while (start < septets.length) {
            int end = Math.min(start + GSM_PER_PART, septets.length);
            // An extension character is ESC plus a septet; cutting between them would garble both parts.
            if (end < septets.length && septets[end - 1] == GSM_ESCAPE) {
                end--;
            }
            chunks.add(slice(septets, start, end));
            start = end;
        }
        return concatenated(DATA_CODING_DEFAULT, chunks, reference);
    }

    private static EncodedSms ucs2(String text, int reference) {
        if (text.length() <= UCS2_SINGLE) {
            return new EncodedSms(DATA_CODING_UCS2, false, List.of(text.getBytes(StandardCharsets.UTF_16BE)));
        }
        List<byte[]> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + UCS2_PER_PART, text.length());
            // A surrogate pair split over two parts decodes as two replacement characters.
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(start, end).getBytes(StandardCharsets.UTF_16BE));
            start = end;
        }
        return concatenated(DATA_CODING_UCS2, chunks, reference);
    }

    private static EncodedSms concatenated(int dataCoding, List<byte[]> chunks, int reference) {
        int total = chunks.size();
        if (total > MAX_SEGMENTS) {
            throw new IllegalArgumentException("text needs " + total + " segments, more than " + MAX_SEGMENTS);
        }
        List<byte[]> parts = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            byte[] body = chunks.get(i);
            byte[] part = new byte[UserData.CONCAT_UDH_LENGTH + body.length];
            UserData.writeConcatHeader(part, reference, total, i + 1);
            System.arraycopy(body, 0, part, UserData.CONCAT_UDH_LENGTH, body.length);
            parts.add(part);
        }
        return new EncodedSms(dataCoding, true, parts);
    }

    private static byte[] slice(byte[] source, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(source, from, out, 0, out.length);
        return out;
    }
}
