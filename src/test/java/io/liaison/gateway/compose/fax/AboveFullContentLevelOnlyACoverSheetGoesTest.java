package io.liaison.gateway.compose.fax;

import java.util.Optional;
import java.util.List;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.store.StoredNotice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Fax is unencrypted: above the configured level only a cover sheet goes, never the content. */
class AboveFullContentLevelOnlyACoverSheetGoesTest {

    @ParameterizedTest
    @EnumSource(value = Tlp.class, names = {"AMBER_STRICT", "RED"})
    void byDefaultAmberStrictAndRedGetACoverSheetWithoutTitleSummaryOrBody(Tlp level) throws Exception {
        StoredNotice notice = FaxNotices.notice(level);
        RenderedFax fax = FaxNotices.renderer(Tlp.AMBER).render(notice, FaxNotices.context());

        assertTrue(fax.coverSheetOnly());
        assertEquals(1, fax.pages());
        String text = FaxPdfShowsBannerOnEveryPageTest.allText(fax.pdf());
        String flat = text.replaceAll("\\s+", "");
        assertFalse(flat.contains("power-update.example"), "body must not be on the cover sheet:\n" + text);
        assertFalse(flat.contains("標的型メール"), "body must not be on the cover sheet:\n" + text);
        assertFalse(flat.contains("Signsofatargetedattack"), "title must not be on the cover sheet:\n" + text);
        assertFalse(flat.contains("制御系ネットワーク"), "title must not be on the cover sheet:\n" + text);
        assertFalse(flat.contains("至急確認を"), "summary must not be on the cover sheet:\n" + text);

        assertTrue(text.contains(notice.reference()), "reference");
        java.util.List<String> lines = text.strip().lines().toList();
        assertEquals(level.display(), lines.get(0), "banner on top:\n" + text);
        assertEquals(level.display(), lines.get(lines.size() - 1), "banner at the bottom:\n" + text);
        assertTrue(text.contains("CONTENT NOT INCLUDED"), text);
        assertTrue(text.contains("encrypted e-mail"), "where to read it:\n" + text);
        assertTrue(flat.contains("暗号化電子メール"), "where to read it, in Japanese:\n" + text);
        assertTrue(text.contains("To confirm receipt"), "how to confirm:\n" + text);
        assertTrue(flat.contains("受領確認"), "how to confirm, in Japanese:\n" + text);
    }

    @Test
    void byDefaultAmberGoesInFull() throws Exception {
        RenderedFax fax = FaxNotices.renderer(Tlp.AMBER).render(FaxNotices.notice(Tlp.AMBER), FaxNotices.context());

        assertFalse(fax.coverSheetOnly());
        String flat = FaxPdfShowsBannerOnEveryPageTest.allText(fax.pdf()).replaceAll("\\s+", "");
        assertTrue(flat.contains(FaxNotices.SECRET_LINE.replaceAll("\\s+", "")));
    }

    @Test
    void theFullContentLevelIsConfigurable() throws Exception {
        RenderedFax amberUnderGreenLimit = FaxNotices.renderer(Tlp.GREEN).render(FaxNotices.notice(Tlp.AMBER), FaxNotices.context());
        RenderedFax greenUnderGreenLimit = FaxNotices.renderer(Tlp.GREEN).render(FaxNotices.notice(Tlp.GREEN), FaxNotices.context());

        assertTrue(amberUnderGreenLimit.coverSheetOnly());
        assertFalse(FaxPdfShowsBannerOnEveryPageTest.allText(amberUnderGreenLimit.pdf()).contains("power-update.example"));
        assertFalse(greenUnderGreenLimit.coverSheetOnly());
        // ...but never above AMBER: fax is a plaintext channel.
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> FaxNotices.renderer(Tlp.RED));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> FaxNotices.renderer(Tlp.AMBER_STRICT));
    }

    @ParameterizedTest
    @EnumSource(value = Tlp.class, names = {"CLEAR", "GREEN", "AMBER"})
    void anIncidentRelayGoesAsACoverSheetAtEveryLevelSinceItsTextNamesTheReporter(Tlp level) throws Exception {
        StoredNotice base = FaxNotices.notice(level);
        StoredNotice relay = new StoredNotice("NISC-INC-2026-00003", io.liaison.gateway.intake.NoticeKind.INCIDENT_RELAY,
                base.priority(), level, false, "east-power", "east-power-soc", "情報連絡 第1報 — east-power/EP-INC-0042",
                base.summary(), base.body(), base.targetSectors(), List.of(), base.createdAt(), Optional.empty());

        RenderedFax fax = FaxNotices.renderer(Tlp.AMBER).render(relay, FaxNotices.context());

        assertTrue(fax.coverSheetOnly());
        String flat = FaxPdfShowsBannerOnEveryPageTest.allText(fax.pdf()).replaceAll("\\s+", "");
        assertFalse(flat.contains("EP-INC-0042"), flat);
        assertFalse(flat.contains("power-update.example"), flat);
    }
}
