package io.liaison.gateway.dispatch.sms;

import java.util.Optional;

/**
 * The user data of one short message split into its concatenation header (if any) and its body.
 * Reads both the 8-bit (IEI 0x00) and 16-bit (IEI 0x08) reference forms, since SMSCs and handsets send either.
 *
 * @param concat present when the message is one part of a concatenated message
 * @param body   the user data after the header, still in the message's data coding
 */
public record UserData(Optional<Concat> concat, byte[] body) {

    /** Length of the header this gateway writes: UDHL, IEI 0x00, IEDL 3, reference, total, sequence. */
    static final int CONCAT_UDH_LENGTH = 6;

    /** Position of one part: reference shared by all parts, number of parts, 1-based sequence. */
    public record Concat(int reference, int total, int sequence) {
    }

    /** Splits {@code shortMessage}; with {@code udhi} false the whole message is body. */
    public static UserData parse(boolean udhi, byte[] shortMessage) {
        if (!udhi || shortMessage.length == 0) {
            return new UserData(Optional.empty(), shortMessage);
        }
        int headerLength = shortMessage[0] & 0xFF;
        int bodyStart = 1 + headerLength;
        if (bodyStart > shortMessage.length) {
            // A malformed header; keep the octets rather than lose the message.
            return new UserData(Optional.empty(), shortMessage);
        }
        Optional<Concat> concat = Optional.empty();
        int i = 1;
        while (i + 1 < bodyStart) {
            int iei = shortMessage[i] & 0xFF;
            int length = shortMessage[i + 1] & 0xFF;
            int data = i + 2;
            if (data + length > bodyStart) {
                break;
            }
            if (iei == 0x00 && length == 3) {
                concat = Optional.of(new Concat(u8(shortMessage, data), u8(shortMessage, data + 1),
                        u8(shortMessage, data + 2)));
            } else if (iei == 0x08 && length == 4) {
                concat = Optional.of(new Concat((u8(shortMessage, data) << 8) | u8(shortMessage, data + 1),
                        u8(shortMessage, data + 2), u8(shortMessage, data + 3)));
            }
            i = data + length;
        }
        byte[] body = new byte[shortMessage.length - bodyStart];
        System.arraycopy(shortMessage, bodyStart, body, 0, body.length);
        return new UserData(concat, body);
    }

    static void writeConcatHeader(byte[] target, int reference, int total, int sequence) {
        target[0] = 0x05;
        target[1] = 0x00;
        target[2] = 0x03;
        target[3] = (byte) reference;
        target[4] = (byte) total;
        target[5] = (byte) sequence;
    }

    private static int u8(byte[] bytes, int index) {
        return bytes[index] & 0xFF;
    }
}
