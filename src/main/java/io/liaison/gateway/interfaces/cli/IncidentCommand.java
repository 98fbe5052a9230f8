package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.inbound.incident.IncidentThread;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.inbound.IncidentReportRecord;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.ExistingDatabase;
import io.liaison.gateway.store.jdbc.JdbcInboundStore;
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
 * {@code incident show ORG/INCIDENT-ID}: an incident's reports in order with who sent each. Reads the
 * ledger only; it needs neither the keys nor the mail and SMS servers.
 */
@Command(name = "incident", description = "Incident reports received from operators.", subcommands = IncidentCommand.Show.class)
public final class IncidentCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    @Command(name = "show", description = "List an incident's reports (第1報, 第2報 …) in order with who sent each.")
    static final class Show implements Callable<Integer> {
        @Option(names = "--config", description = "Properties file overriding the built-in settings.")
        Path config;

        @Parameters(paramLabel = "INCIDENT-ID", description = "ORGANISATION/ID as reported, e.g. east-power/EP-2026-0042.")
        String incident;

        @Override
        public Integer call() {
            GatewaySettings settings = GatewaySettings.load(Optional.ofNullable(config), new Properties());
            try (Database db = ExistingDatabase.open(settings.get("gateway.db.url"), settings.get("gateway.db.user"),
                    settings.databasePassword())) {
                JdbcInboundStore store = new JdbcInboundStore(db.dataSource());
                List<IncidentReportRecord> reports = store.reports(incident);
                if (reports.isEmpty()) {
                    String org = incident.contains("/") ? incident.substring(0, incident.indexOf('/')) : incident;
                    List<String> known = store.incidentKeys(org);
                    System.err.println("refused: no incident " + incident
                            + (known.isEmpty() ? "; incident ids are ORGANISATION/ID, e.g. east-power/EP-2026-0042"
                                    : "; known for " + org + ": " + String.join(", ", known)));
                    return 2;
                }
                System.out.print(new IncidentThread(incident, reports).render(settings.zone(), null));
                return 0;
            }
        }
    }
}
