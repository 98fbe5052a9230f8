package io.liaison.gateway.dispatch.sms;

import java.util.List;

/**
 * A text ready for submit_sm: the data_coding to declare and one short_message per segment. When
 * {@code concatenated}, each short_message starts with a user data header and the UDHI bit must be set.
 */
public record EncodedSms(int dataCoding, boolean concatenated, List<byte[]> shortMessages) {

    public EncodedSms {
        shortMessages = List.copyOf(shortMessages);
    }

    public int segments() {
        return shortMessages.size();
    }
}
