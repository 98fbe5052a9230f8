package io.liaison.gateway.compose.openpgp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway armors its messages itself, for speed; readers must see exactly what Bouncy Castle's
 * armored stream (with no headers) would have written: same lines, same checksum.
 */
class ArmorWritesWhatBouncyCastleWritesTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 47, 48, 49, 50, 96, 1000, 6143, 6144, 6145, 20_000})
    void sameTextAsBouncyCastleForMessagesOfAnyLength(int length) throws Exception {
        byte[] data = new byte[length];
        new Random(length).nextBytes(data);
        data[0] = (byte) 0xC1; // a public-key encrypted session key packet, as every message the gateway sends begins
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(expected)) {
            armor.write(data);
        }
        assertEquals(expected.toString(StandardCharsets.US_ASCII), Armor.message(data, data.length, true));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 4096})
    void onlyTheGivenLengthOfALargerBufferIsArmored(int length) throws Exception {
        byte[] buffer = new byte[length + 100];
        new Random(7).nextBytes(buffer);
        byte[] data = java.util.Arrays.copyOf(buffer, length);
        assertEquals(Armor.message(data, length, true), Armor.message(buffer, length, true));
    }
}
