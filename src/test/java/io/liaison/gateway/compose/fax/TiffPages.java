package io.liaison.gateway.compose.fax;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.stream.ImageInputStream;

/** A TIFF file read back with the JDK's ImageIO reader: each page's image and its tags. */
public final class TiffPages {
    /** One page as the reader sees it. */
    public record Page(BufferedImage image, TIFFDirectory tags) {
        public long tag(int number) {
            TIFFField f = tags.getTIFFField(number);
            if (f == null) {
                throw new AssertionError("TIFF tag " + number + " is missing");
            }
            return f.getAsLong(0);
        }

        /** A RATIONAL tag as a double, e.g. XResolution. */
        public double rational(int number) {
            TIFFField f = tags.getTIFFField(number);
            if (f == null) {
                throw new AssertionError("TIFF tag " + number + " is missing");
            }
            long[] r = f.getAsRational(0);
            return (double) r[0] / r[1];
        }

        public double xDpi() {
            return rational(BaselineTIFFTagSet.TAG_X_RESOLUTION);
        }

        public double yDpi() {
            return rational(BaselineTIFFTagSet.TAG_Y_RESOLUTION);
        }

        public long compression() {
            return tag(BaselineTIFFTagSet.TAG_COMPRESSION);
        }

        /** Share of black pixels, to see that something was drawn and the page is not inverted. */
        public double blackShare() {
            java.awt.image.Raster raster = image.getRaster();
            java.awt.image.ColorModel cm = image.getColorModel();
            boolean[] blackSample = {(cm.getRGB(0) & 0xFF) < 128, (cm.getRGB(1) & 0xFF) < 128};
            int w = image.getWidth();
            int[] row = new int[w];
            long black = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int v : row) {
                    if (blackSample[v]) {
                        black++;
                    }
                }
            }
            return (double) black / ((long) w * image.getHeight());
        }
    }

    private TiffPages() {
    }

    public static List<Page> read(byte[] tiff) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("tiff");
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(tiff))) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            List<Page> pages = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                pages.add(new Page(reader.read(i), TIFFDirectory.createFromMetadata(reader.getImageMetadata(i))));
            }
            return pages;
        } finally {
            reader.dispose();
        }
    }
}
