package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.application.Application;
import io.liaison.gateway.application.NoticeAccepted;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code forward REF --to ORG… | --to-members --as POC}: pass a received notice on. */
@Command(name = "forward", description = "Pass a received notice on, acting as a named point of contact.")
public final class ForwardNoticeCommand implements Callable<Integer> {
    @CommandLine.Mixin
    GatewayOptions options = new GatewayOptions();

    @Parameters(paramLabel = "REF")
    String reference;

    @Option(names = "--to", arity = "1..*", paramLabel = "ORG", description = "Organisations to forward to.")
    List<String> to = List.of();

    @Option(names = "--to-members", description = "Forward to every organisation this one passes notices on to.")
    boolean toMembers;

    @Option(names = "--as", required = true, paramLabel = "POC", description = "Who forwards: a person or point of contact in the directory (acting on the gateway host as the local administrator).")
    String as;

    @Option(names = "--wait", defaultValue = "30s")
    String wait;

    @Override
    public Integer call() throws Exception {
        try (Gateway gateway = Gateway.builder(options.settings()).start()) {
            Application app = gateway.application();
            NoticeAccepted r = app.forwardNotice().forward(app.actors().resolveLocal(as), reference, to, toMembers);
            System.out.println("forwarded " + r.reference() + ": " + r.deliveries() + " deliveries, " + r.refusals() + " refused");
            int settled = Settled.print(gateway, r.reference(), wait);
            if (r.deliveries() == 0) {
                // Nothing left the gateway: a forwarder reading "0 deliveries" above an exit code of 0 believed it done.
                System.err.println("refused: " + r.reference() + " was not forwarded to anyone: every recipient was refused"
                        + " (" + r.refusals() + ", reasons above)");
                return ExitCodes.REFUSED;
            }
            return settled;
        }
    }
}
