package io.liaison.gateway.compose.fax;

import java.util.Locale;

/**
 * The CCITT coding of the TIFF pages. T.4 one-dimensional (MH) is what RFC 3949 profile S requires and
 * every fax server takes; T.6 (MMR) is smaller, for servers that accept profile F.
 */
public enum FaxCompression {
    T4("CCITT T.4", 3), T6("CCITT T.6", 4);

    private final String imageIoName;
    private final int tiffCode;

    FaxCompression(String imageIoName, int tiffCode) {
        this.imageIoName = imageIoName;
        this.tiffCode = tiffCode;
    }

    /** The compression type name of the JDK's TIFF writer. */
    public String imageIoName() {
        return imageIoName;
    }

    /** The value of the TIFF Compression tag (259). */
    public int tiffCode() {
        return tiffCode;
    }

    /** {@code t4} or {@code t6}, as written in the settings. */
    public static FaxCompression parse(String text) {
        for (FaxCompression c : values()) {
            if (c.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a fax compression: write t4 (CCITT T.4, MH) or t6 (CCITT T.6, MMR)");
    }

    public String settingName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
