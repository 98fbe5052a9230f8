package io.liaison.gateway.interfaces.web.console;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The console's words in one language, from {@code console/console_ja.properties} or
 * {@code console_en.properties} (UTF-8). Japanese unless English is asked for; a missing key shows
 * itself (a test keeps both bundles' keys equal), so a page never fails over a label.
 */
final class Labels {
    private final ResourceBundle bundle;
    private final Locale locale;

    private Labels(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("console.console", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static final Labels JA = new Labels(Locale.JAPANESE);
    private static final Labels EN = new Labels(Locale.ENGLISH);

    static Labels of(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? EN : JA;
    }

    Locale locale() {
        return locale;
    }

    String language() {
        return locale.getLanguage();
    }

    String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    String format(String key, Object... arguments) {
        return new MessageFormat(get(key).replace("'", "''"), locale).format(arguments);
    }
}
