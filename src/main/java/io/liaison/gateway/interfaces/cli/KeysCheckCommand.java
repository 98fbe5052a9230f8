package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.KeyAssessment;
import io.liaison.gateway.keys.KeyPolicy;
import io.liaison.gateway.directory.DirectoryException;
import io.liaison.gateway.directory.DirectoryLoader;
import io.liaison.gateway.directory.DirectoryProblem;
import io.liaison.gateway.directory.RegisteredCertificate;
import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import io.liaison.gateway.keys.smime.SmimeCapability;
import io.liaison.gateway.keys.smime.SmimeRecipientCertificate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keys check}: every certificate the directory names, judged by the key policy now, so a key
 * that expired or was revoked is found before an alert has to go out through it (MISP users' top
 * complaint is silent non-delivery to an expired key). Lists unusable keys and keys expiring within
 * N days, each with the point of contact and fingerprint to chase, and the S/MIME contacts that still get
 * AES-CBC because nothing says they read AES-GCM. Exit 0 when every key is usable
 * (expiring soon is a warning), 1 when any is unusable, 2 when the directory cannot be read.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "List unusable certificates and those expiring soon; exit 1 if any is unusable.")
public final class KeysCheckCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int UNUSABLE = 1;
    static final int REFUSED = 2;

    @Option(names = "--days", defaultValue = "30", paramLabel = "N",
            description = "Warn about keys expiring within N days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--directory", defaultValue = "keys-sample/directory.yaml", paramLabel = "FILE",
            description = "The directory file (default ${DEFAULT-VALUE}).")
    Path directory;

    private final Clock clock;
    private final PrintStream out;

    public KeysCheckCommand() {
        this(Clock.systemUTC(), System.out);
    }

    /** For tests: a fixed clock and a captured output. */
    public KeysCheckCommand(Clock clock, PrintStream out) {
        this.clock = clock;
        this.out = out;
    }

    @Override
    public Integer call() {
        if (days < 0) {
            out.println("refused: --days must not be negative");
            return REFUSED;
        }
        List<RegisteredCertificate> certificates;
        try {
            certificates = new DirectoryLoader(clock, new OpenPgpCertificateReader()).registeredCertificates(directory);
        } catch (DirectoryException e) {
            out.println("refused: " + String.join("; ", e.problems().stream().map(DirectoryProblem::describe).toList()));
            return REFUSED;
        }
        Instant now = clock.instant();
        Duration window = Duration.ofDays(days);
        KeyPolicy policy = KeyPolicy.standard();
        int unusable = 0;
        int expiring = 0;
        int cbc = 0;
        for (RegisteredCertificate registered : certificates) {
            String where = registered.pocId() + " (" + registered.field() + " " + registered.file() + ")";
            if (registered.problem().isPresent()) {
                unusable++;
                out.println("UNUSABLE  " + where + ": unreadable: " + registered.problem().get());
                continue;
            }
            RecipientCertificate certificate = registered.certificate().get();
            KeyAssessment assessment = certificate.assess(policy, now);
            if (!assessment.isUsable()) {
                unusable++;
                out.println("UNUSABLE  " + where + ": " + assessment.describe());
            } else if (certificate instanceof SmimeRecipientCertificate x509 && !x509.supports(SmimeCapability.AES256_GCM)) {
                // Usable, but without authenticated encryption: CBC ciphertext can be altered undetected (EFAIL).
                cbc++;
                out.println("AES-CBC   " + where + ": " + certificate.fingerprint() + " gets AES-256-CBC (EnvelopedData):"
                        + " neither smime_capabilities nor the certificate announce aes256-gcm");
            }
            if (assessment.isUsable() && assessment.expiresWithin(window, now)) {
                expiring++;
                long left = Duration.between(now, assessment.expiresAt().get()).toDays();
                out.println("EXPIRING  " + where + ": " + certificate.fingerprint() + " expires at "
                        + assessment.expiresAt().get() + " (in " + left + " days)");
            }
        }
        out.printf("%d certificates checked against %s at %s: %d unusable, %d expiring within %d days, %d S/MIME on AES-CBC%n",
                certificates.size(), directory, now, unusable, expiring, days, cbc);
        return unusable > 0 ? UNUSABLE : OK;
    }
}
