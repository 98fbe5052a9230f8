package io.liaison.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * An Error while a message is judged (a decoder running out of memory, a stack overflow on deep nesting) is
 * the message's doing like any exception: the message is quarantined with the reason and the intake returns,
 * so the IMAP route moves it out of the inbox instead of offering it again at every poll.
 */
class IntakeQuarantinesAMessageWhoseJudgingThrowsAnErrorTest {

    @Test
    void outOfMemoryWhileOpeningQuarantinesTheMessageAsAnInternalError() throws Exception {
        assertQuarantinedBy(() -> new OutOfMemoryError("simulated: Java heap space"), "OutOfMemoryError");
    }

    @Test
    void stackOverflowWhileOpeningQuarantinesTheMessageAsAnInternalError() throws Exception {
        assertQuarantinedBy(StackOverflowError::new, "StackOverflowError");
    }

    private static void assertQuarantinedBy(Supplier<Error> error, String named) throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            InboundIntake intake = new InboundIntake(f.directory, f.inbound, f.notices, List.of(new Failing(error)),
                    InboundSettings.defaults(), f.clock, IntakeFixture.ZONE, "NISC");
            byte[] raw = InboundMail.pgpMime(new InboundMail.Envelope("soc@east-power.sample.invalid", f.clock.instant(),
                    "<error-" + named + "@east-power.sample.invalid>"), InboundMail.signedForGateway(
                    InboundMail.inner(InboundMail.fragmentaryReport("EP-ERR-1")), InboundMail.pocKey("east-power-soc"), f.clock.instant()));

            InboundOutcome outcome = intake.receive(raw, "imap");

            assertEquals(InboundStatus.QUARANTINED, outcome.status());
            assertEquals(ReasonCode.INTERNAL_ERROR, outcome.reason().orElseThrow());
            assertTrue(outcome.detail().orElse("").contains(named), outcome.detail().toString());
            assertEquals(InboundStatus.QUARANTINED, f.inbound.recent(1).get(0).status(), "judged, not left RECEIVED");
        }
    }

    /** An opener that recognises every message and fails opening it with an Error. */
    private record Failing(Supplier<Error> error) implements InboundOpener {
        @Override
        public String format() {
            return "failing";
        }

        @Override
        public boolean recognises(ContentType outer) {
            return true;
        }

        @Override
        public OpenedInbound open(MimeMessage outer, Instant now) {
            throw error.get();
        }
    }
}
