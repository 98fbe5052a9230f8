package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.app.GatewayKeys;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.audit.ActorRef;
import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.audit.AuditCheckpoints;
import io.liaison.gateway.audit.AuditEntry;
import io.liaison.gateway.audit.AuditExport;
import io.liaison.gateway.audit.ChainVerdict;
import io.liaison.gateway.audit.ChainVerifier;
import io.liaison.gateway.audit.OpenPgpCheckpoints;
import io.liaison.gateway.keys.GatewayKeyException;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcAuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code audit verify [FILE]} and {@code audit export [--from --to] FILE}: the tamper-evident trail. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The audit trail: verify it, export it.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
public final class AuditCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return ExitCodes.OK;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the whole chain in the database (or the export FILE) and the checkpoint signatures.",
                    "Exit 0 intact; 1 naming the first entry changed, removed, inserted or moved, or the forged checkpoint."})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Mixin
        GatewayOptions options = new GatewayOptions();

        @Parameters(paramLabel = "FILE", arity = "0..1", description = "An export (FILE and FILE.checkpoints); without it, the database.")
        Path file;

        @Option(names = "--certificate", paramLabel = "CERT",
                description = "The gateway's OpenPGP certificate(s) the checkpoints must be signed by (default: the public parts of gateway.key.file and, during a rollover, gateway.key.next.file).")
        List<Path> certificates = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            GatewaySettings settings = options.settings();
            ChainVerifier verifier = new ChainVerifier(OpenPgpCheckpoints.verifier(certificates(settings, certificates)));
            ChainVerdict verdict;
            String what;
            if (file != null) {
                if (!Files.isRegularFile(file)) {
                    System.err.println("refused: " + file + ": no such export file");
                    return ExitCodes.REFUSED;
                }
                what = file.toString();
                try {
                    verdict = AuditExport.read(file).verify(verifier);
                } catch (java.io.IOException e) {
                    // not UTF-8, or a line longer than any entry: not an intact export, said without a stack trace
                    System.out.println(what + ": not verified");
                    System.err.println("  " + e.getMessage());
                    return ExitCodes.FAILED;
                }
            } else {
                try (Database db = open(settings)) {
                    what = "the audit trail";
                    verdict = new JdbcAuditLog(db.dataSource(), Clock.systemUTC()).verify(verifier);
                }
            }
            if (verdict.intact()) {
                System.out.println(what + ": " + verdict.summary());
                return ExitCodes.OK;
            }
            System.out.println(what + ": " + verdict.summary());
            verdict.problems().forEach(p -> System.err.println("  " + p));
            return ExitCodes.FAILED;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the trail as JSON lines to FILE and its signed checkpoints to FILE.checkpoints.",
                    "Check it anywhere with 'audit verify FILE' or docs/verify-audit.sh (bash, sha256sum, gpg)."})
    static final class Export implements Callable<Integer> {
        @CommandLine.Mixin
        GatewayOptions options = new GatewayOptions();

        @Option(names = "--from", paramLabel = "TIME", description = "First time included (2026-12-01, 2026-12-01T09:00+09:00 or an instant).")
        String from;

        @Option(names = "--to", paramLabel = "TIME", description = "First time no longer included.")
        String to;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            GatewaySettings settings = options.settings();
            Optional<Instant> fromTime = time("--from", from, settings.zone());
            Optional<Instant> toTime = time("--to", to, settings.zone());
            try (Database db = open(settings)) {
                JdbcAuditLog log = new JdbcAuditLog(db.dataSource(), Clock.systemUTC());
                Map<String, String> details = new LinkedHashMap<>();
                details.put("file", file.toAbsolutePath().toString());
                fromTime.ifPresent(t -> details.put("from", t.toString()));
                toTime.ifPresent(t -> details.put("to", t.toString()));
                details.put("user", System.getProperty("user.name", "unknown"));
                // recorded before the export is read, so the export shows it and its closing checkpoint covers it
                log.record(ActorRef.gateway(), AuditAction.AUDIT_EXPORTED, null, details);
                if (toTime.isEmpty()) {
                    signHead(settings, log);
                }
                List<AuditEntry> entries = log.read(fromTime, toTime);
                AuditExport.write(file, entries, log.checkpoints());
                System.out.println("exported " + entries.size() + " entries to " + file + " and their checkpoints to "
                        + AuditExport.checkpointsOf(file));
                return ExitCodes.OK;
            }
        }

        /** The export ends on a signed head when the key can be opened here; else it says what is left unsigned. */
        private static void signHead(GatewaySettings settings, JdbcAuditLog log) {
            try {
                // the key that signs today's messages: during a rollover the next key once gateway.key.switch-at has passed
                new AuditCheckpoints(log, OpenPgpCheckpoints.signer(GatewayKeys.load(settings).openPgp()), Clock.systemUTC(),
                        Long.MAX_VALUE, java.time.Duration.ofDays(36500)).checkpointNow();
            } catch (GatewayKeyException | GatewaySettings.SettingsException e) {
                System.err.println("warning: the head was not signed now (" + e.getMessage() + "); entries after the last"
                        + " stored checkpoint are protected by their hashes only");
            }
        }
    }

    static Database open(GatewaySettings settings) {
        return Database.open(settings.get("gateway.db.url"), settings.get("gateway.db.user"), settings.databasePassword());
    }

    static List<OpenPgpRecipientCertificate> certificates(GatewaySettings settings, List<Path> given) throws GatewayKeyException {
        List<OpenPgpRecipientCertificate> out = new ArrayList<>();
        if (given.isEmpty()) {
            out.add(OpenPgpGatewayKey.publicCertificate(settings.path("gateway.key.file")));
            // during and after a rollover the checkpoints made since gateway.key.switch-at are signed by the next key
            Optional<String> next = settings.optional("gateway.key.next.file");
            if (next.isPresent()) {
                out.add(OpenPgpGatewayKey.publicCertificate(settings.path("gateway.key.next.file")));
            }
        }
        for (Path p : given) {
            out.add(OpenPgpGatewayKey.publicCertificate(p));
        }
        return out;
    }

    static Optional<Instant> time(String option, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            // not an instant: an offset time or a date below
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            // a date below
        }
        try {
            return Optional.of(LocalDate.parse(text).atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new GatewaySettings.SettingsException("option " + option + ": not a time: " + text
                    + " (expected 2026-12-01, 2026-12-01T09:00+09:00 or 2026-12-01T00:00:00Z)");
        }
    }
}
