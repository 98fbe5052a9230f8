package io.liaison.gateway.compose.openpgp;

import java.util.Arrays;
import java.util.Base64;

/**
 * ASCII armor for an OpenPGP message (RFC 9580 §6.2), written exactly as Bouncy Castle's armored
 * stream writes it with no headers: base64 in lines of 64, the CRC-24 checksum line (where wanted), LF line ends.
 * Bouncy Castle's writer takes the bytes one at a time, which cost a tenth of composing each message
 * of a fan-out; the JDK's base64 encoder does whole blocks.
 */
final class Armor {
    private static final String BEGIN = "-----BEGIN PGP MESSAGE-----\n\n";
    private static final String END = "-----END PGP MESSAGE-----\n";
    private static final Base64.Encoder LINES = Base64.getMimeEncoder(64, new byte[] {'\n'});
    private static final Base64.Encoder PLAIN = Base64.getEncoder();
    private static final int[] CRC_TABLE = crcTable();

    private Armor() {
    }

    /**
     * @param checksum whether to write the CRC-24 line: RFC 9580 §6.2 says it SHOULD NOT be written
     *                 unless readers that require it are a concern, as readers of v4 messages may be
     */
    static String message(byte[] binary, int length, boolean checksum) {
        byte[] data = length == binary.length ? binary : Arrays.copyOf(binary, length);
        String body = LINES.encodeToString(data);
        StringBuilder armored = new StringBuilder(BEGIN.length() + body.length() + END.length() + 8)
                .append(BEGIN).append(body).append(body.isEmpty() ? "" : "\n");
        if (checksum) {
            int crc = crc24(data);
            armored.append('=').append(PLAIN.encodeToString(new byte[] {(byte) (crc >> 16), (byte) (crc >> 8), (byte) crc}))
                    .append('\n');
        }
        return armored.append(END).toString();
    }

    // RFC 4880 §6.1: initial value 0xB704CE, generator 0x1864CFB.
    static int crc24(byte[] data) {
        int crc = 0xB704CE;
        for (byte b : data) {
            crc = ((crc << 8) ^ CRC_TABLE[((crc >> 16) ^ b) & 0xff]) & 0xFFFFFF;
        }
        return crc;
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int crc = i << 16;
            for (int bit = 0; bit < 8; bit++) {
                crc <<= 1;
                if ((crc & 0x1000000) != 0) {
                    crc ^= 0x1864CFB;
                }
            }
            table[i] = crc & 0xFFFFFF;
        }
        return table;
    }
}
