package io.liaison.gateway.dispatch.sms;

import java.io.ByteArrayOutputStream;

/**
 * GSM 03.38 default alphabet as SMPP carries it with data_coding 0x00: one octet per septet (unpacked);
 * the SMSC packs septets for the air interface. Characters of the extension table take two septets.
 */
public final class Gsm7 {

    private static final char ESCAPE = 0x1B;

    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static final char[] EXTENSION = new char[128];

    static {
        EXTENSION[0x0A] = '\f';
        EXTENSION[0x14] = '^';
        EXTENSION[0x28] = '{';
        EXTENSION[0x29] = '}';
        EXTENSION[0x2F] = '\\';
        EXTENSION[0x3C] = '[';
        EXTENSION[0x3D] = '~';
        EXTENSION[0x3E] = ']';
        EXTENSION[0x40] = '|';
        EXTENSION[0x65] = '€';
    }

    private Gsm7() {
    }

    /**
     * True when the whole text is printable ASCII (plus CR/LF) and therefore safe in the default alphabet.
     * Non-ASCII GSM letters (é, Ä…) are deliberately excluded: some SMSCs and handsets map them badly, and
     * UCS-2 always works.
     */
    public static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean printable = c >= 0x20 && c <= 0x7E && c != '`';
            if (!printable && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Unpacked septets for {@code text}; throws when a character is in neither table. */
    public static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                out.write(basic);
                continue;
            }
            int extended = extensionIndex(c);
            if (extended < 0) {
                throw new IllegalArgumentException("character U+" + String.format("%04X", (int) c)
                        + " is not in the GSM 03.38 default alphabet");
            }
            out.write(ESCAPE);
            out.write(extended);
        }
        return out.toByteArray();
    }

    /** Text from unpacked septets; unknown escapes and stray high bits become '?' rather than failing. */
    public static String decode(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int septet = septets[i] & 0xFF;
            if (septet > 0x7F) {
                text.append('?');
            } else if (septet == ESCAPE && i + 1 < septets.length) {
                int next = septets[++i] & 0x7F;
                char extended = EXTENSION[next];
                text.append(extended != 0 ? extended : BASIC.charAt(next) == ESCAPE ? ' ' : BASIC.charAt(next));
            } else {
                text.append(septet == ESCAPE ? ' ' : BASIC.charAt(septet));
            }
        }
        return text.toString();
    }

    private static int extensionIndex(char c) {
        for (int i = 0; i < EXTENSION.length; i++) {
            if (EXTENSION[i] == c && c != 0) {
                return i;
            }
        }
        return -1;
    }
}
