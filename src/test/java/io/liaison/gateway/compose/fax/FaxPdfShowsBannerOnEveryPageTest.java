package io.liaison.gateway.compose.fax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.intake.FollowUp;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.store.StoredNotice;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** What a duty officer sees on every page of the PDF, checked by PDFBox's own text extraction. */
class FaxPdfShowsBannerOnEveryPageTest {

    @Test
    void everyPageCarriesLevelWithJapaneseLabelReferenceSenderAndPageNumberAtTopAndBottom() throws Exception {
        RenderedFax fax = FaxNotices.renderer(Tlp.AMBER).render(
                FaxNotices.notice(Tlp.AMBER, "NISC-EW-2026-00007", FaxNotices.body(9)), FaxNotices.context());

        assertTrue(fax.pages() >= 2);
        for (int page = 1; page <= fax.pages(); page++) {
            String text = pageText(fax.pdf(), page);
            List<String> lines = text.strip().lines().toList();
            String banner = "TLP:AMBER（組織内及び顧客限り（知る必要のある者））";
            assertEquals(banner, lines.get(0), "level banner with its Japanese label on top of page " + page + ":\n" + text);
            assertEquals(banner, lines.get(lines.size() - 1), "level banner at the bottom of page " + page + ":\n" + text);
            assertTrue(count(text, "NISC-EW-2026-00007") >= 2, "reference at top and bottom of page " + page);
            assertTrue(count(text, "内閣サイバーセキュリティセンター NISC") >= 2, "sender at top and bottom of page " + page);
            assertEquals(2, count(text, "頁 " + page + "/" + fax.pages()), "page n/m at top and bottom of page " + page);
        }
    }

    @Test
    void japaneseTextIsDrawnInTheBundledEmbeddedFont() throws Exception {
        RenderedFax fax = FaxNotices.renderer(Tlp.AMBER).render(FaxNotices.notice(Tlp.AMBER), FaxNotices.context());

        String all = allText(fax.pdf());
        assertTrue(all.contains("送信元ドメイン power-update.example への通信をブロックすること。"), all);
        assertTrue(all.contains(FaxNotices.TITLE), "title in full content");
        try (PDDocument doc = Loader.loadPDF(fax.pdf())) {
            PDPage first = doc.getPage(0);
            for (var name : first.getResources().getFontNames()) {
                PDFont font = first.getResources().getFont(name);
                assertTrue(font.getName().endsWith("IPAexGothic"), "bundled font, got " + font.getName());
                assertTrue(font.isEmbedded(), "font embedded so the PDF renders anywhere");
                assertTrue(font.getName().matches("[A-Z]{6}\\+IPAexGothic"), "embedded as a subset: " + font.getName());
            }
        }
        assertTrue(fax.pdf().length < 500_000, "a subset, not the whole 6 MB font: " + fax.pdf().length + " bytes");
    }

    @Test
    void exerciseIsMarkedInTheBannerAndCharactersWithoutAGlyphDoNotStopTheFax() throws Exception {
        StoredNotice exercise = new StoredNotice("NISC-EXERCISE-EW-2026-00001", NoticeKind.EARLY_WARNING, Priority.HIGH, Tlp.GREEN,
                true, "nisc", "nisc-duty", "演習 Exercise", "演習", "訓練用の通知です 🚨 tab\there.", List.of(), List.of(),
                Instant.parse("2026-12-01T01:00:00Z"), Optional.empty());

        RenderedFax fax = FaxNotices.renderer(Tlp.AMBER).render(exercise, FaxNotices.context());

        String text = pageText(fax.pdf(), 1);
        List<String> lines = text.strip().lines().toList();
        assertEquals("EXERCISE / 演習  —  TLP:GREEN（コミュニティ内限り）", lines.get(0), text);
        assertEquals(lines.get(0), lines.get(lines.size() - 1), text);
        assertTrue(text.contains("訓練用の通知です 〓 tab    here."), "emoji replaced by 〓, tab by spaces:\n" + text);
    }

    @Test
    void anUpdateOrCancellationSaysWhatItSupersedesEvenOnACoverSheet() throws Exception {
        StoredNotice original = FaxNotices.notice(Tlp.RED);
        StoredNotice cancel = new StoredNotice("NISC-EW-2026-00007-C", original.kind(), original.priority(), Tlp.RED, false,
                "nisc", "nisc-duty", original.title(), original.summary(), "取消 / cancelled", List.of(), List.of(),
                original.createdAt(), Optional.of(new FollowUp(FollowUp.Type.CANCEL, "NISC-EW-2026-00007")));

        RenderedFax fax = FaxNotices.renderer(Tlp.AMBER).render(cancel, FaxNotices.context());

        assertTrue(fax.coverSheetOnly());
        assertTrue(allText(fax.pdf()).contains("取消 CANCEL: cancels NISC-EW-2026-00007"), allText(fax.pdf()));
    }

    @Test
    void longLinesWrapInsideThePageAndKeepEveryCharacter() throws Exception {
        String longLine = "あ".repeat(150) + " " + "word ".repeat(60);
        RenderedFax fax = FaxNotices.renderer(Tlp.AMBER).render(
                FaxNotices.notice(Tlp.CLEAR, "NISC-PR3-2026-00001", longLine), FaxNotices.context());

        String text = allText(fax.pdf()).replaceAll("\\s+", "");
        assertTrue(text.contains("あ".repeat(150) + "word".repeat(60)), "nothing lost when wrapping");
        try (PDDocument doc = Loader.loadPDF(fax.pdf())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (String line : stripper.getText(doc).split("\\R")) {
                assertFalse(line.length() > 110, "a line wider than the page: " + line);
            }
        }
    }

    static String pageText(byte[] pdf, int page) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(doc);
        }
    }

    static String allText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
