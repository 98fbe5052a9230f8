package io.liaison.gateway.bench;

import io.liaison.gateway.intake.NoticeFile;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;

/**
 * Time from {@code send} to the first SMTP acceptance of a single urgent notice, warm: each
 * repetition waits until the previous one was fully accepted on both channels, so nothing is queued
 * ahead of it.
 */
final class UrgentLatency {
    private UrgentLatency() {
    }

    /** @param millis each measured repetition, sorted */
    record Result(double[] millis) {
        double percentile(double p) {
            int index = (int) Math.ceil(p / 100.0 * millis.length) - 1;
            return millis[Math.max(0, Math.min(millis.length - 1, index))];
        }

        double max() {
            return millis[millis.length - 1];
        }
    }

    static Result run(BenchRig rig, BenchFixture fixture, int warmup, int repetitions) throws Exception {
        byte[] yaml = Files.readAllBytes(fixture.urgentNotice());
        NoticeFile file = new NoticeFile(fixture.urgentNotice().toString(), yaml);
        double[] measured = new double[repetitions];
        for (int i = 0; i < warmup + repetitions; i++) {
            long emails = rig.smtp.accepted();
            int sms = rig.smsc.receivedCount();
            DiscardingSmtpServer.FirstAcceptance first = rig.smtp.arm();
            long t0 = System.nanoTime();
            rig.gateway.send(file);
            long at = first.await(30_000);
            if (at < 0) {
                throw new IllegalStateException("urgent notice " + i + " got no SMTP acceptance within 30 s");
            }
            if (i >= warmup) {
                measured[i - warmup] = (at - t0) / 1e6;
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((rig.smtp.accepted() < emails + fixture.urgentPocs()
                    || rig.smsc.receivedCount() < sms + fixture.urgentPocs()) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        }
        Arrays.sort(measured);
        return new Result(measured);
    }
}
