package io.liaison.gateway.dispatch.fax;

import io.liaison.gateway.compose.fax.FaxCompression;
import io.liaison.gateway.compose.fax.FaxResolution;
import io.liaison.gateway.marking.Tlp;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code gateway.fax.*} settings.
 *
 * @param mode where faxes go: an e-mail-to-fax gateway, or a fax server's spool directory
 * @param gatewayDomain the e-mail-to-fax gateway's domain, the part after the {@code @} of {@code FAX=+...@}
 * @param spoolDirectory the fax server's spool directory
 * @param fullContentMaxLevel the most restrictive level sent by fax in full; above it a cover sheet only
 */
public record FaxSettings(Mode mode, String gatewayDomain, Path spoolDirectory, Tlp fullContentMaxLevel,
                          FaxResolution resolution, FaxCompression compression) {

    public enum Mode { EMAIL, SPOOL }

    public static final String PREFIX = "gateway.fax.";
    /** Fax travels unencrypted (phone line, fax server, e-mail-to-fax gateway): AMBER+STRICT and RED never go in full. */
    public static final Tlp HIGHEST_FULL_CONTENT = Tlp.AMBER;

    /**
     * Reads the settings through {@code setting} (name to trimmed, non-empty value).
     *
     * @throws IllegalArgumentException naming the setting that is missing or wrong
     */
    public static FaxSettings from(Function<String, Optional<String>> setting) {
        String modeText = required(setting, "mode");
        Mode mode;
        try {
            mode = Mode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting " + PREFIX + "mode: \"" + modeText + "\" is not email or spool");
        }
        String domain = setting.apply(PREFIX + "gateway-domain").orElse(null);
        if (mode == Mode.EMAIL) {
            try {
                domain = Rfc3192Address.checkedDomain(required(setting, "gateway-domain"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("setting " + PREFIX + "gateway-domain: " + e.getMessage());
            }
        }
        Path spool = Path.of(mode == Mode.SPOOL ? required(setting, "spool-dir")
                : setting.apply(PREFIX + "spool-dir").orElse("fax-spool"));
        String levelText = required(setting, "full-content-max-level");
        Tlp level = Tlp.parse(levelText).orElseThrow(() -> new IllegalArgumentException("setting " + PREFIX
                + "full-content-max-level: \"" + levelText + "\" is not one of " + Tlp.acceptedLabels()));
        if (!HIGHEST_FULL_CONTENT.covers(level)) {
            throw new IllegalArgumentException("setting " + PREFIX + "full-content-max-level: " + level.label()
                    + " is refused: fax is a plaintext channel, and nothing above " + HIGHEST_FULL_CONTENT.label()
                    + " goes by fax in full (above the setting a cover sheet goes instead)");
        }
        FaxResolution resolution = parsed(setting, "resolution", "fine", FaxResolution::parse);
        FaxCompression compression = parsed(setting, "compression", "t4", FaxCompression::parse);
        return new FaxSettings(mode, domain, spool, level, resolution, compression);
    }

    private static <T> T parsed(Function<String, Optional<String>> setting, String name, String fallback,
                                Function<String, T> parser) {
        try {
            return parser.apply(setting.apply(PREFIX + name).orElse(fallback));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting " + PREFIX + name + ": " + e.getMessage());
        }
    }

    private static String required(Function<String, Optional<String>> setting, String name) {
        return setting.apply(PREFIX + name)
                .orElseThrow(() -> new IllegalArgumentException("setting " + PREFIX + name + " is required"));
    }
}
