package io.liaison.gateway.bench;

import io.liaison.gateway.intake.NoticeFile;
import io.liaison.gateway.numbering.Registrar;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.track.StatusReport;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One notice to every point of contact of a fixture, timed from {@code send} until the last
 * delivery is recorded as sent; each channel's own finish is when its server accepted the last one.
 */
final class FanOutRun {
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private FanOutRun() {
    }

    /**
     * @param acceptNanos     intake, policy, numbering and storing the plan: the time {@code send} took
     * @param firstEmailNanos from {@code send} to the first SMTP acceptance
     * @param emailNanos      from {@code send} to the last SMTP acceptance
     * @param smsNanos        from {@code send} to the last SMSC acceptance
     * @param totalNanos      from {@code send} until every delivery is recorded as sent
     * @param smtpThreadNanos thread time inside the SMTP transport, summed over threads
     * @param smppThreadNanos thread time inside the SMPP transport, summed over threads
     * @param cpuNanos        CPU time of the whole process (gateway and both peers)
     */
    record Result(String reference, int pocs, long deliveries, long acceptNanos, long firstEmailNanos, long emailNanos,
                  long smsNanos, long totalNanos, long smtpThreadNanos, long smppThreadNanos, long cpuNanos,
                  long peakHeapBytes, long gcMillis, boolean exact, java.util.Map<String, Double> threadCpu) {

        double recipientsPerSecond() {
            return pocs / (totalNanos / 1e9);
        }

        /** The JIT compilers' share of the process's CPU during the fan-out. */
        double compilerShare() {
            return threadCpu.getOrDefault(ThreadCpu.COMPILERS, 0.0) / (cpuNanos / 1e9);
        }
    }

    private static boolean settled(java.util.Map<DeliveryState, Long> counts) {
        return counts.getOrDefault(DeliveryState.PENDING, 0L) == 0 && counts.getOrDefault(DeliveryState.SENDING, 0L) == 0;
    }

    static Result run(BenchRig rig, BenchFixture fixture) throws Exception {
        long emails0 = rig.smtp.accepted();
        int sms0 = rig.smsc.receivedCount();
        rig.timed.reset();
        StageLine.reset(rig.gateway);
        System.gc();
        HeapWatch.reset();
        long gc0 = HeapWatch.gcMillis();
        long cpu0 = HeapWatch.processCpuNanos();
        ThreadCpu threads = ThreadCpu.begin();
        byte[] yaml = Files.readAllBytes(fixture.fanOutNotice());
        DiscardingSmtpServer.FirstAcceptance first = rig.smtp.arm();

        if (Boolean.getBoolean("bench.trace")) {
            System.out.println("fan-out starts " + java.time.LocalTime.now());
        }
        long t0 = System.nanoTime();
        Registrar.Registered registered = rig.gateway.send(new NoticeFile(fixture.fanOutNotice().toString(), yaml));
        long accepted = System.nanoTime();
        CompletableFuture<Long> smsDone = CompletableFuture.supplyAsync(() -> {
            try {
                rig.smsc.awaitCount(sms0 + fixture.pocs(), LIMIT);
                return System.nanoTime();
            } catch (Exception e) {
                throw new IllegalStateException("SMS did not all arrive: " + e, e);
            }
        });
        long deadline = t0 + LIMIT.toNanos();
        while (rig.smtp.accepted() < emails0 + fixture.pocs() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        long emailDone = System.nanoTime();
        long smsAt = smsDone.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        // The deliveries alone, not the tracking the status command adds: reading confirmations and
        // escalations for ten thousand recipients would delay the moment this sees the last one recorded.
        // Counted by the database: reading ten thousand recipients' deliveries whole took 0.2 s a time,
        // which delayed the moment this saw the last one recorded.
        long r0 = System.nanoTime();
        int polls = 1;
        while (!settled(rig.gateway.store().deliveryCounts(registered.reference())) && System.nanoTime() < deadline) {
            Thread.sleep(2);
            polls++;
        }
        long done = System.nanoTime();
        if (Boolean.getBoolean("bench.trace")) {
            System.out.printf("e-mail done %.3f s, SMS done %.3f s, %d status reads from %.3f s, %.1f ms each%n",
                    (emailDone - t0) / 1e9, (smsAt - t0) / 1e9, polls, (r0 - t0) / 1e9, (done - r0) / 1e6 / polls);
        }
        if (Boolean.getBoolean("bench.trace")) {
            System.out.println("fan-out ends " + java.time.LocalTime.now());
        }
        long cpu = HeapWatch.processCpuNanos() - cpu0;
        StatusReport report = StatusReport.of(rig.gateway.store(), registered.reference());
        long peak = HeapWatch.peakBytes();
        long firstAt = first.await(0);

        long sent = report.count(DeliveryState.SENT);
        boolean exact = registered.refusals() == 0 && sent == 2L * fixture.pocs()
                && rig.smtp.accepted() - emails0 == fixture.pocs()
                && rig.smsc.receivedCount() - sms0 == fixture.pocs();
        return new Result(registered.reference(), fixture.pocs(), sent, accepted - t0, firstAt < 0 ? -1 : firstAt - t0,
                emailDone - t0, smsAt - t0, done - t0, rig.timed.smtpNanos.sum(), rig.timed.smppNanos.sum(), cpu, peak,
                HeapWatch.gcMillis() - gc0, exact, threads.end());
    }
}
