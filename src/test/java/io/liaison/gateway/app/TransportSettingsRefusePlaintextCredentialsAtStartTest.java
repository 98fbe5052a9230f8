package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.dispatch.mail.SmtpSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transport security by default: the shipped settings require STARTTLS, read IMAP over TLS and send
 * e-mail-to-fax only over TLS; a setting that would put a password on the network in the clear stops the
 * start, naming the setting that would allow it; and every setting that lowers protection is a warning at
 * every start.
 */
class TransportSettingsRefusePlaintextCredentialsAtStartTest {
    @TempDir
    Path work;

    @Test
    void theShippedDefaultsRequireTlsEverywhereAndWarnOfNothing() {
        GatewaySettings shipped = settings(new Properties());
        assertEquals(SmtpSettings.StartTls.REQUIRED, shipped.smtp().startTls());
        assertEquals("imaps", shipped.get("gateway.imap.protocol"));
        assertEquals(List.of(), TransportSecurity.check(shipped.with("gateway.imap.enabled", "true")));
    }

    @Test
    void smtpWithoutStartTlsAndAUserNameIsRefusedUnlessAllowedAndThenWarned() {
        Properties p = new Properties();
        p.setProperty("gateway.smtp.starttls", "none");
        p.setProperty("gateway.smtp.username", "gateway");
        p.setProperty("gateway.fax.mode", "spool");
        GatewaySettings.SettingsException refused = assertThrows(GatewaySettings.SettingsException.class,
                () -> TransportSecurity.check(settings(p)));
        assertTrue(refused.getMessage().contains("gateway.smtp.allow-plaintext-credentials=true"), refused.getMessage());

        p.setProperty("gateway.smtp.allow-plaintext-credentials", "true");
        List<String> warnings = TransportSecurity.check(settings(p));
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("gateway.smtp.starttls=none")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("gateway.smtp.allow-plaintext-credentials=true")), warnings.toString());
    }

    @Test
    void plainImapIsRefusedUnlessAllowedAndThenWarned() {
        Properties p = new Properties();
        p.setProperty("gateway.imap.enabled", "true");
        p.setProperty("gateway.imap.protocol", "imap");
        GatewaySettings.SettingsException refused = assertThrows(GatewaySettings.SettingsException.class,
                () -> TransportSecurity.check(settings(p)));
        assertTrue(refused.getMessage().contains("gateway.imap.allow-plaintext-credentials=true"), refused.getMessage());

        p.setProperty("gateway.imap.allow-plaintext-credentials", "true");
        assertTrue(TransportSecurity.check(settings(p)).stream().anyMatch(w -> w.contains("gateway.imap.allow-plaintext-credentials")));
    }

    @Test
    void anSmppBindPasswordWithoutTlsIsRefusedUnlessAllowedAndThenWarned() {
        Properties p = new Properties();
        // Any variable that is set will do as "a bind password is configured"; its value is never shown.
        p.setProperty("gateway.smpp.password-env", "PATH");
        GatewaySettings.SettingsException refused = assertThrows(GatewaySettings.SettingsException.class,
                () -> TransportSecurity.check(settings(p)));
        assertTrue(refused.getMessage().contains("gateway.smpp.tls=true"), refused.getMessage());
        assertTrue(!refused.getMessage().contains(System.getenv("PATH")), "the password's value is never in the error");

        p.setProperty("gateway.smpp.tls", "true");
        assertEquals(List.of(), TransportSecurity.check(settings(p)));

        p.setProperty("gateway.smpp.tls", "false");
        p.setProperty("gateway.smpp.allow-plaintext-credentials", "true");
        assertTrue(TransportSecurity.check(settings(p)).stream().anyMatch(w -> w.contains("gateway.smpp.allow-plaintext-credentials")));
    }

    @Test
    void emailToFaxWithoutRequiredStartTlsIsRefusedUnlessAllowed() {
        Properties p = new Properties();
        p.setProperty("gateway.smtp.starttls", "optional");
        GatewaySettings.SettingsException refused = assertThrows(GatewaySettings.SettingsException.class,
                () -> TransportSecurity.check(settings(p)));
        assertTrue(refused.getMessage().contains("gateway.fax.mode=email needs gateway.smtp.starttls=required"), refused.getMessage());

        p.setProperty("gateway.fax.allow-email-without-tls", "true");
        assertTrue(TransportSecurity.check(settings(p)).stream().anyMatch(w -> w.contains("gateway.fax.allow-email-without-tls")));
    }

    @Test
    void aLoweringSettingMustSayExactlyTrueAndATruststoreMustBeReadable() {
        Properties p = new Properties();
        p.setProperty("gateway.smtp.allow-plaintext-credentials", "yes");
        assertThrows(GatewaySettings.SettingsException.class, () -> TransportSecurity.check(settings(p)));

        Properties q = new Properties();
        q.setProperty("gateway.tls.truststore.file", work.resolve("missing.p12").toString());
        GatewaySettings.SettingsException refused = assertThrows(GatewaySettings.SettingsException.class,
                () -> TransportSecurity.check(settings(q)));
        assertTrue(refused.getMessage().contains("gateway.tls.truststore.file"), refused.getMessage());
    }

    private static GatewaySettings settings(Properties p) {
        return GatewaySettings.load(Optional.empty(), p);
    }
}
