package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.app.GatewayKeys;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.keys.OwnKeyFinding;
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
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keys check}: every certificate the directory names, judged by the key policy now, so a key
 * that expired or was revoked is found before an alert has to go out through it (MISP users' top
 * complaint is silent non-delivery to an expired key). Lists unusable keys and keys expiring within
 * N days, each with the point of contact and fingerprint to chase, and the S/MIME contacts that still get
 * AES-CBC because nothing says they read AES-GCM. It reads the settings of {@code --config} (the directory
 * named there, unless {@code --directory} is given) and judges the gateway's own keys too, current and next
 * ({@link GatewayKeys#judge}). Exit 0 when every key is usable (expiring soon is a warning), 1 when any is
 * unusable, 2 when the settings or the directory cannot be read.
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

    @Option(names = "--directory", paramLabel = "FILE",
            description = "The directory file (default: gateway.directory of the settings).")
    Path directory;

    @CommandLine.Mixin
    GatewayOptions options = new GatewayOptions();

    private final Clock clock;
    private final PrintStream out;
    private final Map<String, String> environment;

    public KeysCheckCommand() {
        this(Clock.systemUTC(), System.out, System.getenv());
    }

    /** For tests: a fixed clock and a captured output; passphrases from this process's environment or the settings' files. */
    public KeysCheckCommand(Clock clock, PrintStream out) {
        this(clock, out, System.getenv());
    }

    /** For tests: a fixed clock, a captured output and an environment of their own (for the key passphrases). */
    public KeysCheckCommand(Clock clock, PrintStream out, Map<String, String> environment) {
        this.clock = clock;
        this.out = out;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() {
        if (days < 0) {
            out.println("refused: --days must not be negative");
            return REFUSED;
        }
        GatewaySettings settings;
        try {
            settings = options.settings();
        } catch (GatewaySettings.SettingsException e) {
            out.println("refused: " + e.getMessage());
            return REFUSED;
        }
        if (directory == null) {
            directory = settings.path("gateway.directory");
        }
        // The gateway's own keys first: without them nothing goes out and no reply can be read.
        int ownUnusable = 0;
        List<OwnKeyFinding> own = GatewayKeys.judge(settings, environment, clock.instant(), Duration.ofDays(days));
        for (OwnKeyFinding f : own) {
            String column = switch (f.verdict()) {
                case USABLE -> "GATEWAY   ";
                case EXPIRING -> "EXPIRING  ";
                case UNUSABLE -> "UNUSABLE  ";
            };
            out.println(column + f.describe());
            ownUnusable += f.verdict() == OwnKeyFinding.Verdict.UNUSABLE ? 1 : 0;
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
        long ownExpiring = own.stream().filter(f -> f.verdict() == OwnKeyFinding.Verdict.EXPIRING).count();
        out.printf("%d certificates checked against %s at %s: %d unusable, %d expiring within %d days, %d S/MIME on AES-CBC;"
                        + " gateway keys: %d checked, %d unusable, %d expiring%n",
                certificates.size(), directory, now, unusable, expiring, days, cbc, own.size(), ownUnusable, ownExpiring);
        return unusable + ownUnusable > 0 ? UNUSABLE : OK;
    }
}
