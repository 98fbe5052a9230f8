package io.liaison.gateway.bench;

import io.liaison.gateway.app.Gateway;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Prints the benchmark's figures as they come, then the comparison with the targets of issue 5. */
final class BenchReport {
    private final PrintStream out;

    BenchReport(PrintStream out) {
        this.out = out;
    }

    void machine() {
        out.println("Liaison Gateway fan-out benchmark");
        out.println("machine: " + BenchCommand.machine());
        out.println("transport: gateway.smtp.starttls=none to the in-process discarding SMTP server (no TLS measured;"
                + " the default is STARTTLS required)");
    }

    void started(BenchFixture fixture, long nanos) {
        int v4 = 0;
        for (int i = 0; i < fixture.pocs(); i++) {
            v4 += BenchKeys.kindOf(i) == BenchKeys.Kind.V4_RSA3072 ? 1 : 0;
        }
        out.printf("%n%d points of contact (%d v6 Ed25519/X25519, %d v4 RSA-3072), e-mail and SMS each; %s%n",
                fixture.pocs(), fixture.pocs() - v4, v4, fixture.directory());
        out.printf("  gateway started in %.1f s (directory load and certificate checks, not timed below)%n", nanos / 1e9);
    }

    void firstFanOut(FanOutRun.Result r) {
        out.printf("  first fan-out of this size (JIT still compiling): %.3f s -> %.0f recipients/s, process CPU %.2f s,"
                        + " %.0f%% of it compiling%s%n", s(r.totalNanos()), r.recipientsPerSecond(), s(r.cpuNanos()),
                100 * r.compilerShare(), r.exact() ? "" : " (NOT EXACT)");
    }

    void warmedUp(int fanOuts) {
        out.printf("  warmed up by %d fan-out(s) of this size%n", fanOuts);
    }

    void fanOut(FanOutRun.Result r, Gateway gateway) {
        out.printf("  warm fan-out (the measured one):%n");
        out.printf("  end to end: %.3f s for %d deliveries -> %.0f recipients/s%s%n", s(r.totalNanos()), r.deliveries(),
                r.recipientsPerSecond(), r.exact() ? " (every delivery recorded SENT, each accepted exactly once)"
                        : " (NOT EXACT: missing or duplicate deliveries)");
        out.printf("  accept (intake, policy, numbering, plan stored): %.3f s%n", s(r.acceptNanos()));
        out.printf("  e-mail: first accepted at %.3f s, last at %.3f s (%.0f/s); thread time in SMTP %.2f s%n",
                s(r.firstEmailNanos()), s(r.emailNanos()), r.pocs() / s(r.emailNanos()), s(r.smtpThreadNanos()));
        out.printf("  SMS:    last accepted at %.3f s (%.0f/s); thread time in SMPP %.2f s%n", s(r.smsNanos()),
                r.pocs() / s(r.smsNanos()), s(r.smppThreadNanos()));
        out.printf("  process CPU %.2f s = %.0f%% of %d cores over the run; GC %.2f s; peak heap <= %d MiB of %d MiB%n",
                s(r.cpuNanos()), 100.0 * r.cpuNanos() / (r.totalNanos() * (double) Runtime.getRuntime().availableProcessors()),
                Runtime.getRuntime().availableProcessors(), r.gcMillis() / 1e3, r.peakHeapBytes() >> 20,
                HeapWatch.maxBytes() >> 20);
        StageLine.print(out, gateway, r);
        StringBuilder cpu = new StringBuilder("  CPU seconds by thread group:");
        double threads = 0;
        for (var e : r.threadCpu().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList()) {
            threads += e.getValue();
            if (e.getValue() >= 0.05) {
                cpu.append(String.format(" %s %.2f;", e.getKey(), e.getValue()));
            }
        }
        cpu.append(String.format(" unaccounted %.2f", s(r.cpuNanos()) - threads));
        out.println(cpu);
    }

    void latency(UrgentLatency.Result r, int warmup) {
        out.printf("%nsingle urgent notice, send -> first SMTP acceptance (%d runs after %d warm-up): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                r.millis().length, warmup, r.percentile(50), r.percentile(99), r.max());
    }

    void gpg(GpgBaseline.Result g) {
        out.printf("%ngpg baseline (%s): one 'gpg --sign --encrypt' per recipient over %d v4 RSA-3072 recipients: %.2f s -> %.0f recipients/s%n",
                g.version(), g.recipients(), s(g.nanos()), g.perSecond());
    }

    void summary(List<FanOutRun.Result> fanOuts, List<FanOutRun.Result> firsts, UrgentLatency.Result latency,
                 GpgBaseline.Result gpg) {
        out.println();
        out.println("summary");
        for (FanOutRun.Result r : fanOuts) {
            out.printf("  %6d recipients: %6.0f recipients/s end to end (warm), peak heap <= %d MiB%s%n", r.pocs(),
                    r.recipientsPerSecond(), r.peakHeapBytes() >> 20,
                    gpg == null ? "" : String.format(", %.1fx the gpg loop", r.recipientsPerSecond() / gpg.perSecond()));
        }
        for (FanOutRun.Result r : firsts) {
            out.printf("  %6d recipients: %6.0f recipients/s end to end on the first fan-out of that size%s%n", r.pocs(),
                    r.recipientsPerSecond(),
                    gpg == null ? "" : String.format(", %.1fx the gpg loop", r.recipientsPerSecond() / gpg.perSecond()));
        }
        if (latency != null) {
            out.printf("  urgent notice to first SMTP acceptance: p50 %.1f ms, p99 %.1f ms%n", latency.percentile(50),
                    latency.percentile(99));
        }
    }

    private static double s(long nanos) {
        return nanos / 1e9;
    }
}
