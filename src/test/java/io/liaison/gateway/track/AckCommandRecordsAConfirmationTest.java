package io.liaison.gateway.track;

import static io.liaison.gateway.track.TrackingFixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.Main;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ack REF --as POC --note TEXT}: exit 0 and recorded; a POC the notice never reached: exit 2, nothing recorded. */
class AckCommandRecordsAConfirmationTest {
    @TempDir
    Path work;

    @Test
    void ackCommandRecordsTheConfirmationWithItsNoteAndRefusesANonRecipient() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            String ref = h.gateway().send(Notices.earlyWarning()).reference();
            h.gateway().awaitSettled(ref, WAIT);
            h.stopGateway(); // the command opens the same database file
            Path config = work.resolve("gateway.properties");
            try (Writer w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                h.overrides().store(w, "test gateway");
            }

            int refused = Main.run("ack", ref, "--as", "west-power-soc", "--config", config.toString());
            int recorded = Main.run("ack", ref, "--as", "east-power-soc", "--note", "by phone to the duty desk",
                    "--config", config.toString());

            assertEquals(2, refused);
            assertEquals(0, recorded);
            Gateway gateway = h.gateway();
            StatusReport r = gateway.status(ref);
            Confirmation c = r.confirmedOrganisations().get("east-power");
            assertEquals(ConfirmationChannel.CLI, c.channel());
            assertEquals(Optional.of("by phone to the duty desk"), c.note());
            assertEquals(1, r.confirmedOrganisations().size());
            assertTrue(r.confirmations().stream().anyMatch(x -> x.verdict() == ConfirmationVerdict.NOT_A_RECIPIENT
                    && x.pocId().equals(Optional.of("west-power-soc"))));
        }
    }
}
