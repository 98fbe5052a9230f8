package io.liaison.gateway.demo;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.app.SkippingClock;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.ContactChannel;
import io.liaison.gateway.peers.InProcessSmsc;
import io.liaison.gateway.track.ConfirmationChannel;
import io.liaison.gateway.track.ConfirmationOutcome;
import io.liaison.gateway.track.EscalationWatch;
import io.liaison.gateway.track.StatusReport;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's delivery-assurance scenes: a recipient confirms by replying to its SMS with its code, an
 * operator records a confirmation given by phone, and a deadline passes for a recipient nobody heard
 * from, so the first escalation step goes out.
 */
final class DemoTracking {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern CODE = Pattern.compile("reply ([A-Z0-9]{4,16}) to confirm");

    private final Gateway gateway;
    private final InProcessSmsc smsc;
    private final SkippingClock clock;
    private final PrintStream out;
    private int answers;

    DemoTracking(Gateway gateway, InProcessSmsc smsc, SkippingClock clock, PrintStream out) {
        this.gateway = gateway;
        this.smsc = smsc;
        this.clock = clock;
        this.out = out;
    }

    /** SMS answers the gateway sent to repliers: the SMSC received them besides the deliveries. */
    int answers() {
        return answers;
    }

    /** The point of contact replies "OK <code>" to the SMS it got for {@code reference}; waits for the gateway's answer. */
    void confirmBySmsReply(String reference, String pocId) throws Exception {
        String number = gateway.directory().pointOfContact(pocId).flatMap(p -> p.channel(ChannelKind.SMS))
                .map(ContactChannel::address).orElseThrow(() -> new IllegalStateException(pocId + " has no SMS number"));
        String code = smsc.received().stream()
                .filter(s -> s.destination().equals(number) && s.text().contains(reference))
                .map(s -> CODE.matcher(s.text())).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no SMS with a confirmation code reached " + pocId));
        int before = smsc.received().size();
        out.printf("%s replies to its SMS: \"OK %s\"%n", pocId, code);
        smsc.injectReply(number, "NISC-LGW", "OK " + code);
        InProcessSmsc.ReceivedSms answer = smsc.awaitCount(before + 1, WAIT).get(before);
        answers++;
        out.printf("The gateway answers %s: %s%n", pocId, answer.text());
    }

    /** What {@code ack REF --as POC --note TEXT} does, e.g. after the duty desk phoned the recipient. */
    void confirmByCli(String reference, String pocId, String note) {
        ConfirmationOutcome outcome = gateway.acknowledgements().acknowledge(reference, pocId, ConfirmationChannel.CLI,
                clock.instant(), Optional.of(note));
        out.printf("ack %s --as %s --note \"%s\": %s%n", reference, pocId, note, outcome.message());
    }

    /** Skips the clock past the earliest open deadline of {@code reference} and waits for the step's deliveries. */
    void letDeadlinePass(String reference) throws InterruptedException, TimeoutException {
        gateway.escalator().runDue(); // opens the watches of notices stored since the last tick
        List<EscalationWatch> open = gateway.status(reference).watches().stream()
                .filter(w -> w.state() == EscalationWatch.State.OPEN).toList();
        Optional<Instant> deadline = open.stream().map(EscalationWatch::deadlineAt).min(Comparator.naturalOrder());
        if (deadline.isEmpty()) {
            out.println("Every recipient of " + reference + " has confirmed; no deadline to pass.");
            return;
        }
        Duration skip = Duration.between(clock.instant(), deadline.get()).plusSeconds(1);
        out.printf("%d minutes pass without a confirmation from %s ...%n", (skip.toSeconds() + 59) / 60,
                String.join(", ", open.stream().map(EscalationWatch::organisationId).toList()));
        clock.skip(skip);
        gateway.escalator().runDue();
        gateway.dispatchNow();
        StatusReport report = gateway.awaitSettled(reference, WAIT);
        if (report.escalations().isEmpty()) {
            throw new TimeoutException("no escalation step was taken for " + reference);
        }
    }
}
