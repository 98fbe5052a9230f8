package io.liaison.gateway.dispatch.sms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SmsEncodingChoosesAlphabetAndSplitsSafelyTest {

    @Test
    void asciiUsesGsmCodePointsNotAsciiOnes() {
        EncodedSms sms = SmsEncoding.encode("@$_{", 0);

        assertEquals(SmsEncoding.DATA_CODING_DEFAULT, sms.dataCoding());
        // '@' is 0x00, '$' 0x02, '_' 0x11 in GSM 03.38; '{' is ESC 0x28.
        assertArrayEquals(new byte[] {0x00, 0x02, 0x11, 0x1B, 0x28}, sms.shortMessages().get(0));
    }

    @Test
    void anythingBeyondPrintableAsciiGoesUcs2() {
        assertEquals(SmsEncoding.DATA_CODING_UCS2, SmsEncoding.encode("café", 0).dataCoding());
        assertEquals(SmsEncoding.DATA_CODING_UCS2, SmsEncoding.encode("TLP:CLEAR 制限なし", 0).dataCoding());
        assertEquals(SmsEncoding.DATA_CODING_UCS2, SmsEncoding.encode("`backtick`", 0).dataCoding());
    }

    @Test
    void singleSegmentLimitsAre160GsmAnd70Ucs2() {
        assertFalse(SmsEncoding.encode("a".repeat(160), 0).concatenated());
        assertEquals(2, SmsEncoding.encode("a".repeat(161), 0).segments());
        assertFalse(SmsEncoding.encode("あ".repeat(70), 0).concatenated());
        assertEquals(2, SmsEncoding.encode("あ".repeat(71), 0).segments());
    }

    @Test
    void partsCarryAnEightBitReferenceHeaderWithCountAndSequence() {
        EncodedSms sms = SmsEncoding.encode("あ".repeat(140), 0x1A5);

        assertEquals(3, sms.segments());
        for (int i = 0; i < 3; i++) {
            byte[] part = sms.shortMessages().get(i);
            assertArrayEquals(new byte[] {0x05, 0x00, 0x03, (byte) 0xA5, 3, (byte) (i + 1)},
                    Arrays.copyOf(part, 6));
            assertTrue(part.length <= 140, "user data fits one SMS");
        }
    }

    @Test
    void gsmEscapePairsAndSurrogatePairsAreNeverCutInHalf() {
        String gsm = "a".repeat(152) + "{" + "b".repeat(20);
        EncodedSms gsmSms = SmsEncoding.encode(gsm, 1);
        assertEquals(gsm, reassemble(gsmSms));
        assertEquals(6 + 152, gsmSms.shortMessages().get(0).length, "ESC moved to the next part with its partner");

        String emoji = "あ".repeat(66) + "😀" + "い".repeat(10);
        EncodedSms ucs2 = SmsEncoding.encode(emoji, 1);
        assertEquals(emoji, reassemble(ucs2));
    }

    @Test
    void textNeedingMoreThan255SegmentsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SmsEncoding.encode("あ".repeat(67 * 255 + 1), 0));
    }

    @Test
    void reassemblerAcceptsPartsInAnyOrder() {
        EncodedSms sms = SmsEncoding.encode("順不同で届いても復元される。".repeat(10), 7);
        SmsReassembler<Integer> reassembler = new SmsReassembler<>(10);
        Optional<SmsReassembler.Assembled<Integer>> done = Optional.empty();
        for (int i = sms.segments() - 1; i >= 0; i--) {
            done = reassembler.accept("+81", "LGW", sms.dataCoding(), true, sms.shortMessages().get(i), i);
        }
        assertEquals("順不同で届いても復元される。".repeat(10), done.orElseThrow().text());
        assertEquals(0, done.orElseThrow().attachments().get(0));
    }

    private static String reassemble(EncodedSms sms) {
        SmsReassembler<String> reassembler = new SmsReassembler<>(10);
        Optional<SmsReassembler.Assembled<String>> done = Optional.empty();
        for (byte[] part : sms.shortMessages()) {
            done = reassembler.accept("src", "dst", sms.dataCoding(), sms.concatenated(), part, "id");
        }
        return done.orElseThrow().text();
    }
}
