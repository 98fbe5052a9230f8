package io.liaison.gateway.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.app.SkippingClock;
import io.liaison.gateway.exercise.ExerciseReport;
import io.liaison.gateway.exercise.ExerciseRunner;
import io.liaison.gateway.exercise.Scenario;
import io.liaison.gateway.files.OwnerOnly;
import io.liaison.gateway.peers.InProcessSmsc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * A simulated exercise (机上演習): the scenario played on a throw-away gateway that shares nothing with
 * the real one but its directory and keys. Its own database and journals in a temporary folder (deleted
 * afterwards), its own clock that jumps from event to event, and in-process SMTP and SMPP servers: no
 * e-mail, SMS or fax leaves the machine and the real gateway's clock, ledger and numbering are untouched.
 * Inbound (IMAP) is off; the scenario's replies are played directly.
 */
public final class SimulatedExercise {
    private SimulatedExercise() {
    }

    /** @param configured the operator's settings: only the directory, keys, zone and policy settings are used */
    public static ExerciseReport run(GatewaySettings configured, Scenario scenario) throws Exception {
        Path work = Files.createTempDirectory("liaison-exercise"); // rwx------
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try (InProcessSmsc smsc = InProcessSmsc.onFreePort().sendDeliveryReceipts(true).start()) {
            GatewaySettings throwAway = isolated(configured, work, mail.getSmtp().getPort(), smsc.port());
            SkippingClock clock = new SkippingClock();
            try (Gateway gateway = Gateway.builder(throwAway).clock(clock).start()) {
                return new ExerciseRunner(gateway.exerciseChain(), clock::skipTo, true).run(scenario);
            }
        } finally {
            mail.stop();
            delete(work);
        }
    }

    /** Every setting that could reach something real is pointed at the temporary folder or the in-process peers. */
    static GatewaySettings isolated(GatewaySettings configured, Path work, int smtpPort, int smppPort) throws IOException {
        Path password = work.resolve("db-password");
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        OwnerOnly.write(password, HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII));
        return configured
                .with("gateway.db.url", "jdbc:h2:file:" + work.resolve("exercise").toAbsolutePath() + ";WRITE_DELAY=0")
                .with("gateway.db.password-env", "")
                .with("gateway.db.password-file", password.toString())
                .with("gateway.dispatch.journal-dir", work.toAbsolutePath().toString())
                .with("gateway.smtp.host", "127.0.0.1")
                .with("gateway.smtp.port", String.valueOf(smtpPort))
                .with("gateway.smtp.starttls", "none")
                .with("gateway.smtp.username", "")
                .with("gateway.smpp.host", "127.0.0.1")
                .with("gateway.smpp.port", String.valueOf(smppPort))
                .with("gateway.fax.mode", "spool")
                .with("gateway.fax.spool-dir", work.resolve("fax-spool").toAbsolutePath().toString())
                .with("gateway.imap.enabled", "false");
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete the simulated exercise's temporary folder " + dir + ": " + e.getMessage());
        }
    }
}
