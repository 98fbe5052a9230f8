package io.liaison.gateway.app;

import io.liaison.gateway.dispatch.TlsClient;
import io.liaison.gateway.dispatch.fax.FaxSettings;
import io.liaison.gateway.dispatch.mail.SmtpSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the transport settings allow, judged once at every start: a setting that would put credentials on
 * the network in the clear is refused unless a setting named for exactly that says so, and every setting
 * that lowers protection is a warning printed at every start, so it is never forgotten in a config file.
 */
final class TransportSecurity {
    static final String TRUSTSTORE_FILE = "gateway.tls.truststore.file";
    static final String TRUSTSTORE_PASSWORD_ENV = "gateway.tls.truststore.password-env";
    static final String IMAP_ALLOW_PLAINTEXT_CREDENTIALS = "gateway.imap.allow-plaintext-credentials";
    static final String SMPP_TLS = "gateway.smpp.tls";
    static final String SMPP_ALLOW_PLAINTEXT_CREDENTIALS = "gateway.smpp.allow-plaintext-credentials";
    static final String FAX_ALLOW_EMAIL_WITHOUT_TLS = "gateway.fax.allow-email-without-tls";

    private TransportSecurity() {
    }

    /** The TLS client of the SMTP and SMPP sessions: the JVM's trusted roots, or the configured truststore's. */
    static TlsClient tlsClient(GatewaySettings s) {
        Optional<String> file = s.optional(TRUSTSTORE_FILE);
        if (file.isEmpty()) {
            return TlsClient.jvmDefault();
        }
        String password = s.optional(TRUSTSTORE_PASSWORD_ENV).map(System::getenv).filter(p -> !p.isEmpty()).orElse(null);
        try {
            return TlsClient.trusting(Path.of(file.get()), password == null ? null : password.toCharArray());
        } catch (IllegalArgumentException e) {
            throw new GatewaySettings.SettingsException("setting " + TRUSTSTORE_FILE + ": " + e.getMessage());
        }
    }

    /**
     * Refuses settings that would send a password without TLS, and returns the warnings to print at start.
     *
     * @throws GatewaySettings.SettingsException naming the setting and the one that would allow it
     */
    static List<String> check(GatewaySettings s) {
        List<String> warnings = new ArrayList<>();
        try {
            FaxSettings.from(s::optional); // the fax level, before anything opens
        } catch (IllegalArgumentException e) {
            throw new GatewaySettings.SettingsException(e.getMessage());
        }
        SmtpSettings smtp = s.smtp(); // refuses starttls=none with a user name, unless allowed
        switch (smtp.startTls()) {
            case NONE -> warnings.add("gateway.smtp.starttls=none: e-mail goes to " + smtp.host() + ":" + smtp.port()
                    + " without TLS; its envelope and outer header fields can be read on the way");
            case OPTIONAL -> warnings.add("gateway.smtp.starttls=optional: whoever strips STARTTLS on the way to "
                    + smtp.host() + " gets the mail without TLS (the password is still never sent in the clear)");
            case REQUIRED -> { }
        }
        if (smtp.allowPlaintextCredentials()) {
            warnings.add(SmtpSettings.ALLOW_PLAINTEXT_CREDENTIALS + "=true: the SMTP password may be sent without TLS");
        }
        if (s.flag("gateway.imap.enabled")) {
            String protocol = s.get("gateway.imap.protocol").toLowerCase(Locale.ROOT);
            if (protocol.equals("imap")) {
                if (!s.strictFlag(IMAP_ALLOW_PLAINTEXT_CREDENTIALS)) {
                    throw new GatewaySettings.SettingsException("setting gateway.imap.protocol=imap would send the IMAP login"
                            + " in the clear: use imaps, or set " + IMAP_ALLOW_PLAINTEXT_CREDENTIALS + "=true to accept that");
                }
                warnings.add("gateway.imap.protocol=imap with " + IMAP_ALLOW_PLAINTEXT_CREDENTIALS
                        + "=true: the IMAP login and every reply are read without TLS");
            } else if (!protocol.equals("imaps")) {
                throw new GatewaySettings.SettingsException("setting gateway.imap.protocol: \"" + protocol + "\" is not imaps or imap");
            }
        }
        boolean smppPassword = s.optional("gateway.smpp.password-env").map(System::getenv).filter(p -> !p.isEmpty()).isPresent();
        if (!s.strictFlag(SMPP_TLS) && smppPassword) {
            if (!s.strictFlag(SMPP_ALLOW_PLAINTEXT_CREDENTIALS)) {
                throw new GatewaySettings.SettingsException("setting " + SMPP_TLS + "=false with a bind password set would send"
                        + " the SMPP password in the clear: set " + SMPP_TLS + "=true, or " + SMPP_ALLOW_PLAINTEXT_CREDENTIALS
                        + "=true to accept that");
            }
            warnings.add(SMPP_ALLOW_PLAINTEXT_CREDENTIALS + "=true: the SMPP bind password is sent without TLS");
        }
        if (s.optional("gateway.fax.mode").orElse("").equalsIgnoreCase("email") && smtp.startTls() != SmtpSettings.StartTls.REQUIRED) {
            if (!s.strictFlag(FAX_ALLOW_EMAIL_WITHOUT_TLS)) {
                throw new GatewaySettings.SettingsException("setting gateway.fax.mode=email needs gateway.smtp.starttls=required:"
                        + " a fax e-mail carries the notice unencrypted (set " + FAX_ALLOW_EMAIL_WITHOUT_TLS + "=true to accept that)");
            }
            warnings.add(FAX_ALLOW_EMAIL_WITHOUT_TLS + "=true: fax pages may go to the e-mail-to-fax gateway without TLS");
        }
        return List.copyOf(warnings);
    }
}
