package io.liaison.gateway.dispatch.sms;

import java.nio.charset.StandardCharsets;

/** Turns short_message octets back into text according to the SMPP data_coding they were sent with. */
public final class SmsText {

    private SmsText() {
    }

    public static String decode(int dataCoding, byte[] body) {
        int coding = dataCoding & 0xFF;
        if ((coding & 0xF0) == 0xF0) {
            // Data coding / message class group: bit 2 chooses 8-bit data over the default alphabet.
            return (coding & 0x04) == 0 ? Gsm7.decode(body) : new String(body, StandardCharsets.ISO_8859_1);
        }
        return switch (coding) {
            case 0x00 -> Gsm7.decode(body);
            case 0x01 -> new String(body, StandardCharsets.US_ASCII);
            case SmsEncoding.DATA_CODING_UCS2 -> new String(body, StandardCharsets.UTF_16BE);
            default -> new String(body, StandardCharsets.ISO_8859_1);
        };
    }
}
