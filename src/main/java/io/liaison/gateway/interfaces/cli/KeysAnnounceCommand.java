package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.keys.rollover.KeyAnnouncementException;
import io.liaison.gateway.keys.rollover.KeyAnnouncer;
import io.liaison.gateway.policy.Refusal;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keys announce}: sends every point of contact the gateway's next certificates (gateway.key.next.file
 * and the S/MIME pair), signed by the current key, encrypted to each; SMS and fax only say a new key was
 * announced and where to check its fingerprint. A contact already told is skipped, so the command can be
 * run again after contacts are added. Exit 0 when stored and dispatched (or nobody was left to tell),
 * 2 when refused (no rollover configured, switch date passed, sender not NISC's).
 */
@Command(name = "announce", mixinStandardHelpOptions = true,
        description = "Announce the gateway's next keys to every point of contact, signed by the current key.")
public final class KeysAnnounceCommand implements Callable<Integer> {
    @CommandLine.Mixin
    GatewayOptions options = new GatewayOptions();

    @Option(names = "--as", paramLabel = "POC",
            description = "The NISC point of contact it goes out from (default: gateway.escalation.duty-poc).")
    String as;

    @Option(names = "--wait", defaultValue = "30s", description = "How long to wait for deliveries (default ${DEFAULT-VALUE}).")
    String wait;

    @Override
    public Integer call() throws Exception {
        GatewaySettings settings = options.settings();
        String sender = as != null ? as : settings.get("gateway.escalation.duty-poc");
        try (Gateway gateway = Gateway.builder(settings).start()) {
            KeyAnnouncer.Announced announced;
            try {
                announced = gateway.announceKeys(sender);
            } catch (KeyAnnouncementException e) {
                System.err.println("refused: " + e.getMessage());
                return ExitCodes.REFUSED;
            }
            for (Refusal r : announced.refusals()) {
                System.out.println("not on " + r.channel().map(c -> c.yamlName()).orElse("any channel") + " to "
                        + r.pocId().orElse(r.organisationId()) + ": " + r.reason());
            }
            if (announced.reference().isEmpty()) {
                System.out.println("every point of contact was told of key " + gateway.keys().openPgp().next().orElseThrow().fingerprint()
                        + " before (" + announced.alreadyTold().size() + "); nothing sent");
                return ExitCodes.OK;
            }
            String reference = announced.reference().get();
            System.out.println("announced " + gateway.keys().openPgp().next().orElseThrow().fingerprint() + " in " + reference + " to "
                    + announced.announcedTo().size() + " points of contact (" + announced.alreadyTold().size() + " told before)");
            return Settled.print(gateway, reference, wait);
        }
    }
}
