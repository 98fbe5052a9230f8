package io.liaison.gateway.interfaces.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code keys}: key tools. Registered in the main command line: {@code keys check}, {@code keys announce}. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Key tools.",
        subcommands = {KeysCheckCommand.class, KeysAnnounceCommand.class})
public final class KeysCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }
}
