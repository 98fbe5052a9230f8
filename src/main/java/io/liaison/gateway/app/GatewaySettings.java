package io.liaison.gateway.app;

import io.liaison.gateway.dispatch.RetryPolicy;
import io.liaison.gateway.dispatch.mail.SmtpSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Properties;

/**
 * The gateway's settings, from {@code application.properties} on the class path, overridden by a file
 * given with {@code --config}, overridden by explicit values. Secrets are never settings: only the
 * name of the environment variable or file that holds them.
 */
public final class GatewaySettings {
    private final Properties properties;

    private GatewaySettings(Properties properties) {
        this.properties = properties;
    }

    public static GatewaySettings load(Optional<Path> configFile, Properties overrides) {
        Properties p = new Properties();
        try (InputStream in = GatewaySettings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in application.properties", e);
        }
        if (configFile.isPresent()) {
            try (Reader r = Files.newBufferedReader(configFile.get(), StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new SettingsException(configFile.get() + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            }
        }
        p.putAll(overrides);
        return new GatewaySettings(p);
    }

    public Properties asProperties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    public GatewaySettings with(String key, String value) {
        Properties copy = asProperties();
        copy.setProperty(key, value);
        return new GatewaySettings(copy);
    }

    public String get(String key) {
        String v = properties.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new SettingsException("setting " + key + " is required");
        }
        return v.trim();
    }

    public Optional<String> optional(String key) {
        return Optional.ofNullable(properties.getProperty(key)).map(String::trim).filter(s -> !s.isEmpty());
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(get(key));
        } catch (NumberFormatException e) {
            throw new SettingsException("setting " + key + ": \"" + get(key) + "\" is not a whole number");
        }
    }

    public boolean flag(String key) {
        return optional(key).map(Boolean::parseBoolean).orElse(false);
    }

    public Duration duration(String key) {
        String v = get(key);
        try {
            return Duration.parse(v.startsWith("P") ? v : "PT" + v.toUpperCase());
        } catch (RuntimeException e) {
            throw new SettingsException("setting " + key + ": \"" + v + "\" is not a duration like 5s, 10m or PT1H");
        }
    }

    public Path path(String key) {
        return Path.of(get(key));
    }

    public boolean demoMode() {
        return flag("gateway.demo-mode");
    }

    /**
     * The database password: the variable named by {@code gateway.db.password-env} (LIAISON_DB_PASSWORD), else
     * the content of {@code gateway.db.password-file} (a container secret). Outside demo mode an empty one is
     * refused: the database holds every notice, address and confirmation code, and an embedded H2 file with
     * no password opens for anyone who can read it.
     */
    public String databasePassword() {
        Optional<String> variable = optional("gateway.db.password-env");
        String password = variable.map(System::getenv).filter(v -> !v.isEmpty()).orElse(null);
        Optional<String> file = optional("gateway.db.password-file");
        if (password == null && file.isPresent()) {
            try {
                password = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).replaceAll("[\\r\\n]+$", "");
            } catch (IOException | RuntimeException e) {
                throw new SettingsException("setting gateway.db.password-file: " + file.get() + " cannot be read ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        if ((password == null || password.isEmpty()) && !demoMode()) {
            throw new SettingsException("the database password is empty: set the environment variable "
                    + variable.orElse("named by gateway.db.password-env") + " (setting gateway.db.password-env) or name a file"
                    + " holding it in gateway.db.password-file; outside demo mode the gateway refuses a database without a password");
        }
        return password == null ? "" : password;
    }

    public ZoneId zone() {
        return ZoneId.of(get("gateway.zone"));
    }

    public SmtpSettings smtp() {
        String password = optional("gateway.smtp.password-env").map(System::getenv).orElse(null);
        try {
            return new SmtpSettings(get("gateway.smtp.host"), integer("gateway.smtp.port"),
                    SmtpSettings.StartTls.parse(get("gateway.smtp.starttls")), optional("gateway.smtp.username").orElse(null),
                    password, (int) duration("gateway.smtp.timeout").toMillis(),
                    integer("gateway.smtp.connections"), TransportSecurity.tlsClient(this),
                    strictFlag(SmtpSettings.ALLOW_PLAINTEXT_CREDENTIALS));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    /** A true/false setting where anything else is refused, for settings that lower protection: absent = false. */
    public boolean strictFlag(String key) {
        Optional<String> v = optional(key);
        if (v.isEmpty() || v.get().equalsIgnoreCase("false")) {
            return false;
        }
        if (v.get().equalsIgnoreCase("true")) {
            return true;
        }
        throw new SettingsException("setting " + key + ": \"" + v.get() + "\" is not true or false");
    }

    public RetryPolicy retry(String channel) {
        String base = "gateway.retry." + channel + ".";
        return new RetryPolicy(duration(base + "first-delay"), Double.parseDouble(get(base + "multiplier")),
                duration(base + "max-delay"), integer(base + "max-attempts"));
    }

    /** A setting that cannot be used; the message names the setting, never a secret value. */
    /**
     * The settings as the audit trail records them at each start: every {@code gateway.*} setting except
     * those that could hold a secret. A setting naming where a secret is ({@code …-env}, {@code …-file})
     * is kept, since it is a variable's or file's name, and so is a true/false switch; any other setting
     * whose name says password, passphrase, secret, token or credential is left out whole; user names and passwords written into a URL are blanked.
     */
    public java.util.Map<String, String> nonSecret() {
        java.util.Map<String, String> kept = new java.util.TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("gateway.")) {
                continue;
            }
            String lower = key.toLowerCase(java.util.Locale.ROOT);
            boolean namesWhere = lower.endsWith("-env") || lower.endsWith("-file") || lower.endsWith(".file");
            String value = properties.getProperty(key).trim();
            boolean yesNo = value.equals("true") || value.equals("false"); // allow-plaintext-credentials=… is no secret
            if (!namesWhere && !yesNo && SECRET_WORDS.matcher(lower).find()) {
                continue;
            }
            kept.put(key, withoutCredentials(properties.getProperty(key)));
        }
        return kept;
    }

    private static final java.util.regex.Pattern SECRET_WORDS =
            java.util.regex.Pattern.compile("password|passphrase|passwd|secret|token|credential|private");
    private static final java.util.regex.Pattern URL_USER_INFO = java.util.regex.Pattern.compile("(//)[^/@\\s]+@");
    private static final java.util.regex.Pattern URL_PASSWORD =
            java.util.regex.Pattern.compile("(?i)((?:password|passwd|pwd|user|username)=)[^;&\\s]*");

    /** A JDBC or mail URL may carry a user and password: both are blanked (…//***@host, password=***). */
    static String withoutCredentials(String value) {
        String v = URL_USER_INFO.matcher(value).replaceAll("$1***@");
        return URL_PASSWORD.matcher(v).replaceAll("$1***");
    }

    public static final class SettingsException extends RuntimeException {
        public SettingsException(String message) {
            super(message);
        }
    }
}
