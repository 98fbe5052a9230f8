package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** gateway.started records the settings an auditor needs, and never a secret written into one by mistake. */
class StartSettingsEntryCarriesNoSecretsTest {

    @Test
    void secretsInSettingsAndUrlsAreLeftOutWhereSecretsAreNamedOnly() {
        Properties p = new Properties();
        p.setProperty("gateway.smtp.password", "hunter2-smtp");
        p.setProperty("gateway.api.token", "tok-123456");
        p.setProperty("gateway.oidc.client-secret", "s3cr3t-client");
        p.setProperty("gateway.db.url", "jdbc:postgresql://gw:hunter2-db@db.example/gw?user=gw&password=hunter2-param");
        p.setProperty("gateway.imap.url", "imaps://duty:hunter2-imap@mail.example/INBOX");
        Map<String, String> recorded = GatewaySettings.load(Optional.empty(), p).nonSecret();

        String all = recorded.toString();
        for (String secret : new String[] {"hunter2", "tok-123456", "s3cr3t-client"}) {
            assertFalse(all.contains(secret), secret + " was recorded: " + all);
        }
        // what says where a secret is, and the switches about secrets, are kept: an auditor needs them
        assertEquals("LIAISON_SMTP_PASSWORD", recorded.get("gateway.smtp.password-env"));
        assertEquals("LIAISON_DB_PASSWORD", recorded.get("gateway.db.password-env"));
        assertEquals("false", recorded.get("gateway.smtp.allow-plaintext-credentials"));
        assertTrue(recorded.get("gateway.db.url").startsWith("jdbc:postgresql://***@db.example/gw?user=***&password=***"),
                recorded.get("gateway.db.url"));
        assertEquals("Asia/Tokyo", recorded.get("gateway.zone"));
        assertFalse(recorded.containsKey("gateway.smtp.password"));
    }
}
