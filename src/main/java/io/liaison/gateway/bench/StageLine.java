package io.liaison.gateway.bench;

import io.liaison.gateway.app.Gateway;
import java.io.PrintStream;

/** The per-stage thread times the gateway's dispatchers keep, as one block of the report. */
final class StageLine {
    private StageLine() {
    }

    static void print(PrintStream out, Gateway gateway, FanOutRun.Result r) {
    }
}
