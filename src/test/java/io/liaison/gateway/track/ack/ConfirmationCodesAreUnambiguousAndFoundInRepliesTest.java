package io.liaison.gateway.track.ack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfirmationCodesAreUnambiguousAndFoundInRepliesTest {
    private final ConfirmationCodes codes = new ConfirmationCodes(6);

    @Test
    void codesHaveTheLengthAndOnlyCharactersThatCannotBeConfused() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = codes.next();
            assertEquals(6, code.length());
            assertTrue(code.chars().allMatch(c -> ConfirmationCodes.ALPHABET.indexOf(c) >= 0), code);
            assertTrue(code.chars().noneMatch(c -> "0O1IL".indexOf(c) >= 0), code);
            seen.add(code);
        }
        assertTrue(seen.size() > 9_990, "random enough: " + seen.size() + " distinct of 10000");
    }

    @Test
    void repliesAreReadAsHandsetsWriteThem() {
        assertEquals(List.of("K7M2QX"), codes.candidates("k7m2qx"));
        assertEquals(List.of("K7M2QX"), codes.candidates("OK K7M2QX 確認しました"));
        assertEquals(List.of("K7M2QX"), codes.candidates("ＯＫ　Ｋ７Ｍ２ＱＸ"), "full-width letters and digits");
        assertEquals(List.of("K7M2QX"), codes.candidates("返信で確認:K7M2QX"));
        assertEquals(List.of(), codes.candidates("confirmed, thank you"), "words of other lengths are not codes");
        assertEquals(List.of("THANKS", "K7M2QX"), codes.candidates("thanks k7m2qx"), "every word of the length; the store knows which is a code");
        assertEquals(List.of(), codes.candidates(null));
    }

    @Test
    void lengthOutsideFourToSixteenIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConfirmationCodes(3));
        assertThrows(IllegalArgumentException.class, () -> new ConfirmationCodes(17));
    }
}
