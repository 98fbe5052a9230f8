package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.ExistingDatabase;
import io.liaison.gateway.store.jdbc.JdbcConfirmationStore;
import io.liaison.gateway.store.jdbc.JdbcEscalationStore;
import io.liaison.gateway.store.jdbc.JdbcNoticeStore;
import io.liaison.gateway.track.StatusReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code status REF}: a notice's deliveries, chain, refusals and acknowledgements. */
@Command(name = "status", description = "Show a notice's deliveries (recipient × channel × state), chain, refusals and acknowledgements.")
public final class StatusCommand implements Callable<Integer> {
    @CommandLine.Mixin
    GatewayOptions options = new GatewayOptions();

    @Parameters(paramLabel = "REF")
    String reference;

    /** Reads the ledger only: no keys, no servers, and nothing is dispatched as a side effect. */
    @Override
    public Integer call() {
        GatewaySettings settings = options.settings();
        try (Database db = ExistingDatabase.open(settings.get("gateway.db.url"), settings.get("gateway.db.user"),
                settings.databasePassword())) {
            JdbcNoticeStore store = new JdbcNoticeStore(db.dataSource());
            if (store.notice(reference).isEmpty()) {
                System.err.println("refused: no notice with reference " + reference);
                return ExitCodes.REFUSED;
            }
            System.out.print(StatusReport.of(store, reference).withTracking(new JdbcConfirmationStore(db.dataSource()),
                    new JdbcEscalationStore(db.dataSource()), List.of()).render(settings.zone()));
            System.out.print(AuditTrailView.render(new io.liaison.gateway.store.jdbc.JdbcAuditLog(db.dataSource(),
                    java.time.Clock.systemUTC()).trail(reference), settings.zone()));
            return ExitCodes.OK;
        }
    }
}
