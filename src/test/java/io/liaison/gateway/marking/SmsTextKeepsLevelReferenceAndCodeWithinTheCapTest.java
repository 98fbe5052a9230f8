package io.liaison.gateway.marking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.dispatch.sms.SmsEncoding;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.store.StoredNotice;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmsTextKeepsLevelReferenceAndCodeWithinTheCapTest {
    private final NoticeMarking marking = new NoticeMarking(ZoneId.of("Asia/Tokyo"));

    private static StoredNotice notice(Tlp level, String summary) {
        return new StoredNotice("NISC-EW-2026-00007", NoticeKind.EARLY_WARNING, Priority.URGENT, level, false, "nisc",
                "nisc-duty", "title", summary, "body", List.of("electric-power"), List.of(), Instant.parse("2026-06-01T01:00:00Z"),
                Optional.empty());
    }

    @Test
    void longSummaryIsShortenedToTheCapButLevelReferenceLabelAndCodeStay() {
        StoredNotice n = notice(Tlp.AMBER, "電力制御系への標的型メール攻撃の兆候。".repeat(10));
        DeliveryNote note = new DeliveryNote(Optional.of("再送 REMINDER"), Optional.empty(), List.of(), Optional.of("K7M2QX"));

        String text = marking.sms(n, note, t -> SmsEncoding.segmentsFor(t) <= 2);

        assertTrue(SmsEncoding.segmentsFor(text) <= 2, text);
        assertTrue(text.startsWith("TLP:AMBER NISC-EW-2026-00007 再送 REMINDER 早期警戒: 電力"), text);
        assertTrue(text.endsWith("... 返信で確認: K7M2QX / reply K7M2QX to confirm"), text);
    }

    @Test
    void withoutANoteTheSmsIsExactlyTheMarkedText() {
        StoredNotice n = notice(Tlp.GREEN, "短い要約");
        assertEquals(marking.sms(n), marking.sms(n, DeliveryNote.NONE, t -> true));
    }

    @Test
    void redCarriesOnlyLevelReferenceAndTheCode() {
        String text = marking.sms(notice(Tlp.RED, "秘密の要約"), DeliveryNote.confirmWith("K7M2QX"), t -> true);
        assertEquals("TLP:RED NISC-EW-2026-00007 返信で確認: K7M2QX / reply K7M2QX to confirm", text);
    }

    @Test
    void emailBodyShowsTheCodeRightUnderTheTopBanner() {
        StoredNotice n = notice(Tlp.AMBER, "要約");
        String body = marking.body(n, "NISC", null, List.of(), DeliveryNote.confirmWith("K7M2QX"));
        List<String> lines = body.lines().toList();
        assertEquals(marking.banner(n), lines.subList(0, 3));
        assertEquals("確認コード / Confirmation code: K7M2QX", lines.get(3));
        assertTrue(lines.get(4).startsWith("返信で確認: K7M2QX / reply K7M2QX to confirm"), lines.get(4));
        assertEquals(marking.body(n, "NISC", null, List.of()), marking.body(n, "NISC", null, List.of(), DeliveryNote.NONE));
    }
}
