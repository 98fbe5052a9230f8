package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.intake.NoticeFile;
import io.liaison.gateway.application.Actor;
import io.liaison.gateway.application.Application;
import io.liaison.gateway.application.NoticeAccepted;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code send NOTICE.yaml}: send a notice file; prints its reference and delivery table. */
@Command(name = "send", description = "Send a notice file (YAML); prints its reference and delivery table.")
public final class SendCommand implements Callable<Integer> {
    @CommandLine.Mixin
    GatewayOptions options = new GatewayOptions();

    @Parameters(paramLabel = "NOTICE.yaml")
    Path notice;

    @Option(names = "--wait", defaultValue = "30s", description = "How long to wait for deliveries (default ${DEFAULT-VALUE}).")
    String wait;

    @Option(names = "--as", paramLabel = "NAME", description = "Who sends: a person or point of contact in the directory"
            + " (default: the notice's from:). Acting on the gateway host as the local administrator; audited as such.")
    String as;

    @Override
    public Integer call() throws Exception {
        byte[] yaml = CommandLineFiles.readNotice(notice);
        try (Gateway gateway = Gateway.builder(options.settings()).start()) {
            Application app = gateway.application();
            NoticeFile file = new NoticeFile(notice.toString(), yaml);
            Actor actor = app.actors().resolveLocal(as != null ? as : app.sendNotice().declaredSender(file));
            NoticeAccepted r = app.sendNotice().send(actor, file);
            System.out.println("accepted " + r.reference() + ": " + r.deliveries() + " deliveries, " + r.refusals() + " refused");
            return Settled.print(gateway, r.reference(), wait);
        }
    }
}
