package io.liaison.gateway.app;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.DirectoryException;
import io.liaison.gateway.directory.DirectoryLoader;
import io.liaison.gateway.intake.NoticeFile;
import io.liaison.gateway.intake.NoticeRejectedException;
import io.liaison.gateway.keys.GatewayKeyException;
import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import io.liaison.gateway.numbering.Registrar;
import io.liaison.gateway.policy.ForwardCommand;
import io.liaison.gateway.policy.ForwardRefusedException;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcConfirmationStore;
import io.liaison.gateway.store.jdbc.JdbcEscalationStore;
import io.liaison.gateway.store.jdbc.JdbcInboundStore;
import io.liaison.gateway.store.jdbc.JdbcNoticeStore;
import io.liaison.gateway.track.StatusReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line: one verb per job a duty officer, liaison or CEPTOAR coordinator does. */
@Command(name = "liaison-gateway", mixinStandardHelpOptions = true, version = "liaison-gateway 0.1.0",
        description = "Secure two-channel messaging gateway: NISC, ministry liaisons, CEPTOARs and operators.",
        subcommands = {Main.DirectoryCommand.class, Main.SendCommand.class,
                Main.ForwardCommandLine.class, Main.StatusCommand.class, Main.ServeCommand.class,
                io.liaison.gateway.inbound.incident.IncidentCommand.class, io.liaison.gateway.keys.KeysCommand.class,
                io.liaison.gateway.track.cli.AckCommand.class, io.liaison.gateway.exercise.ExerciseCommand.class,
                io.liaison.gateway.reshare.ReshareCommand.class, io.liaison.gateway.stats.StatsCommand.class})
public final class Main implements Callable<Integer> {
    /** Exit codes: 0 done, 1 failed while running, 2 input or settings refused. */
    static final int OK = 0;
    static final int FAILED = 1;
    static final int REFUSED = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // demo and bench live in the demo-only packages, absent from liaison-gateway-server.jar: named as strings
        cli.addSubcommand("demo", DemoOnly.commandOrStandIn(DemoOnly.DEMO_COMMAND));
        cli.addSubcommand("bench", DemoOnly.commandOrStandIn(DemoOnly.BENCH_COMMAND));
        return cli.setExecutionExceptionHandler(Main::explain).execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return OK;
    }

    /** Known refusals become one clear line and exit 2; anything else is a failure with its message. */
    private static int explain(Exception e, CommandLine cmd, CommandLine.ParseResult parse) {
        PrintWriter err = cmd.getErr();
        if (e instanceof NoticeRejectedException || e instanceof ForwardRefusedException || e instanceof DirectoryException
                || e instanceof GatewaySettings.SettingsException || e instanceof GatewayKeyException) {
            err.println("refused: " + e.getMessage());
            return REFUSED;
        }
        Throwable t = e instanceof org.apache.camel.CamelExecutionException && e.getCause() != null ? e.getCause() : e;
        err.println("failed: " + t.getClass().getSimpleName() + ": " + t.getMessage());
        if (Boolean.getBoolean("liaison.debug")) {
            t.printStackTrace(err);
        }
        return FAILED;
    }

    /** Options every command that starts the gateway shares. */
    static class GatewayOptions {
        @Option(names = "--config", description = "Properties file overriding the built-in settings.")
        Path config;

        GatewaySettings settings() {
            return GatewaySettings.load(Optional.ofNullable(config), new Properties());
        }
    }

    @Command(name = "directory", description = "Directory tools.", subcommands = DirectoryCheck.class)
    static final class DirectoryCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(System.out);
            return OK;
        }
    }

    @Command(name = "check", description = "Validate a directory file and its certificates; list every problem.")
    static final class DirectoryCheck implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            Directory d = new DirectoryLoader(Clock.systemUTC(), new OpenPgpCertificateReader()).load(file);
            System.out.printf("%s: valid — %d sectors, %d organisations, %d points of contact, %d agreements%n", file,
                    d.sectors().size(), d.organisations().size(), d.pointsOfContact().size(), d.agreements().size());
            return OK;
        }
    }

    @Command(name = "send", description = "Send a notice file (YAML); prints its reference and delivery table.")
    static final class SendCommand implements Callable<Integer> {
        @CommandLine.Mixin
        GatewayOptions options = new GatewayOptions();

        @Parameters(paramLabel = "NOTICE.yaml")
        Path notice;

        @Option(names = "--wait", defaultValue = "30s", description = "How long to wait for deliveries (default ${DEFAULT-VALUE}).")
        String wait;

        @Override
        public Integer call() throws Exception {
            byte[] yaml = readNotice(notice);
            try (Gateway gateway = Gateway.builder(options.settings()).start()) {
                Registrar.Registered r = gateway.send(new NoticeFile(notice.toString(), yaml));
                System.out.println("accepted " + r.reference() + ": " + r.deliveries() + " deliveries, " + r.refusals() + " refused");
                return printSettled(gateway, r.reference(), wait);
            }
        }
    }

    @Command(name = "forward", description = "Pass a received notice on, acting as a named point of contact.")
    static final class ForwardCommandLine implements Callable<Integer> {
        @CommandLine.Mixin
        GatewayOptions options = new GatewayOptions();

        @Parameters(paramLabel = "REF")
        String reference;

        @Option(names = "--to", arity = "1..*", paramLabel = "ORG", description = "Organisations to forward to.")
        List<String> to = List.of();

        @Option(names = "--to-members", description = "Forward to every organisation this one passes notices on to.")
        boolean toMembers;

        @Option(names = "--as", required = true, paramLabel = "POC", description = "The point of contact doing the forward.")
        String as;

        @Option(names = "--wait", defaultValue = "30s")
        String wait;

        @Override
        public Integer call() throws Exception {
            try (Gateway gateway = Gateway.builder(options.settings()).start()) {
                Registrar.Registered r = gateway.forward(new ForwardCommand(reference, as, to, toMembers));
                System.out.println("forwarded " + r.reference() + ": " + r.deliveries() + " deliveries, " + r.refusals() + " refused");
                return printSettled(gateway, r.reference(), wait);
            }
        }
    }

    @Command(name = "status", description = "Show a notice's deliveries (recipient × channel × state), chain, refusals and acknowledgements.")
    static final class StatusCommand implements Callable<Integer> {
        @CommandLine.Mixin
        GatewayOptions options = new GatewayOptions();

        @Parameters(paramLabel = "REF")
        String reference;

        /** Reads the ledger only: no keys, no servers, and nothing is dispatched as a side effect. */
        @Override
        public Integer call() {
            GatewaySettings settings = options.settings();
            try (Database db = Database.open(settings.get("gateway.db.url"), settings.get("gateway.db.user"),
                    settings.databasePassword())) {
                JdbcNoticeStore store = new JdbcNoticeStore(db.dataSource());
                if (store.notice(reference).isEmpty()) {
                    System.err.println("refused: no notice with reference " + reference);
                    return REFUSED;
                }
                System.out.print(StatusReport.of(store, reference).withTracking(new JdbcConfirmationStore(db.dataSource()),
                        new JdbcEscalationStore(db.dataSource()), List.of()).render(settings.zone()));
                return OK;
            }
        }
    }

    @Command(name = "serve", description = "Run the gateway until stopped: resumes and retries stored deliveries.")
    static final class ServeCommand implements Callable<Integer> {
        @CommandLine.Mixin
        GatewayOptions options = new GatewayOptions();

        @Override
        public Integer call() throws Exception {
            CountDownLatch stop = new CountDownLatch(1);
            CountDownLatch closed = new CountDownLatch(1);
            // The JVM halts once its shutdown hooks return: this one waits until the gateway has closed
            // (routes stopped, journals and database closed), within the same bound as Camel's own stop.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                try {
                    closed.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "gateway-stop"));
            try (Gateway gateway = Gateway.builder(options.settings()).start()) {
                System.out.println("gateway running; stop with Ctrl-C");
                stop.await();
            } finally {
                closed.countDown();
            }
            return OK;
        }
    }

    static byte[] readNotice(Path notice) {
        try {
            return Files.readAllBytes(notice);
        } catch (NoSuchFileException e) {
            throw new NoticeRejectedException(notice.toString(), List.of("no such file"));
        } catch (IOException e) {
            throw new NoticeRejectedException(notice.toString(), List.of("cannot be read: " + e.getMessage()));
        }
    }

    static int printSettled(Gateway gateway, String reference, String wait) throws InterruptedException {
        StatusReport report = gateway.awaitSettled(reference, GatewaySettingsDurations.parse(wait));
        System.out.print(report.render(gateway.zone()));
        if (!report.settled()) {
            System.out.println("Some deliveries are still being retried; they stay stored and resume with 'serve'.");
        }
        return OK;
    }

    /** Parses 30s / 5m style durations given on the command line. */
    static final class GatewaySettingsDurations {
        static Duration parse(String text) {
            return Duration.parse(text.startsWith("P") ? text : "PT" + text.toUpperCase());
        }
    }
}
