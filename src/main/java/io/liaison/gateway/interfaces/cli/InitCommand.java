package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.deployment.DeploymentFolder;
import io.liaison.gateway.deployment.DeploymentRefusedException;
import io.liaison.gateway.deployment.DeploymentRequest;
import io.liaison.gateway.deployment.SmimeChoice;
import io.liaison.gateway.keys.GatewayKeyException;
import io.liaison.gateway.keys.PassphraseSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code init DIR}: a deployment folder for a first real gateway. The passphrase protecting the new keys comes from
 * {@code LIAISON_KEY_PASSPHRASE} (or a file named by {@code LIAISON_KEY_PASSPHRASE_FILE}), never from an argument,
 * where it would sit in the process list and the shell history; without it nothing is made.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a deployment folder: a new gateway OpenPGP key (passphrase from LIAISON_KEY_PASSPHRASE or the file"
                + " named by LIAISON_KEY_PASSPHRASE_FILE), its certificate to give every contact, optionally an S/MIME key,"
                + " a settings file whose secrets are environment variables, a directory skeleton and absolute data paths.",
                "DIR must be new or empty. Every file is readable by its owner only."})
public final class InitCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The deployment folder to create (new or empty).")
    Path folder;

    @Option(names = "--email", required = true, paramLabel = "ADDRESS",
            description = "The gateway's own e-mail address: From of every notice, and where replies come back.")
    String email;

    @Option(names = "--name", defaultValue = "Liaison Gateway (NISC)", paramLabel = "NAME",
            description = "The gateway's display name in its key and From address (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--smime", defaultValue = "none", paramLabel = "none|self-signed|csr",
            description = "Also make an S/MIME key: with a self-signed certificate, or with a request (CSR) for your CA"
                    + " (default: ${DEFAULT-VALUE}).")
    String smime;

    private final Map<String, String> environment;
    private final Clock clock;

    public InitCommand() {
        this(System.getenv(), Clock.systemDefaultZone());
    }

    /** For tests: the environment and clock are handed in (a test cannot set its own process's variables). */
    public InitCommand(Map<String, String> environment, Clock clock) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        char[] passphrase;
        DeploymentRequest request;
        try {
            request = new DeploymentRequest(folder, name, email, SmimeChoice.parse(smime));
            passphrase = PassphraseSource.resolve(environment, Optional.empty()).read();
        } catch (DeploymentRefusedException | GatewayKeyException e) {
            err.println("refused: " + (e instanceof GatewayKeyException ? passphraseMissing(e) : e.getMessage()));
            err.flush();
            return ExitCodes.REFUSED;
        }
        DeploymentFolder.Created created;
        try {
            created = new DeploymentFolder(clock).create(request, passphrase);
        } catch (DeploymentRefusedException e) {
            err.println("refused: " + e.getMessage());
            err.flush();
            return ExitCodes.REFUSED;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        report(created, out);
        return ExitCodes.OK;
    }

    /** The generic message speaks of a configuration file, which init has not written yet. */
    private String passphraseMissing(Exception e) {
        boolean neither = !set(PassphraseSource.DEFAULT_VARIABLE) && !set(PassphraseSource.FILE_VARIABLE);
        return neither ? "no passphrase for the new keys: export " + PassphraseSource.DEFAULT_VARIABLE + ", or "
                + PassphraseSource.FILE_VARIABLE + " naming a file that holds it (never a command-line argument); nothing was written"
                : e.getMessage() + "; nothing was written";
    }

    private boolean set(String variable) {
        String v = environment.get(variable);
        return v != null && !v.isEmpty();
    }

    private void report(DeploymentFolder.Created c, PrintWriter out) {
        var l = c.layout();
        String expires = DateTimeFormatter.ISO_LOCAL_DATE.format(c.keysExpire().atZone(ZoneId.of("Asia/Tokyo")));
        out.println("created deployment " + l.root());
        out.println("  gateway OpenPGP key   " + l.openPgpSecretKey() + " (protected by the passphrase; valid until " + expires + ")");
        out.println("  certificate to give   " + l.openPgpCertificate());
        out.println("  fingerprint           " + c.openPgpFingerprint());
        switch (c.smime()) {
            case SELF_SIGNED -> {
                out.println("  S/MIME key            " + l.smimeKey() + " with a self-signed certificate " + l.smimeCertificate());
                out.println("  S/MIME SHA-256        " + c.smimeCertificateSha256().orElseThrow());
            }
            case CSR -> out.println("  S/MIME key            " + l.smimeKey() + " and a certificate signing request for your CA "
                    + l.smimeRequest() + " (S/MIME stays off in the settings until the certificate is back)");
            case NONE -> out.println("  S/MIME                none (OpenPGP only; add later with a new key in gateway.smime.key.file)");
        }
        out.println("  settings              " + l.settings() + " (secrets: LIAISON_KEY_PASSPHRASE, LIAISON_DB_PASSWORD, ...)");
        out.println("  directory skeleton    " + l.directory() + " (fill in the FILL IN fields, then: directory check)");
        out.println("  database              " + l.database() + ".mv.db (made at the first send or serve)");
        out.println("Give every point of contact the certificate and read them the fingerprint over a second channel.");
        out.flush();
    }
}
