package io.liaison.gateway.inbound.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One hostile message and what the intake must make of it. Messages are built when the case runs, from
 * the sample keys and the corpus clock, so they stay valid as keys and dates move. A case may first send
 * messages of its own ({@link #after}: an original that a replay copies) and may restart the gateway on
 * the same database before the message under test ({@link #acrossRestart}).
 *
 * @param finding set when today's intake gets this case wrong: the test pins today's behaviour (so the
 *                suite stays green) and names what it should be; the lead's list of open findings
 */
record CorpusCase(String name, Function<CorpusMail, byte[]> message, Expected expected, List<Step> before,
                  boolean restartFirst, Optional<String> finding) {

    /** A message sent before the one under test, with the verdict it must get. */
    record Step(Function<CorpusMail, byte[]> message, Expected expected) {
    }

    static CorpusCase of(String name, Expected expected, Function<CorpusMail, byte[]> message) {
        return new CorpusCase(name, message, expected, List.of(), false, Optional.empty());
    }

    CorpusCase after(Function<CorpusMail, byte[]> earlier, Expected earlierVerdict) {
        List<Step> steps = new ArrayList<>(before);
        steps.add(new Step(earlier, earlierVerdict));
        return new CorpusCase(name, message, expected, steps, restartFirst, finding);
    }

    CorpusCase acrossRestart() {
        return new CorpusCase(name, message, expected, before, true, finding);
    }

    /** Today's intake gets this one wrong; {@code shouldBe} says what it must do instead. */
    CorpusCase finding(String shouldBe) {
        return new CorpusCase(name, message, expected, before, restartFirst, Optional.of(shouldBe));
    }

    String displayName() {
        return name + " → " + expected + (restartFirst ? " (after a restart)" : "")
                + finding.map(f -> " [FINDING: " + f + "]").orElse("");
    }
}
