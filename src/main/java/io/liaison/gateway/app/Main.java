package io.liaison.gateway.app;

import io.liaison.gateway.application.ActionRefusedException;
import io.liaison.gateway.application.UnknownActorException;
import io.liaison.gateway.directory.DirectoryException;
import io.liaison.gateway.intake.NoticeRejectedException;
import io.liaison.gateway.interfaces.cli.AckCommand;
import io.liaison.gateway.interfaces.cli.DirectoryCommand;
import io.liaison.gateway.interfaces.cli.ExerciseCommand;
import io.liaison.gateway.interfaces.cli.ExitCodes;
import io.liaison.gateway.interfaces.cli.ForwardNoticeCommand;
import io.liaison.gateway.interfaces.cli.IncidentCommand;
import io.liaison.gateway.interfaces.cli.InitCommand;
import io.liaison.gateway.interfaces.cli.KeysCommand;
import io.liaison.gateway.interfaces.cli.ReshareCommand;
import io.liaison.gateway.interfaces.cli.SendCommand;
import io.liaison.gateway.interfaces.cli.ServeCommand;
import io.liaison.gateway.interfaces.cli.StatsCommand;
import io.liaison.gateway.interfaces.cli.StatusCommand;
import io.liaison.gateway.keys.GatewayKeyException;
import io.liaison.gateway.policy.ForwardRefusedException;
import io.liaison.gateway.store.jdbc.ExistingDatabase;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level entry: registers the commands (they live in {@code interfaces.cli}, the demo-only ones
 * are loaded by name) and turns known refusals into one line and exit 2.
 */
@Command(name = "liaison-gateway", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Secure two-channel messaging gateway: NISC, ministry liaisons, CEPTOARs and operators.",
        subcommands = {DirectoryCommand.class, SendCommand.class, ForwardNoticeCommand.class, StatusCommand.class,
                ServeCommand.class, IncidentCommand.class, KeysCommand.class, AckCommand.class, ExerciseCommand.class,
                ReshareCommand.class, StatsCommand.class, InitCommand.class,
                io.liaison.gateway.interfaces.cli.AuditCommand.class, io.liaison.gateway.interfaces.cli.TokenCommand.class,
                io.liaison.gateway.interfaces.cli.ApiClientCommand.class})
public final class Main implements Callable<Integer> {
    static final String VERSION = "liaison-gateway 0.1.0";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        LogFile.apply(args);
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().setExecutionExceptionHandler(Main::explain).execute(args);
    }

    /** Every command, with --help and --version on each of them (so a command added later cannot forget them). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        // demo and bench live in the demo-only packages, absent from liaison-gateway-server.jar: named as strings
        cli.addSubcommand("demo", DemoOnly.commandOrStandIn(DemoOnly.DEMO_COMMAND));
        cli.addSubcommand("bench", DemoOnly.commandOrStandIn(DemoOnly.BENCH_COMMAND));
        withHelp(cli);
        return cli;
    }

    private static void withHelp(CommandLine command) {
        CommandLine.Model.CommandSpec spec = command.getCommandSpec();
        if (!spec.mixinStandardHelpOptions()) {
            spec.mixinStandardHelpOptions(true);
        }
        if (spec.version().length == 0) {
            spec.version(VERSION);
        }
        command.getSubcommands().values().forEach(Main::withHelp);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return ExitCodes.OK;
    }

    /** Known refusals become one clear line and exit 2; anything else is a failure with its message. */
    private static int explain(Exception e, CommandLine cmd, CommandLine.ParseResult parse) {
        PrintWriter err = cmd.getErr();
        if (e instanceof NoticeRejectedException || e instanceof ForwardRefusedException || e instanceof DirectoryException
                || e instanceof GatewaySettings.SettingsException || e instanceof GatewayKeyException
                || e instanceof ExistingDatabase.NoStoredDatabaseException) {
            err.println("refused: " + e.getMessage());
            return ExitCodes.REFUSED;
        }
        // a running serve holds the H2 file: one line naming the API, not H2's page of possible solutions
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof io.liaison.gateway.store.jdbc.Database.DatabaseInUseException inUse) {
                err.println("refused: " + inUse.getMessage());
                return ExitCodes.REFUSED;
            }
        }
        Throwable t = e instanceof org.apache.camel.CamelExecutionException && e.getCause() != null ? e.getCause() : e;
        err.println("failed: " + t.getClass().getSimpleName() + ": " + t.getMessage());
        if (Boolean.getBoolean("liaison.debug")) {
            t.printStackTrace(err);
        }
        return ExitCodes.FAILED;
    }
}
