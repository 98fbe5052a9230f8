package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.audit.AuditEntry;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.DirectoryProblem;
import io.liaison.gateway.directory.ReloadReport;
import io.liaison.gateway.testing.Await;
import io.liaison.gateway.testing.EditedDirectory;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import io.liaison.gateway.track.EscalationRecord;
import io.liaison.gateway.track.StatusReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory changes while the gateway serves: a standby contact added mid-incident by
 * {@code directory reload} (through serve's management endpoint) is the one the next escalation step reaches,
 * and a broken directory is refused whole, naming every problem, while the gateway goes on with the old one.
 * Each reload, accepted or refused, is in the audit trail.
 */
class DirectoryReloadTakesEffectWithoutRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STANDBY_NUMBER = "+819000000059";
    private static final String EAST_POWER_SOC = """
              - id: east-power-soc
                organisation: east-power
                name: East Power SOC duty desk
                role: soc
                channels:
                  - email: soc@east-power.sample.invalid
                  - sms: "+819000000051"
                openpgp_certificate: certs/east-power-soc.asc
            """;

    @TempDir
    Path work;

    @Test
    void aStandbyContactAddedByReloadIsUsedByTheNextEscalationStep() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Path directory = EditedDirectory.ofSample(work.resolve("directory")).write();
            Path config = config(h, directory);
            try (Gateway gateway = start(h, config);
                 ManagementEndpoint endpoint = ManagementEndpoint.start(
                         ManagementEndpoint.settings(GatewaySettings.load(Optional.of(config), new Properties())), gateway)) {
                String ref = gateway.send(Notices.earlyWarning()).reference();
                gateway.awaitSettled(ref, WAIT);

                // Mid-incident: East Power registers a standby desk, and the operator reloads.
                EditedDirectory.ofSample(work.resolve("directory"))
                        .replace(EAST_POWER_SOC, EAST_POWER_SOC + """
                                  - id: east-power-standby
                                    organisation: east-power
                                    name: East Power SOC standby desk
                                    role: soc
                                    standby: true
                                    channels:
                                      - sms: "%s"
                                      - fax: "+81300000059"
                                """.formatted(STANDBY_NUMBER))
                        .write();
                assertEquals(0, Main.run("directory", "reload", "--config", config.toString()), "reload accepted");
                assertTrue(gateway.directory().pointOfContact("east-power-standby").isPresent());

                h.clock.advance(Duration.ofMinutes(15));
                gateway.escalator().runDue(); // step 1: resend
                h.clock.advance(Duration.ofMinutes(10));
                gateway.escalator().runDue(); // step 2: standby
                StatusReport s = Await.until(() -> gateway.status(ref), r -> r.escalations().stream()
                        .anyMatch(e -> e.organisationId().equals("east-power") && e.stepNo() == 2) && r.settled(), WAIT,
                        "east-power's standby step taken and sent");
                EscalationRecord standby = s.escalations().stream()
                        .filter(e -> e.organisationId().equals("east-power") && e.stepNo() == 2).findFirst().orElseThrow();
                assertFalse(standby.detail().contains("no standby point of contact"), standby.detail());
                assertTrue(s.deliveries().stream().anyMatch(d -> d.pocId().equals("east-power-standby")), s.render(gateway.zone()));
                assertTrue(h.smsc.received().stream().anyMatch(m -> m.destination().equals(STANDBY_NUMBER) && m.text().contains(ref)),
                        "the standby desk's phone got the notice");

                List<AuditEntry> reloads = reloadEntries(gateway, "directory.reloaded");
                assertEquals(1, reloads.size());
                assertEquals("management endpoint", reloads.get(0).details().get("via"));
            }
        }
    }

    @Test
    void aBrokenDirectoryIsRefusedWholeAndTheGatewayKeepsServingWithTheOldOne() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Path directory = EditedDirectory.ofSample(work.resolve("directory")).write();
            Path config = config(h, directory);
            try (Gateway gateway = start(h, config);
                 ManagementEndpoint endpoint = ManagementEndpoint.start(
                         ManagementEndpoint.settings(GatewaySettings.load(Optional.of(config), new Properties())), gateway)) {
                Directory before = gateway.directory();
                // Two mistakes and one good change: nothing of it may take effect.
                EditedDirectory.ofSample(work.resolve("directory"))
                        .replace(EAST_POWER_SOC, EAST_POWER_SOC.replace("organisation: east-power", "organisation: east-powr")
                                .replace("certs/east-power-soc.asc", "certs/missing.asc"))
                        .replace("      - sms: \"+819000000021\"\n", "      - sms: \"+819000000029\"\n")
                        .write();

                assertEquals(1, Main.run("directory", "reload", "--config", config.toString()), "the CLI says refused");
                ReloadReport report = gateway.directoryReloader().reload("test");
                assertFalse(report.accepted());
                assertTrue(report.problems().size() >= 2, report.describe());
                assertTrue(report.problems().stream().allMatch(p -> p.file().equals(directory)), report.describe());
                assertTrue(report.problems().stream().map(DirectoryProblem::location).anyMatch(l -> l.contains("organisation")),
                        report.describe());
                assertTrue(report.problems().stream().map(DirectoryProblem::location).anyMatch(l -> l.contains("openpgp_certificate")),
                        report.describe());
                assertSame(before, gateway.directory(), "the old directory stays in force, whole");

                String ref = gateway.send(Notices.earlyWarning()).reference();
                StatusReport s = gateway.awaitSettled(ref, WAIT);
                assertTrue(s.settled(), s.render(gateway.zone()));
                assertTrue(h.smsc.received().stream().anyMatch(m -> m.destination().equals("+819000000021") && m.text().contains(ref)),
                        "sent to the number of the directory in force, not the refused file's");
                assertTrue(h.smsc.received().stream().noneMatch(m -> m.destination().equals("+819000000029")));

                List<AuditEntry> refused = reloadEntries(gateway, "directory.reload-refused");
                assertEquals(2, refused.size(), "the CLI's and the direct reload");
                assertEquals("refused", refused.get(0).details().get("outcome"));
                assertTrue(refused.get(0).details().get("problem_01").startsWith(directory.toString()), refused.get(0).details().toString());
            }
        }
    }

    private static List<AuditEntry> reloadEntries(Gateway gateway, String action) {
        return gateway.audit().read(Optional.empty(), Optional.empty()).stream().filter(e -> e.action().equals(action)).toList();
    }

    private Path config(GatewayHarness h, Path directory) throws IOException {
        Properties p = h.overrides();
        p.setProperty("gateway.directory", directory.toString());
        p.setProperty("gateway.management.port", String.valueOf(GatewayHarness.freePort()));
        Path file = work.resolve("gateway.properties");
        try (var out = Files.newOutputStream(file)) {
            p.store(out, null);
        }
        return file;
    }

    private static Gateway start(GatewayHarness h, Path config) throws Exception {
        return Gateway.builder(GatewaySettings.load(Optional.of(config), new Properties())).clock(h.clock).start();
    }
}
