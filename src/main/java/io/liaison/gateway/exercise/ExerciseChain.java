package io.liaison.gateway.exercise;

import io.liaison.gateway.intake.NoticeFile;
import io.liaison.gateway.track.ConfirmationChannel;
import io.liaison.gateway.track.ConfirmationOutcome;
import io.liaison.gateway.track.StatusReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What an exercise needs of the real chain, handed in by the wiring: the exercise package names no
 * gateway class, so the arrow runs from the wiring down to the domain and never back up.
 */
public interface ExerciseChain {
    Clock clock();

    /** Sends the notice through intake, policy, numbering and every channel; its reference. */
    String send(NoticeFile notice);

    StatusReport awaitSettled(String reference, Duration timeout) throws InterruptedException;

    ConfirmationOutcome acknowledge(String referenceOrCode, String pocId, ConfirmationChannel channel, Instant at,
            Optional<String> note);

    StatusReport status(String reference);

    /** Escalation steps that fell due and deliveries waiting to be handed over, done now. */
    void runDueWork();
}
