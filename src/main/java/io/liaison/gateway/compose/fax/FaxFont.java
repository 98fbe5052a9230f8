package io.liaison.gateway.compose.fax;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Japanese font shipped inside the artifact (IPAex Gothic, IPA Font License v1.0; see
 * {@code fonts/NOTICE.txt}), so a fax looks the same on every machine and never depends on the fonts
 * a host happens to have. Each PDF embeds only the glyphs it uses.
 */
public final class FaxFont {
    static final String RESOURCE = "/fonts/ipaexg.ttf";
    /** Shown instead of a character the font cannot draw (〓, the customary Japanese placeholder). */
    public static final int REPLACEMENT = 0x3013;

    private static volatile FaxFont bundled;

    private final byte[] file;
    private final CmapLookup cmap;

    private FaxFont(byte[] file) throws IOException {
        this.file = file;
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(file));
        this.cmap = ttf.getUnicodeCmapLookup();
        ttf.close();
    }

    /** The bundled font, read once per process. */
    public static FaxFont bundled() {
        FaxFont f = bundled;
        if (f == null) {
            synchronized (FaxFont.class) {
                f = bundled;
                if (f == null) {
                    try (InputStream in = FaxFont.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("the bundled fax font " + RESOURCE + " is missing from the artifact");
                        }
                        f = new FaxFont(in.readAllBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the bundled fax font " + RESOURCE, e);
                    }
                    bundled = f;
                }
            }
        }
        return f;
    }

    /** Loads the font into {@code document} for subset embedding. */
    PDType0Font loadInto(PDDocument document) throws IOException {
        return PDType0Font.load(document, new RandomAccessReadBuffer(file), true, false); // subset, horizontal
    }

    /** Whether the font has a glyph for this character. */
    public boolean canShow(int codePoint) {
        return cmap.getGlyphId(codePoint) > 0;
    }

    /**
     * The text as the font can draw it: tabs become spaces, other control characters are dropped, and
     * characters without a glyph become {@link #REPLACEMENT}, so a stray emoji never stops a fax.
     */
    public String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t') {
                b.append("    ");
            } else if (Character.isISOControl(cp) || cp == 0xFEFF) {
                // dropped: not drawable
            } else if (cp == ' ' || canShow(cp)) {
                b.appendCodePoint(cp);
            } else {
                b.appendCodePoint(REPLACEMENT);
            }
        });
        return b.toString();
    }
}
