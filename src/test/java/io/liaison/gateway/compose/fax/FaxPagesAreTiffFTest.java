package io.liaison.gateway.compose.fax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.marking.Tlp;
import java.util.List;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The TIFF a fax server or e-mail-to-fax gateway receives is TIFF-F: read back with ImageIO and checked tag by tag. */
class FaxPagesAreTiffFTest {

    @ParameterizedTest
    @EnumSource(FaxCompression.class)
    void multiPageNoticeBecomesBilevelFaxPagesOfTheRightSizeResolutionAndCoding(FaxCompression compression) throws Exception {
        FaxRenderer renderer = new FaxRenderer(FaxNotices.TOKYO, Tlp.AMBER, FaxResolution.FINE, compression);
        RenderedFax fax = renderer.render(FaxNotices.notice(Tlp.AMBER, "NISC-EW-2026-00007", FaxNotices.body(9)),
                FaxNotices.context());

        List<TiffPages.Page> pages = TiffPages.read(fax.tiff());
        int pdfPages;
        try (PDDocument pdf = Loader.loadPDF(fax.pdf())) {
            pdfPages = pdf.getNumberOfPages();
        }
        assertTrue(pdfPages >= 2, "the long notice needs more than one page, got " + pdfPages);
        assertEquals(pdfPages, fax.pages());
        assertEquals(pdfPages, pages.size(), "one TIFF page per PDF page");
        for (int i = 0; i < pages.size(); i++) {
            TiffPages.Page p = pages.get(i);
            assertEquals(1728, p.image().getWidth(), "page width in pixels");
            assertEquals(2292, p.image().getHeight(), "A4 at 196 lines per inch");
            assertEquals(204.0, p.xDpi(), "horizontal resolution");
            assertEquals(196.0, p.yDpi(), "vertical resolution");
            assertEquals(BaselineTIFFTagSet.RESOLUTION_UNIT_INCH, p.tag(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT));
            assertEquals(compression.tiffCode(), p.compression(), "CCITT coding");
            assertEquals(1, p.tags().getTIFFField(BaselineTIFFTagSet.TAG_BITS_PER_SAMPLE) == null ? 1
                    : p.tag(BaselineTIFFTagSet.TAG_BITS_PER_SAMPLE), "bilevel: one bit per sample (1 is the TIFF default)");
            assertEquals(1, p.tag(BaselineTIFFTagSet.TAG_SAMPLES_PER_PIXEL), "one sample per pixel");
            assertEquals(1, p.image().getColorModel().getPixelSize(), "bilevel image");
            assertEquals(BaselineTIFFTagSet.PHOTOMETRIC_INTERPRETATION_WHITE_IS_ZERO,
                    p.tag(BaselineTIFFTagSet.TAG_PHOTOMETRIC_INTERPRETATION), "TIFF-F writes white as zero");
            assertEquals(i, p.tags().getTIFFField(BaselineTIFFTagSet.TAG_PAGE_NUMBER).getAsInt(0), "page number");
            assertEquals(pages.size(), p.tags().getTIFFField(BaselineTIFFTagSet.TAG_PAGE_NUMBER).getAsInt(1), "page count");
            double black = p.blackShare();
            assertTrue(black > 0.01 && black < 0.25, "a printed page, mostly white, not inverted: black share " + black);
        }
    }

    @Test
    void standardResolutionHalvesTheLinesButKeepsTheWidth() throws Exception {
        FaxRenderer renderer = new FaxRenderer(FaxNotices.TOKYO, Tlp.AMBER, FaxResolution.STANDARD, FaxCompression.T4);
        RenderedFax fax = renderer.render(FaxNotices.notice(Tlp.GREEN), FaxNotices.context());

        List<TiffPages.Page> pages = TiffPages.read(fax.tiff());
        assertEquals(fax.pages(), pages.size());
        TiffPages.Page p = pages.get(0);
        assertEquals(1728, p.image().getWidth());
        assertEquals(1146, p.image().getHeight(), "A4 at 98 lines per inch");
        assertEquals(204.0, p.xDpi());
        assertEquals(98.0, p.yDpi());
        assertEquals(FaxResolution.STANDARD, fax.resolution());
    }
}
