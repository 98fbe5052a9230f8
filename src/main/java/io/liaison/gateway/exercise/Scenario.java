package io.liaison.gateway.exercise;

import io.liaison.gateway.track.ConfirmationChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An exercise scenario: notices sent at offsets from the start, and the replies the exercise
 * expects. Every notice is an exercise; a simulated run also plays the replies.
 *
 * @param length how long the scenario runs after its start, so deadlines inside it can pass
 */
public record Scenario(String name, List<TimedNotice> notices, List<ExpectedReply> replies, Duration length) {

    public Scenario {
        notices = List.copyOf(notices);
        replies = List.copyOf(replies);
    }

    /**
     * One notice of the scenario; {@code yaml} is the notice document, in which {@code references: "#n"}
     * stands for the reference the scenario's n-th notice gets when it is sent.
     */
    public record TimedNotice(int number, Duration at, String source, Map<String, Object> yaml) {
        public TimedNotice {
            yaml = Map.copyOf(yaml);
        }
    }

    /** "By {@code at}, {@code pocId} confirms notice number {@code notice} via {@code channel}." */
    public record ExpectedReply(Duration at, String pocId, int notice, ConfirmationChannel channel) {
    }
}
