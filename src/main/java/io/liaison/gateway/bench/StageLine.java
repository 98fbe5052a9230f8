package io.liaison.gateway.bench;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.dispatch.DispatchTimings;
import java.io.PrintStream;

/** The per-stage thread times the gateway's dispatchers keep, as one block of the report. */
final class StageLine {
    private StageLine() {
    }

    static void reset(Gateway gateway) {
        gateway.dispatcher(ChannelKind.EMAIL).timings().reset();
        gateway.dispatcher(ChannelKind.SMS).timings().reset();
    }

    static void print(PrintStream out, Gateway gateway, FanOutRun.Result r) {
        out.println("  thread time per stage, summed over threads (microseconds per delivery):");
        line(out, "e-mail", gateway.dispatcher(ChannelKind.EMAIL).timings().snapshot(), "compose (sign, encrypt, MIME)", "SMTP");
        line(out, "SMS", gateway.dispatcher(ChannelKind.SMS).timings().snapshot(), "render", "SMPP");
    }

    private static void line(PrintStream out, String channel, DispatchTimings.Snapshot s, String prepare, String handOver) {
        double n = Math.max(1, s.handedOver());
        out.printf("    %-6s claim %.0f | %s %.0f | %s %.0f | record %.0f  (%d handed over)%n", channel,
                s.claimNanos() / n / 1e3, prepare, s.prepareNanos() / n / 1e3, handOver, s.handOverNanos() / n / 1e3,
                s.recordNanos() / n / 1e3, s.handedOver());
    }
}
