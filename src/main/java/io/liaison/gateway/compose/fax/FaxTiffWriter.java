package io.liaison.gateway.compose.fax;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Rasterises the fax PDF into TIFF-F pages (RFC 2306 / RFC 3949 profile S): 1728 pixels across at
 * 204 dpi, 196 or 98 lines per inch, one bit per pixel with white as zero, CCITT coded, one page per
 * TIFF image. The A4 page is drawn at true scale and centred on the 215 mm scan line.
 */
final class FaxTiffWriter {
    /** Grey levels darker than this become black. */
    private static final int THRESHOLD = 150;
    private static final IndexColorModel WHITE_IS_ZERO = new IndexColorModel(1, 2,
            new byte[] {(byte) 255, 0}, new byte[] {(byte) 255, 0}, new byte[] {(byte) 255, 0});

    private final FaxResolution resolution;
    private final FaxCompression compression;

    FaxTiffWriter(FaxResolution resolution, FaxCompression compression) {
        this.resolution = resolution;
        this.compression = compression;
    }

    byte[] write(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            ImageWriter writer = tiffWriter();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression.imageIoName());
                writer.prepareWriteSequence(null);
                PDFRenderer renderer = new PDFRenderer(doc);
                int pages = doc.getNumberOfPages();
                for (int i = 0; i < pages; i++) {
                    BufferedImage page = bilevel(render(renderer, i, doc.getPage(i).getMediaBox()));
                    writer.writeToSequence(new IIOImage(page, null, metadata(writer, page, param, i, pages)), param);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        }
    }

    /** Pixel height of one page at this resolution. */
    int pageHeight(PDRectangle box) {
        return Math.round(box.getHeight() / 72f * resolution.yDpi());
    }

    private BufferedImage render(PDFRenderer renderer, int index, PDRectangle box) throws IOException {
        float sx = resolution.xDpi() / 72f;
        float sy = resolution.yDpi() / 72f;
        int width = FaxResolution.WIDTH_PIXELS;
        int drawn = Math.round(box.getWidth() * sx);
        BufferedImage grey = new BufferedImage(width, pageHeight(box), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, grey.getWidth(), grey.getHeight());
            g.setBackground(Color.WHITE); // the renderer clears the page with the background colour
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.translate(Math.max(0, (width - drawn) / 2), 0);
            renderer.renderPageToGraphics(index, g, sx, sy);
        } finally {
            g.dispose();
        }
        return grey;
    }

    private static BufferedImage bilevel(BufferedImage grey) {
        BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_BINARY, WHITE_IS_ZERO);
        Raster in = grey.getRaster();
        WritableRaster bits = out.getRaster();
        int w = grey.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < grey.getHeight(); y++) {
            in.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                row[x] = row[x] < THRESHOLD ? 1 : 0;
            }
            bits.setSamples(0, y, w, 1, 0, row);
        }
        return out;
    }

    private IIOMetadata metadata(ImageWriter writer, BufferedImage page, ImageWriteParam param, int index, int pages)
            throws IOException {
        IIOMetadata base = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page), param);
        TIFFDirectory dir = TIFFDirectory.createFromMetadata(base);
        BaselineTIFFTagSet tags = BaselineTIFFTagSet.getInstance();
        dir.addTIFFField(new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_NEW_SUBFILE_TYPE), TIFFTag.TIFF_LONG, 1,
                new long[] {BaselineTIFFTagSet.NEW_SUBFILE_TYPE_SINGLE_PAGE}));
        dir.addTIFFField(new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_X_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1,
                new long[][] {{resolution.xDpi(), 1}}));
        dir.addTIFFField(new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_Y_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1,
                new long[][] {{resolution.yDpi(), 1}}));
        dir.addTIFFField(new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT),
                BaselineTIFFTagSet.RESOLUTION_UNIT_INCH));
        dir.addTIFFField(new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_PAGE_NUMBER), TIFFTag.TIFF_SHORT, 2,
                new char[] {(char) index, (char) pages}));
        dir.addTIFFField(new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_FILL_ORDER),
                BaselineTIFFTagSet.FILL_ORDER_LEFT_TO_RIGHT));
        dir.addTIFFField(new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_ROWS_PER_STRIP), TIFFTag.TIFF_LONG, 1,
                new long[] {page.getHeight()})); // one strip per page
        if (compression == FaxCompression.T4) {
            // one-dimensional coding (MH) with EOLs byte-aligned, as TIFF-F recommends
            dir.addTIFFField(new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_T4_OPTIONS), TIFFTag.TIFF_LONG, 1,
                    new long[] {BaselineTIFFTagSet.T4_OPTIONS_EOL_BYTE_ALIGNED}));
        }
        dir.addTIFFField(new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_SOFTWARE), TIFFTag.TIFF_ASCII, 1,
                new String[] {"Liaison Gateway"}));
        return dir.getAsMetadata();
    }

    private static ImageWriter tiffWriter() {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("tiff");
        if (!it.hasNext()) {
            throw new IllegalStateException("this Java runtime has no TIFF image writer");
        }
        return it.next();
    }
}
