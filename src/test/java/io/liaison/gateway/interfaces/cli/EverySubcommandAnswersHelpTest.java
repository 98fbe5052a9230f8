package io.liaison.gateway.interfaces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Main;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/** {@code --help} on every command and subcommand prints its usage and exits 0, without running it. */
class EverySubcommandAnswersHelpTest {

    @TestFactory
    Stream<DynamicTest> everyCommandPathPrintsItsUsage() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        assertTrue(paths.size() >= 15, "expected every command, found " + paths);
        return paths.stream().map(path -> DynamicTest.dynamicTest(String.join(" ", path) + " --help", () -> {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.code(), run.out() + run.err());
            assertTrue(run.out().contains("Usage: liaison-gateway " + String.join(" ", path)), run.out());
            assertTrue(run.out().contains("-h, --help"), run.out());
        }));
    }

    private static void collect(CommandLine command, List<String> prefix, List<List<String>> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().aliases().length > 0 && !sub.getCommandName().equals(name)) {
                return;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(name);
            paths.add(path);
            collect(sub, path, paths);
        });
    }
}
