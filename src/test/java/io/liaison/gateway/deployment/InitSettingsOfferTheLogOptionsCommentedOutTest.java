package io.liaison.gateway.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings file {@code init} writes names the log options an operator may want (json lines, a file in the
 * deployment folder) as comments: read as properties they are not set, so the default (text on standard error)
 * holds until someone uncomments them.
 */
class InitSettingsOfferTheLogOptionsCommentedOutTest {
    @TempDir
    Path folder;

    @Test
    void formatAndFileAreCommentedOptions() throws Exception {
        DeploymentLayout layout = new DeploymentLayout(folder.toAbsolutePath());
        String text = DeploymentSettings.render(new DeploymentRequest(folder, "Liaison Gateway (NISC)", "gateway@nisc.example.jp",
                SmimeChoice.NONE), layout, SmimeChoice.NONE, LocalDate.of(2026, 12, 3));
        assertTrue(text.contains("\n#gateway.log.format=json\n"), text);
        assertTrue(text.contains("\n#gateway.log.file=" + DeploymentSettings.escape(layout.root().resolve("gateway.log").toString()) + "\n"), text);
        Properties p = new Properties();
        p.load(new StringReader(text));
        assertFalse(p.containsKey("gateway.log.format"));
        assertFalse(p.containsKey("gateway.log.file"));
        assertEquals("nisc-duty", p.getProperty("gateway.escalation.duty-poc"), "the lines before are unchanged");
    }
}
