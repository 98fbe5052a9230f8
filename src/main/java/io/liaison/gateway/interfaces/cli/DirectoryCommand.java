package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.DirectoryLoader;
import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code directory check FILE}: validate a directory file and its certificates. */
@Command(name = "directory", description = "Directory tools.", subcommands = {DirectoryCommand.Check.class, DirectoryReloadCommand.class})
public final class DirectoryCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return ExitCodes.OK;
    }

    @Command(name = "check", description = "Validate a directory file and its certificates; list every problem.")
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            Directory d = new DirectoryLoader(Clock.systemUTC(), new OpenPgpCertificateReader()).load(file);
            System.out.printf("%s: valid — %d sectors, %d organisations, %d points of contact, %d agreements%n", file,
                    d.sectors().size(), d.organisations().size(), d.pointsOfContact().size(), d.agreements().size());
            return ExitCodes.OK;
        }
    }
}
