package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.application.Actor;
import io.liaison.gateway.application.Application;
import io.liaison.gateway.application.ConfirmationResult;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ack REF --as POC [--note TEXT]}: an operator records a recipient's confirmation that reached
 * NISC another way (a phone call, a fax back). Same rules as every other confirmation: the point of
 * contact must belong to an organisation the notice was sent to; the first one counts.
 */
@Command(name = "ack", description = "Record a recipient's confirmation of a notice (e.g. given by phone).")
public final class AckCommand implements Callable<Integer> {
    /** Exit codes as the other commands: 0 recorded, 2 refused. */
    private static final int OK = 0;
    private static final int REFUSED = 2;

    @Option(names = "--config", description = "Properties file overriding the built-in settings.")
    Path config;

    @Parameters(paramLabel = "REF", description = "The notice's reference number (or the recipient's confirmation code).")
    String reference;

    @Option(names = "--as", required = true, paramLabel = "POC", description = "The point of contact who confirms.")
    String as;

    @Option(names = "--note", paramLabel = "TEXT", description = "Kept with the confirmation, e.g. \"by phone to the duty desk\".")
    String note;

    @Option(names = "--by", paramLabel = "NAME", description = "Who records it: a person or point of contact of NISC"
            + " (default: NISC's desk). Acting on the gateway host as the local administrator; audited as such.")
    String by;

    @Override
    public Integer call() throws Exception {
        GatewaySettings settings = GatewaySettings.load(Optional.ofNullable(config), new Properties());
        try (Gateway gateway = Gateway.builder(settings).start()) {
            Application app = gateway.application();
            Actor recorder = by == null ? app.actors().niscDesk() : app.actors().resolveLocal(by);
            ConfirmationResult outcome = app.confirmNotice().confirm(recorder, reference, Optional.of(as),
                    Optional.ofNullable(note).filter(n -> !n.isBlank()));
            if (!outcome.accepted()) {
                System.err.println("refused: " + outcome.message());
                return REFUSED;
            }
            System.out.println(outcome.message());
            outcome.reference().ifPresent(ref -> System.out.print(app.noticeStatus().status(recorder, ref).render(gateway.zone())));
            return OK;
        }
    }
}
