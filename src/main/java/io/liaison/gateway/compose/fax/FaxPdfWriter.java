package io.liaison.gateway.compose.fax;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays a {@link FaxSheet} out on A4 pages. Every page carries the level banner at the top and at the
 * bottom (white on black, so it survives a poor line), and under and over it the reference, the
 * sender and "page n/m", so a single page picked up from the tray still says what it is.
 */
final class FaxPdfWriter {
    static final PDRectangle PAGE = PDRectangle.A4;

    private static final float MARGIN_X = 40f;
    private static final float MARGIN_Y = 30f;
    private static final float BANNER_HEIGHT = 30f;
    private static final float BANNER_SIZE = 15f;
    private static final float INFO_SIZE = 9.5f;
    private static final float INFO_GAP = 13f;
    private static final float BODY_SIZE = 10.5f;
    private static final float LEADING = 15.5f;
    private static final float CONTENT_WIDTH = PAGE.getWidth() - 2 * MARGIN_X;
    private static final float BODY_TOP = PAGE.getHeight() - MARGIN_Y - BANNER_HEIGHT - INFO_GAP - 2 * LEADING + 6f;
    private static final float BODY_BOTTOM = MARGIN_Y + BANNER_HEIGHT + INFO_GAP + 12f;
    static final int LINES_PER_PAGE = (int) ((BODY_TOP - BODY_BOTTOM) / LEADING) + 1;

    /** Characters that may not begin a line (kinsoku): they hang at the end of the previous one. */
    private static final Set<Integer> NO_START = codePoints("、。，．,.・：；:;！？!?）)］]｝}〕〉》」』】〙〗ゝゞーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻‐–—…");
    /** Characters that may not end a line. */
    private static final Set<Integer> NO_END = codePoints("（(［[｛{〔〈《「『【〘〖");

    private final FaxFont font;

    FaxPdfWriter(FaxFont font) {
        this.font = font;
    }

    /** The PDF bytes and its page count. */
    record Written(byte[] pdf, int pages) {
    }

    Written write(FaxSheet sheet) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font pdFont = font.loadInto(doc);
            Widths widths = new Widths(pdFont);
            List<List<String>> pages = paginate(layout(sheet, widths));
            int total = pages.size();
            for (int i = 0; i < total; i++) {
                PDPage page = new PDPage(PAGE);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    String info = infoLine(sheet, widths, i + 1, total);
                    float top = PAGE.getHeight() - MARGIN_Y;
                    banner(cs, pdFont, widths, sheet.bannerText(), top - BANNER_HEIGHT);
                    text(cs, pdFont, INFO_SIZE, MARGIN_X, top - BANNER_HEIGHT - INFO_GAP, info);
                    body(cs, pdFont, pages.get(i));
                    text(cs, pdFont, INFO_SIZE, MARGIN_X, MARGIN_Y + BANNER_HEIGHT + 5f, info);
                    banner(cs, pdFont, widths, sheet.bannerText(), MARGIN_Y);
                }
            }
            PDDocumentInformation meta = doc.getDocumentInformation();
            meta.setTitle(sheet.reference() + " " + sheet.level().label() + (sheet.coverSheetOnly() ? " fax cover sheet" : " fax"));
            meta.setCreator("Liaison Gateway");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return new Written(out.toByteArray(), total);
        }
    }

    private String infoLine(FaxSheet sheet, Widths widths, int page, int total) {
        String left = "Ref / 参照番号: " + sheet.reference() + "    From / 発信元: ";
        String right = "    Page / 頁 " + page + "/" + total;
        String sender = font.printable(sheet.sender());
        float room = CONTENT_WIDTH - widths.of(left + right, INFO_SIZE);
        while (!sender.isEmpty() && widths.of(sender, INFO_SIZE) > room) {
            sender = sender.substring(0, sender.length() - 2) + "…";
            if (sender.length() <= 2) {
                sender = "…";
                break;
            }
        }
        return left + sender + right;
    }

    private static void banner(PDPageContentStream cs, PDType0Font pdFont, Widths widths, String text, float y) throws IOException {
        cs.setNonStrokingColor(0f);
        cs.addRect(MARGIN_X, y, CONTENT_WIDTH, BANNER_HEIGHT);
        cs.fill();
        float size = BANNER_SIZE;
        while (widths.of(text, size) > CONTENT_WIDTH - 16f && size > 8f) {
            size -= 0.5f;
        }
        float x = MARGIN_X + (CONTENT_WIDTH - widths.of(text, size)) / 2;
        cs.setNonStrokingColor(1f);
        text(cs, pdFont, size, x, y + (BANNER_HEIGHT - size) / 2 + size * 0.12f, text);
        cs.setNonStrokingColor(0f);
    }

    private static void body(PDPageContentStream cs, PDType0Font pdFont, List<String> lines) throws IOException {
        float y = BODY_TOP;
        for (String line : lines) {
            if (line == FaxSheet.RULE) {
                cs.setLineWidth(0.8f);
                cs.moveTo(MARGIN_X, y + 3.5f);
                cs.lineTo(MARGIN_X + CONTENT_WIDTH, y + 3.5f);
                cs.stroke();
            } else if (!line.isEmpty()) {
                text(cs, pdFont, BODY_SIZE, MARGIN_X, y, line);
            }
            y -= LEADING;
        }
    }

    private static void text(PDPageContentStream cs, PDType0Font pdFont, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(pdFont, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    /** Display lines: wrapped to the page width; rules stay the identical {@link FaxSheet#RULE} instance. */
    private List<String> layout(FaxSheet sheet, Widths widths) {
        List<String> out = new ArrayList<>();
        for (String logical : sheet.lines()) {
            if (FaxSheet.RULE.equals(logical)) {
                out.add(FaxSheet.RULE);
            } else {
                out.addAll(wrap(font.printable(logical), CONTENT_WIDTH, BODY_SIZE, widths));
            }
        }
        return out;
    }

    private static List<List<String>> paginate(List<String> lines) {
        List<List<String>> pages = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += LINES_PER_PAGE) {
            List<String> page = new ArrayList<>(lines.subList(i, Math.min(lines.size(), i + LINES_PER_PAGE)));
            if (pages.size() > 0 && !page.isEmpty() && page.get(0).isEmpty()) {
                page.remove(0); // a page does not start with a blank line
            }
            pages.add(page);
        }
        if (pages.isEmpty()) {
            pages.add(List.of());
        }
        return pages;
    }

    /**
     * Greedy line breaking for mixed Japanese and Latin text: Latin words break at spaces, Japanese may
     * break between any two characters except before a closing mark or after an opening one.
     */
    static List<String> wrap(String text, float maxWidth, float size, Widths widths) {
        int[] cps = text.codePoints().toArray();
        int n = cps.length;
        List<String> out = new ArrayList<>();
        if (n == 0) {
            out.add("");
            return out;
        }
        int start = 0;
        while (start < n) {
            float acc = 0;
            int i = start;
            int lastBreak = -1;
            while (i < n && (acc + widths.of(cps[i], size) <= maxWidth || i == start)) {
                acc += widths.of(cps[i], size);
                i++;
                if (i < n && breakable(cps[i - 1], cps[i])) {
                    lastBreak = i;
                }
            }
            if (i >= n) {
                out.add(new String(cps, start, n - start).stripTrailing());
                break;
            }
            int cut = lastBreak > start ? lastBreak : i;
            for (int hang = 0; hang < 2 && cut < n && NO_START.contains(cps[cut]); hang++) {
                cut++; // hanging punctuation: a closing mark stays on its line, slightly into the margin
            }
            out.add(new String(cps, start, cut - start).stripTrailing());
            start = cut;
            while (start < n && cps[start] == ' ') {
                start++;
            }
        }
        return out;
    }

    private static boolean breakable(int before, int after) {
        if (after == ' ') {
            return false;
        }
        if (before == ' ') {
            return true;
        }
        if (NO_START.contains(after) || NO_END.contains(before)) {
            return false;
        }
        return wide(before) || wide(after);
    }

    /** Japanese and other full-width characters, between which a line may break. */
    private static boolean wide(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF60);
    }

    private static Set<Integer> codePoints(String s) {
        Set<Integer> set = new java.util.HashSet<>();
        s.codePoints().forEach(set::add);
        return Set.copyOf(set);
    }

    /** Advance widths in points, cached per character. */
    static final class Widths {
        private final PDType0Font font;
        private final Map<Integer, Float> perMille = new HashMap<>();

        Widths(PDType0Font font) {
            this.font = font;
        }

        float of(int codePoint, float size) {
            Float w = perMille.computeIfAbsent(codePoint, cp -> {
                try {
                    return font.getStringWidth(new String(Character.toChars(cp)));
                } catch (IOException | IllegalArgumentException e) {
                    return 1000f;
                }
            });
            return w * size / 1000f;
        }

        float of(String s, float size) {
            float sum = 0;
            for (int cp : s.codePoints().toArray()) {
                sum += of(cp, size);
            }
            return sum;
        }
    }
}
