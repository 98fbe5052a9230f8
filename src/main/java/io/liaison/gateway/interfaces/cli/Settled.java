package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.track.StatusReport;

/** Waits for a notice's deliveries to settle, then prints its delivery table. */
final class Settled {
    private Settled() {}

    static int print(Gateway gateway, String reference, String wait) throws InterruptedException {
        StatusReport report = gateway.awaitSettled(reference, CommandLineFiles.duration(wait));
        System.out.print(report.render(gateway.zone()));
        if (!report.settled()) {
            System.out.println("Some deliveries are still being retried; they stay stored and resume with 'serve'.");
        }
        return ExitCodes.OK;
    }
}
