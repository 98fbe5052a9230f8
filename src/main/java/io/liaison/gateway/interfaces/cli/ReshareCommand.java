package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.reshare.ReshareRequest;
import io.liaison.gateway.reshare.ReshareRefusedException;
import io.liaison.gateway.reshare.ReshareProposal;
import io.liaison.gateway.application.ActionRefusedException;
import io.liaison.gateway.application.Actor;
import io.liaison.gateway.application.Application;
import io.liaison.gateway.application.ReshareApproved;
import io.liaison.gateway.application.UnknownActorException;
import io.liaison.gateway.reshare.ProposalView;
import io.liaison.gateway.reshare.Grounds;
import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.marking.Tlp;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reshare propose|approve|reject|show}: NISC re-shares a sanitised copy of an operator's incident report.
 * Proposing sends nothing; only {@code approve --as <NISC POC>} sends, through the normal outbound path.
 */
@Command(name = "reshare", description = "Sanitised re-share of an incident report (任意提供情報): propose, approve, reject, show.",
        subcommands = {ReshareCommand.Propose.class, ReshareCommand.Approve.class, ReshareCommand.Reject.class, ReshareCommand.Show.class})
public final class ReshareCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int REFUSED = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return OK;
    }

    /** Runs {@code work} on a started gateway; a refusal is one line and exit 2. */
    static int withGateway(Path config, GatewayWork work) throws Exception {
        GatewaySettings settings = GatewaySettings.load(Optional.ofNullable(config), new Properties());
        try (Gateway gateway = Gateway.builder(settings).start()) {
            return work.run(gateway);
        } catch (ReshareRefusedException | ActionRefusedException | UnknownActorException e) {
            System.err.println("refused: " + e.getMessage());
            return REFUSED;
        }
    }

    @FunctionalInterface
    interface GatewayWork {
        int run(Gateway gateway) throws Exception;
    }

    @Command(name = "propose", description = "Propose a redacted copy of an incident report and show exactly what was removed."
            + " Sends nothing.")
    static final class Propose implements Callable<Integer> {
        @Option(names = "--config", description = "Properties file overriding the built-in settings.")
        Path config;

        @Parameters(paramLabel = "INCIDENT-ID", description = "ORGANISATION/ID as reported, e.g. east-power/EP-2026-0042.")
        String incident;

        @Option(names = "--report", paramLabel = "N", description = "Which report (第N報); default the latest.")
        Integer report;

        @Option(names = "--grounds", required = true, paramLabel = "GROUNDS",
                description = "Why it may be re-shared: vulnerability (a hole or bug others may share; goes as a provision) or"
                        + " threat (an attack, threat or disaster that endangers others; goes as an early warning).")
        String grounds;

        @Option(names = "--level", paramLabel = "TLP:…", description = "Handling level; default the reporter's own, never looser; a TLP:RED report is never re-shared.")
        String level;

        @Option(names = "--sectors", split = ",", paramLabel = "SECTOR", description = "Sectors to warn; default the reporter's.")
        List<String> sectors = List.of();

        @Option(names = "--include-dependent-sectors", description = "Also the sectors that depend on these (interdependency).")
        boolean dependents;

        @Option(names = "--as", paramLabel = "NAME", description = "Who proposes: a NISC person or point of contact"
                + " (default: NISC's desk); the approver must be someone else.")
        String as;

        @Option(names = "--redact", paramLabel = "TEXT", description = "Also remove this text (a site name, a Japanese company"
                + " name the directory does not hold); repeatable.")
        List<String> redact = List.of();

        @Override
        public Integer call() throws Exception {
            Optional<Grounds> g = Grounds.parse(grounds);
            if (g.isEmpty()) {
                System.err.println("refused: --grounds: \"" + grounds + "\" is not one of " + Grounds.accepted());
                return REFUSED;
            }
            Optional<Tlp> tlp = Optional.ofNullable(level).map(l -> Tlp.parse(l).orElse(null));
            if (level != null && tlp.isEmpty()) {
                System.err.println("refused: --level: \"" + level + "\" is not a TLP 2.0 label; use one of " + Tlp.acceptedLabels());
                return REFUSED;
            }
            return withGateway(config, gateway -> {
                Application app = gateway.application();
                Actor proposer = as == null ? app.actors().niscDesk() : app.actors().resolveLocal(as);
                ReshareProposal p = app.proposeReshare().propose(proposer, new ReshareRequest(incident, Optional.ofNullable(report),
                        g.get(), tlp, sectors, dependents, redact));
                System.out.print(ProposalView.render(p, gateway.zone()));
                System.out.println("\nNothing has been sent. Approve with: reshare approve " + p.label() + " --as <a NISC approver>");
                return OK;
            });
        }
    }

    @Command(name = "approve", description = "Approve a proposal as a named NISC point of contact; it is then sent under the"
            + " normal policy with its own reference number.")
    static final class Approve implements Callable<Integer> {
        @Option(names = "--config", description = "Properties file overriding the built-in settings.")
        Path config;

        @Parameters(paramLabel = "PROPOSAL-ID", description = "e.g. RS-0001")
        String proposal;

        @Option(names = "--as", required = true, paramLabel = "POC", description = "The approver: a NISC person with the approver role (not the proposer).")
        String as;

        @Option(names = "--wait", defaultValue = "30s", description = "How long to wait for deliveries (default ${DEFAULT-VALUE}).")
        String wait;

        @Override
        public Integer call() throws Exception {
            Optional<Long> id = ReshareProposal.parseLabel(proposal);
            if (id.isEmpty()) {
                System.err.println("refused: \"" + proposal + "\" is not a proposal id; they look like RS-0001");
                return REFUSED;
            }
            return withGateway(config, gateway -> {
                Application app = gateway.application();
                ReshareApproved approved = app.approveReshare().approve(app.actors().resolveLocal(as), proposal);
                System.out.println("approved " + approved.proposal().label() + " as " + as + ": sent as " + approved.reference());
                return Settled.print(gateway, approved.reference(), wait);
            });
        }
    }

    @Command(name = "reject", description = "Reject a proposal as a named NISC approver (not its proposer), with the reason the"
            + " proposer reads; nothing is sent and the proposal is final.")
    static final class Reject implements Callable<Integer> {
        @Option(names = "--config", description = "Properties file overriding the built-in settings.")
        Path config;

        @Parameters(paramLabel = "PROPOSAL-ID", description = "e.g. RS-0001")
        String proposal;

        @Option(names = "--as", required = true, paramLabel = "POC", description = "The approver: a NISC person with the approver role (not the proposer).")
        String as;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (1 to 1000 characters).")
        String reason;

        @Override
        public Integer call() throws Exception {
            return withGateway(config, gateway -> {
                Application app = gateway.application();
                ReshareProposal p = app.rejectReshare().reject(app.actors().resolveLocal(as), proposal, reason);
                System.out.println("rejected " + p.label() + " as " + as + "; nothing was sent");
                return OK;
            });
        }
    }

    @Command(name = "show", description = "Show a proposal: its source (NISC only), what was removed, state and the text.")
    static final class Show implements Callable<Integer> {
        @Option(names = "--config", description = "Properties file overriding the built-in settings.")
        Path config;

        @Parameters(paramLabel = "PROPOSAL-ID|REF", description = "RS-0001, or the reference of the notice it became.")
        String which;

        @Override
        public Integer call() throws Exception {
            return withGateway(config, gateway -> {
                Application app = gateway.application();
                System.out.print(ProposalView.render(app.approveReshare().show(app.actors().niscDesk(), which), gateway.zone()));
                return OK;
            });
        }
    }
}
