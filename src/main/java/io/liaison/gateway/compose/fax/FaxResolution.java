package io.liaison.gateway.compose.fax;

import java.util.Locale;

/** The two ITU-T T.4 resolutions every Group 3 machine takes: 204 dpi across, 98 or 196 lines per inch down. */
public enum FaxResolution {
    STANDARD(98), FINE(196);

    /** Horizontal resolution of every Group 3 page: 1728 pixels over the 215 mm scan line. */
    public static final int X_DPI = 204;
    /** Pixels per scan line for A4 and Letter (RFC 3949 profile S). */
    public static final int WIDTH_PIXELS = 1728;

    private final int yDpi;

    FaxResolution(int yDpi) {
        this.yDpi = yDpi;
    }

    public int xDpi() {
        return X_DPI;
    }

    public int yDpi() {
        return yDpi;
    }

    /** {@code fine} or {@code standard}, as written in the settings. */
    public static FaxResolution parse(String text) {
        for (FaxResolution r : values()) {
            if (r.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a fax resolution: write fine (204x196) or standard (204x98)");
    }

    public String settingName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
