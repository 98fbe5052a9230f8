package io.liaison.gateway.track;

import static io.liaison.gateway.track.TrackingFixture.EAST_SOC;
import static io.liaison.gateway.track.TrackingFixture.GATEWAY_SENDER;
import static io.liaison.gateway.track.TrackingFixture.METI_LIAISON;
import static io.liaison.gateway.track.TrackingFixture.POWER_DUTY;
import static io.liaison.gateway.track.TrackingFixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcConfirmationStore;
import io.liaison.gateway.testing.Await;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unknown code, another recipient's code, a stranger's number: a clear answer, a rejected attempt, nothing else. */
class BadSmsRepliesAreRejectedAndRecordNothingTest {
    private static final String STRANGER = "+819099999999";

    @TempDir
    Path work;

    @Test
    void unknownCodeIsRejectedAndTheSenderTold() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);
            Instant start = h.clock.instant();
            int before = h.smsc.received().size();

            h.smsc.injectReply(POWER_DUTY, GATEWAY_SENDER, "OK QQQQQQ");

            assertTrue(TrackingFixture.nextSmsTo(h.smsc, POWER_DUTY, before).contains("Unknown code; nothing recorded"));
            List<Confirmation> attempts = attemptsSince(h, start);
            assertEquals(1, attempts.size());
            assertEquals(ConfirmationVerdict.UNKNOWN_CODE, attempts.get(0).verdict());
            assertEquals("power-ceptoar-duty", attempts.get(0).pocId().orElseThrow(), "the number is known, the code is not");
            assertTrue(gateway.status(ref).confirmedOrganisations().isEmpty());
        }
    }

    @Test
    void anotherRecipientsCodeIsRejectedAndStaysUsableByItsOwner() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);
            String eastCode = TrackingFixture.codeSentTo(h.smsc, EAST_SOC, ref);
            int before = h.smsc.received().size();

            h.smsc.injectReply(POWER_DUTY, GATEWAY_SENDER, eastCode);

            assertTrue(TrackingFixture.nextSmsTo(h.smsc, POWER_DUTY, before).contains("This code was not issued to you"));
            StatusReport r = Await.until(() -> gateway.status(ref), s -> s.confirmations().size() == 1, WAIT, "attempt recorded");
            assertEquals(ConfirmationVerdict.CODE_NOT_FOR_SENDER, r.confirmations().get(0).verdict());
            assertEquals("power-ceptoar-duty", r.confirmations().get(0).pocId().orElseThrow());
            assertTrue(r.confirmedOrganisations().isEmpty(), "neither east-power nor power-ceptoar confirmed");
            assertTrue(r.render(gateway.zone()).contains("sms-reply from power-ceptoar-duty: code issued to another recipient"));

            h.smsc.injectReply(EAST_SOC, GATEWAY_SENDER, eastCode);
            StatusReport owner = Await.until(() -> gateway.status(ref),
                    s -> s.confirmedOrganisations().containsKey("east-power"), WAIT, "east-power confirmed with its own code");
            assertEquals("east-power-soc", owner.confirmedOrganisations().get("east-power").pocId().orElseThrow());
            assertEquals(1, owner.confirmedOrganisations().size());
        }
    }

    @Test
    void aValidCodeFromANumberNotInTheDirectoryIsRejectedAndNotAnswered() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);
            String metiCode = TrackingFixture.codeSentTo(h.smsc, METI_LIAISON, ref);
            int before = h.smsc.received().size();

            h.smsc.injectReply(STRANGER, GATEWAY_SENDER, metiCode);
            h.smsc.injectReply(POWER_DUTY, GATEWAY_SENDER, "no code in this one");

            StatusReport r = Await.until(() -> gateway.status(ref), s -> s.confirmations().size() == 1, WAIT, "attempt recorded");
            assertEquals(ConfirmationVerdict.CODE_NOT_FOR_SENDER, r.confirmations().get(0).verdict());
            assertTrue(r.confirmations().get(0).pocId().isEmpty());
            assertTrue(r.render(gateway.zone()).contains("sms-reply from an unregistered sender: code issued to another recipient"));
            assertTrue(r.confirmedOrganisations().isEmpty());
            assertTrue(TrackingFixture.nextSmsTo(h.smsc, POWER_DUTY, before).contains("No confirmation code found"));
            assertTrue(h.smsc.received().stream().noneMatch(s -> s.destination().equals(STRANGER)), "strangers get no answer");
            assertTrue(attemptsSince(h, h.clock.instant()).stream().anyMatch(c -> c.verdict() == ConfirmationVerdict.NO_CODE));
            // The stranger's attempt used nothing up: the liaison's own reply still confirms.
            h.smsc.injectReply(METI_LIAISON, GATEWAY_SENDER, metiCode);
            Await.until(() -> gateway.status(ref), s -> s.confirmedOrganisations().containsKey("meti"), WAIT, "meti confirmed");
        }
    }

    private static List<Confirmation> attemptsSince(GatewayHarness h, Instant since) {
        // A second pool on the same embedded database, as an auditor's query would be.
        GatewaySettings s = h.settings();
        try (Database db = Database.open(s.get("gateway.db.url"), s.get("gateway.db.user"), s.databasePassword())) {
            return new JdbcConfirmationStore(db.dataSource()).attemptsSince(since);
        }
    }
}
