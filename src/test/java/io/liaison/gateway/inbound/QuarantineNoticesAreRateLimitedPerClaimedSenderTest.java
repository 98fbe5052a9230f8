package io.liaison.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every spoofed mail used to make the gateway send an SMS and an e-mail to the registered contact: a flood
 * of forged From headers became a flood of texts from NISC. Notices are now limited per claimed sender
 * and overall, counted from the stored verdicts, so a restart does not reset the count.
 */
class QuarantineNoticesAreRateLimitedPerClaimedSenderTest {
    private static final Path DIRECTORY = InboundMail.SAMPLE.resolve("directory.yaml");

    static byte[] spoofed(String from, MutableClock clock, String messageId) {
        return InboundMail.simple(new InboundMail.Envelope(from, clock.instant(), messageId), "text/plain; charset=UTF-8",
                "please open the attachment");
    }

    @Test
    void onlyTheFirstSpoofOfAHourTellsTheClaimedSenderAndTheRestAreRecordedAsSuppressed() throws Exception {
        try (IntakeFixture f = new IntakeFixture(DIRECTORY, InboundSettings.defaults(), MutableClock.sampleDay(),
                QuarantineNoticeSettings.defaults(List.of(InboundMail.GATEWAY_ADDRESS)))) {
            InboundOutcome first = f.intake.receiveRaw(spoofed("soc@east-power.sample.invalid", f.clock, "<s1@evil.invalid>"));
            f.clock.advance(Duration.ofMinutes(10));
            InboundOutcome second = f.intake.receiveRaw(spoofed("soc@east-power.sample.invalid", f.clock, "<s2@evil.invalid>"));
            f.clock.advance(Duration.ofMinutes(10));
            InboundOutcome third = f.intake.receiveRaw(spoofed("soc@east-power.sample.invalid", f.clock, "<s3@evil.invalid>"));

            assertTrue(first.outcomeReference().isPresent(), "the first one is told: " + first);
            assertEquals(Optional.empty(), second.outcomeReference(), "the second is not");
            assertEquals(Optional.empty(), third.outcomeReference(), "nor the third");
            assertEquals(1, f.noticesOfKind(NoticeKind.QUARANTINE_NOTICE).size());
            for (InboundOutcome o : List.of(second, third)) {
                StoredInbound stored = f.inbound.find(o.inboundId()).orElseThrow();
                assertEquals(InboundStatus.QUARANTINED, stored.status(), "still quarantined with its reason");
                assertTrue(stored.noticeSuppressed().orElseThrow().contains("rate limit"), stored.toString());
                assertTrue(stored.noticeSuppressed().get().contains("east-power-soc"), stored.toString());
            }
            assertEquals(Optional.empty(), f.inbound.find(first.inboundId()).orElseThrow().noticeSuppressed());

            f.clock.advance(Duration.ofMinutes(41));
            InboundOutcome nextHour = f.intake.receiveRaw(spoofed("soc@east-power.sample.invalid", f.clock, "<s4@evil.invalid>"));
            assertTrue(nextHour.outcomeReference().isPresent(), "an hour after the first notice, one more: " + nextHour);
        }
    }

    @Test
    void theLimitPerSenderDoesNotSilenceAnotherSender() throws Exception {
        try (IntakeFixture f = new IntakeFixture(DIRECTORY, InboundSettings.defaults(), MutableClock.sampleDay(),
                QuarantineNoticeSettings.defaults(List.of(InboundMail.GATEWAY_ADDRESS)))) {
            f.intake.receiveRaw(spoofed("soc@east-power.sample.invalid", f.clock, "<a1@evil.invalid>"));
            f.intake.receiveRaw(spoofed("soc@east-power.sample.invalid", f.clock, "<a2@evil.invalid>"));
            InboundOutcome west = f.intake.receiveRaw(spoofed("soc@west-power.sample.invalid", f.clock, "<a3@evil.invalid>"));

            assertTrue(west.outcomeReference().isPresent(), west.toString());
            assertEquals(2, f.noticesOfKind(NoticeKind.QUARANTINE_NOTICE).size());
        }
    }

    @Test
    void theOverallLimitCapsNoticesToEveryoneTogether() throws Exception {
        QuarantineNoticeSettings limits = new QuarantineNoticeSettings(5, 2, Duration.ofHours(1), List.of(InboundMail.GATEWAY_ADDRESS));
        try (IntakeFixture f = new IntakeFixture(DIRECTORY, InboundSettings.defaults(), MutableClock.sampleDay(), limits)) {
            f.intake.receiveRaw(spoofed("soc@east-power.sample.invalid", f.clock, "<o1@evil.invalid>"));
            f.intake.receiveRaw(spoofed("soc@west-power.sample.invalid", f.clock, "<o2@evil.invalid>"));
            InboundOutcome third = f.intake.receiveRaw(spoofed("soc@island-power.sample.invalid", f.clock, "<o3@evil.invalid>"));

            assertEquals(Optional.empty(), third.outcomeReference());
            assertEquals(2, f.noticesOfKind(NoticeKind.QUARANTINE_NOTICE).size());
            String why = f.inbound.find(third.inboundId()).orElseThrow().noticeSuppressed().orElseThrow();
            assertTrue(why.contains("overall"), why);
        }
    }

    @Test
    void theCountSurvivesARestart(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("gateway").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        MutableClock clock = MutableClock.sampleDay();
        QuarantineNoticeSettings limits = QuarantineNoticeSettings.defaults(List.of(InboundMail.GATEWAY_ADDRESS));
        try (IntakeFixture before = new IntakeFixture(DIRECTORY, InboundSettings.defaults(), clock, limits,
                io.liaison.gateway.testing.TestDatabase.orH2(url).open())) {
            assertTrue(before.intake.receiveRaw(spoofed("soc@east-power.sample.invalid", clock, "<r1@evil.invalid>"))
                    .outcomeReference().isPresent());
        }
        clock.advance(Duration.ofMinutes(5));
        try (IntakeFixture after = new IntakeFixture(DIRECTORY, InboundSettings.defaults(), clock, limits,
                io.liaison.gateway.testing.TestDatabase.orH2(url).open())) {
            InboundOutcome again = after.intake.receiveRaw(spoofed("soc@east-power.sample.invalid", clock, "<r2@evil.invalid>"));
            assertEquals(Optional.empty(), again.outcomeReference(), "the restarted gateway remembers the notice it sent");
            assertEquals(1, after.noticesOfKind(NoticeKind.QUARANTINE_NOTICE).size());
        }
    }
}
