package io.liaison.gateway.demo;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.app.SkippingClock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.exercise.ExerciseReport;
import io.liaison.gateway.exercise.ExerciseRunner;
import io.liaison.gateway.exercise.ScenarioParser;
import io.liaison.gateway.intake.NoticeFile;
import io.liaison.gateway.numbering.ReferenceNumber;
import io.liaison.gateway.numbering.Registrar;
import io.liaison.gateway.peers.InProcessSmsc;
import io.liaison.gateway.policy.ForwardCommand;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.track.StatusReport;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The main job on embedded defaults: real SMTP/IMAP (GreenMail) and SMPP (jSMPP) servers in-process,
 * the sample directory and keys, one urgent early warning to the electric-power sector, then a normal
 * provision that the power ministry's liaison forwards to the power CEPTOAR and the CEPTOAR relays to
 * its members. Succeeds only if every delivery that passed the gate was accepted on both channels.
 */
public final class Demo {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final PrintStream out;

    public Demo(PrintStream out) {
        this.out = out;
    }

    /** What runs once the story is told, with the gateway and the in-process servers still up ({@code demo --console}). */
    @FunctionalInterface
    public interface Afterwards {
        void run(Gateway gateway, GatewaySettings settings) throws Exception;
    }

    public boolean run(Optional<Path> outDir) throws Exception {
        return run(outDir, new Properties(), Optional.empty());
    }

    /** The story; {@code overrides} are added to the demo's settings; {@code afterwards} runs before the gateway stops. */
    public boolean run(Optional<Path> outDir, Properties overrides, Optional<Afterwards> afterwards) throws Exception {
        Path work = Files.createTempDirectory("liaison-demo");
        GreenMail mailServer = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mailServer.start();
        try (InProcessSmsc smsc = InProcessSmsc.onFreePort().sendDeliveryReceipts(true).start()) {
            out.printf("In-process peers: SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d, SMPP 127.0.0.1:%d%n",
                    mailServer.getSmtp().getPort(), mailServer.getImap().getPort(), smsc.port());
            Properties demo = new Properties();
            demo.setProperty("gateway.demo-mode", "true");
            demo.setProperty("gateway.key.passphrase-file", "keys-sample/gateway/passphrase.txt");
            demo.setProperty("gateway.db.url", "jdbc:h2:file:" + work.resolve("gateway").toAbsolutePath() + ";WRITE_DELAY=0");
            demo.setProperty("gateway.smtp.host", "127.0.0.1");
            demo.setProperty("gateway.smtp.port", String.valueOf(mailServer.getSmtp().getPort()));
            // The in-process peers speak no TLS; outside the demo STARTTLS is required (printed, so nobody copies it unawares).
            demo.setProperty("gateway.smtp.starttls", "none");
            demo.setProperty("gateway.fax.allow-email-without-tls", "true");
            out.println("Transport: gateway.smtp.starttls=none and gateway.fax.allow-email-without-tls=true for the in-process"
                    + " servers only (the defaults: STARTTLS required, IMAPS, e-mail-to-fax only over TLS)");
            demo.setProperty("gateway.smpp.host", "127.0.0.1");
            demo.setProperty("gateway.smpp.port", String.valueOf(smsc.port()));
            demo.putAll(overrides);
            GatewaySettings settings = GatewaySettings.load(Optional.empty(), demo);

            List<StatusReport> reports = new ArrayList<>();
            SkippingClock clock = new SkippingClock();
            int answers;
            try (Gateway gateway = Gateway.builder(settings).clock(clock).start()) {
                out.println();
                out.println("== 1. Urgent early warning: NISC -> power CEPTOAR and operators, copy to the METI liaison ==");
                Registrar.Registered warning = gateway.send(notice("keys-sample/notices/early-warning-power.yaml"));
                reports.add(show(gateway, warning.reference()));

                out.println("== 2. Normal provision: NISC -> METI liaison ==");
                Registrar.Registered provision = gateway.send(notice("keys-sample/notices/provision-power.yaml"));
                show(gateway, provision.reference());
                out.println("== 3. The METI liaison forwards it to the power CEPTOAR ==");
                gateway.forward(new ForwardCommand(provision.reference(), "meti-liaison", List.of("power-ceptoar"), false));
                show(gateway, provision.reference());
                out.println("== 4. The power CEPTOAR relays it to its member operators ==");
                gateway.forward(new ForwardCommand(provision.reference(), "power-ceptoar-duty", List.of(), true));
                reports.add(show(gateway, provision.reference()));

                out.println("== 5. Cross-sector: the power CEPTOAR -> CEPTOAR-Council -> member CEPTOARs -> their operators ==");
                Registrar.Registered cross = gateway.send(notice("keys-sample/notices/cross-sector-from-power-ceptoar.yaml"));
                gateway.awaitSettled(cross.reference(), WAIT);
                gateway.forward(new ForwardCommand(cross.reference(), "council-secretariat", List.of(), true));
                gateway.awaitSettled(cross.reference(), WAIT);
                gateway.forward(new ForwardCommand(cross.reference(), "telecom-ceptoar-duty", List.of(), true));
                reports.add(show(gateway, cross.reference()));

                out.println("== 6. NISC updates the provision: it reaches everyone the original reached ==");
                Registrar.Registered update = gateway.send(followUp("keys-sample/notices/update-provision.yaml",
                        "NISC-PR3-2026-00001", provision.reference()));
                reports.add(show(gateway, update.reference()));

                out.println("== 7. Confirmations of the early warning: by SMS reply and by the ack command; a deadline passes ==");
                DemoTracking tracking = new DemoTracking(gateway, smsc, clock, out);
                tracking.confirmBySmsReply(warning.reference(), "power-ceptoar-duty");
                tracking.confirmByCli(warning.reference(), "meti-liaison", "confirmed by phone to the NISC duty desk");
                tracking.letDeadlinePass(warning.reference());
                reports.set(0, show(gateway, warning.reference()));
                answers = tracking.answers();

                out.println("== 8. NISC cancels the early warning: nobody is chased for it any more ==");
                Registrar.Registered cancel = gateway.send(followUp("keys-sample/notices/cancel-early-warning.yaml",
                        "NISC-EW-2026-00001", warning.reference()));
                reports.add(show(gateway, cancel.reference()));
                out.print(gateway.status(warning.reference()).render(gateway.zone()).lines().limit(3)
                        .reduce("", (a, b) -> a + b + "\n"));
                out.println();

                out.println("== 9. An exercise (演習): a scenario of timed notices and replies on a simulated clock ==");
                ExerciseReport exercise = new ExerciseRunner(gateway.exerciseChain(), clock::skipTo, true)
                        .run(new ScenarioParser().parse(Path.of("keys-sample/exercises/power-scenario-a.yaml")));
                out.print(exercise.render(gateway.zone()));
                out.println();
                exercise.notices().forEach(n -> reports.add(n.status()));

                out.println("== 10. Sanitised re-share: an operator's incident report -> proposal (what was removed) -> NISC approval -> delivery ==");
                reports.addAll(new DemoReshare(out, WAIT, settings.get("gateway.from-address"), clock).run(gateway));

                if (outDir.isPresent()) {
                    writeFaxes(outDir.get(), gateway, reports);
                    DemoStatistics.write(gateway, outDir.get(), out, clock.instant());
                }
                if (afterwards.isPresent()) {
                    afterwards.get().run(gateway, settings);
                }
            }

            boolean ok = verify(reports, mailServer.getReceivedMessages().length, smsc.received().size() - answers);
            if (outDir.isPresent()) {
                write(outDir.get(), mailServer.getReceivedMessages(), smsc);
                writeAuditTrail(outDir.get(), settings);
            }
            return ok;
        } finally {
            mailServer.stop();
        }
    }

    /**
     * The run's audit trail, closed and signed by the gateway's stop: DIR/audit.jsonl with its checkpoints,
     * and the gateway's certificate beside it, so 'audit verify DIR/audit.jsonl' or docs/verify-audit.sh checks it.
     */
    private void writeAuditTrail(Path dir, io.liaison.gateway.app.GatewaySettings settings) throws Exception {
        try (io.liaison.gateway.store.jdbc.Database db = io.liaison.gateway.store.jdbc.Database.open(settings.get("gateway.db.url"),
                settings.get("gateway.db.user"), settings.databasePassword())) {
            io.liaison.gateway.store.jdbc.JdbcAuditLog log = new io.liaison.gateway.store.jdbc.JdbcAuditLog(db.dataSource(),
                    java.time.Clock.systemUTC());
            Path file = dir.resolve("audit.jsonl");
            java.util.List<io.liaison.gateway.audit.AuditEntry> entries = log.read(Optional.empty(), Optional.empty());
            io.liaison.gateway.audit.AuditExport.write(file, entries, log.checkpoints());
            java.nio.file.Files.writeString(dir.resolve("gateway.asc"), io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey
                    .publicCertificate(settings.path("gateway.key.file")).certificate().toAsciiArmoredString());
            out.printf("Audit trail: %d entries in %s (checkpoints in %s); check it with: audit verify %s%n", entries.size(), file,
                    io.liaison.gateway.audit.AuditExport.checkpointsOf(file), file);
        }
    }

    private StatusReport show(Gateway gateway, String reference) throws InterruptedException {
        StatusReport report = gateway.awaitSettled(reference, WAIT);
        out.print(report.render(gateway.zone()));
        out.println();
        return report;
    }

    private boolean verify(List<StatusReport> reports, int emailsReceived, int smsReceived) {
        long emails = 0;
        long sms = 0;
        long faxes = 0;
        List<String> problems = new ArrayList<>();
        for (StatusReport r : reports) {
            for (Delivery d : r.deliveries()) {
                if (d.state() != DeliveryState.SENT && d.state() != DeliveryState.DELIVERED) {
                    problems.add(d.reference() + " " + d.channel().yamlName() + " to " + d.pocId() + " is " + d.state());
                }
                if (d.channel() == ChannelKind.EMAIL) {
                    emails++;
                } else if (d.channel() == ChannelKind.SMS) {
                    sms++;
                } else if (d.channel() == ChannelKind.FAX) {
                    faxes++;
                }
            }
        }
        // the demo's fax bridge is e-mail-to-fax (RFC 3192) through the same SMTP server
        if (emails + faxes != emailsReceived) {
            problems.add("the SMTP server received " + emailsReceived + " e-mails, expected " + emails + " plus " + faxes + " faxes");
        }
        if (sms != smsReceived) {
            problems.add("the SMSC received " + smsReceived + " SMS, expected " + sms);
        }
        if (problems.isEmpty()) {
            out.printf("Demo complete: %d e-mails (signed and encrypted: PGP/MIME or S/MIME), %d SMS and %d faxes (e-mail-to-fax, "
                    + "TIFF) accepted by the servers; refusals listed above.%n", emails, sms, faxes);
            return true;
        }
        out.println("Demo FAILED:");
        problems.forEach(p -> out.println("  - " + p));
        return false;
    }

    /** The fax pages as the fax gateway received them (.tif) and as a person reads them (.pdf). */
    private void writeFaxes(Path dir, Gateway gateway, List<StatusReport> reports)
            throws IOException, io.liaison.gateway.dispatch.DeliveryRefusedException {
        io.liaison.gateway.files.OwnerOnly.createDirectories(dir);
        int n = 0;
        for (StatusReport r : reports) {
            for (Delivery d : r.deliveries()) {
                if (d.channel() == ChannelKind.FAX && d.state() == DeliveryState.SENT) {
                    gateway.renderFax(d).writeTo(dir, String.format("fax-%02d-%s-%s", ++n, d.reference(), d.pocId()));
                }
            }
        }
        out.printf("Wrote %d faxes (.tif and .pdf) to %s%n", n, dir.toAbsolutePath());
    }

    private void write(Path dir, MimeMessage[] mails, InProcessSmsc smsc) throws IOException, MessagingException {
        io.liaison.gateway.files.OwnerOnly.createDirectories(dir);
        int n = 0;
        for (MimeMessage m : mails) {
            String ref = Optional.ofNullable(m.getHeader("X-Liaison-Reference", null)).orElse("message");
            String to = m.getAllRecipients()[0].toString().replaceAll("[^A-Za-z0-9@._-]", "_");
            Path file = dir.resolve(String.format("%02d-%s-%s.eml", ++n, ref, to));
            java.io.ByteArrayOutputStream eml = new java.io.ByteArrayOutputStream();
            m.writeTo(eml);
            io.liaison.gateway.files.OwnerOnly.write(file, eml.toByteArray());
        }
        int s = 0;
        for (InProcessSmsc.ReceivedSms sms : smsc.received()) {
            String ref = java.util.Arrays.stream(sms.text().split(" ")).filter(ReferenceNumber::isWellFormed).findFirst().orElse("sms");
            Path file = dir.resolve(String.format("%02d-%s-sms-%s.txt", ++s, ref, sms.destination().replace("+", "")));
            io.liaison.gateway.files.OwnerOnly.write(file, ("To: " + sms.destination() + "\nFrom: " + sms.source() + "\nSMSC-Id: "
                    + sms.messageId() + "\n\n" + sms.text() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.printf("Wrote %d e-mails (.eml) and %d SMS (.txt) to %s%n", n, s, dir.toAbsolutePath());
    }

    /** The sample follow-ups name the first references of a fresh database; point them at this run's. */
    private static NoticeFile followUp(String path, String sampleReference, String actualReference) throws IOException {
        String yaml = Files.readString(Path.of(path), StandardCharsets.UTF_8).replace(sampleReference, actualReference);
        return new NoticeFile(path, yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static NoticeFile notice(String path) throws IOException {
        return new NoticeFile(path, Files.readAllBytes(Path.of(path)));
    }
}
