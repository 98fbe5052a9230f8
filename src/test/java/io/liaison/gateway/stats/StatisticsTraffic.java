package io.liaison.gateway.stats;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundOutcome;
import io.liaison.gateway.inbound.InboundStatus;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.TestCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.bouncycastle.openpgp.api.OpenPGPKey;

/**
 * Traffic for the statistics, sent through the real intake and outbound paths: the sample directory plus an
 * agency (JPCERT/CC, kind agency) with a key of its own, and a clock set to Tokyo wall-clock times.
 */
final class StatisticsTraffic {
    static final String AGENCY_ADDRESS = "duty@jpcert.test.invalid";

    private final Path agencyKey;
    final Path directory;

    private StatisticsTraffic(Path directory, Path agencyKey) {
        this.directory = directory;
        this.agencyKey = agencyKey;
    }

    /** The sample directory with absolute certificate paths and an agency added. */
    static StatisticsTraffic prepare(Path work) throws IOException {
        OpenPGPKey key = TestCertificates.generateKey("jpcert-duty", Instant.parse("2025-01-01T00:00:00Z"), Duration.ofDays(3650));
        Path cert = TestCertificates.writeCertificate(work, "jpcert-duty", key);
        Path secret = TestCertificates.writeSecretKey(work, "jpcert-duty", key);
        // Certificates are named relative to the directory file, which moves to the test's folder.
        String samples = Path.of("keys-sample").toAbsolutePath() + "/";
        String yaml = Files.readString(Path.of("keys-sample/directory.yaml"), StandardCharsets.UTF_8)
                .replace("openpgp_certificate: certs/", "openpgp_certificate: " + samples + "certs/")
                .replace("smime_certificate: smime/", "smime_certificate: " + samples + "smime/")
                .replace("\npoints_of_contact:\n", "\n  - id: jpcert\n    kind: agency\n    name: JPCERT/CC (test)\n\npoints_of_contact:\n")
                .replace("\nagreements:\n", "\n  - id: jpcert-duty\n    organisation: jpcert\n    name: JPCERT/CC duty\n    role: duty\n"
                        + "    channels:\n      - email: " + AGENCY_ADDRESS + "\n      - sms: \"+819000000091\"\n"
                        + "    openpgp_certificate: " + cert.toAbsolutePath() + "\n\nagreements:\n");
        Path directory = work.resolve("directory.yaml");
        Files.writeString(directory, yaml, StandardCharsets.UTF_8);
        return new StatisticsTraffic(directory, secret);
    }

    Gateway start(GatewayHarness h) throws Exception {
        Properties p = h.overrides();
        p.setProperty("gateway.directory", directory.toString());
        return Gateway.builder(GatewaySettings.load(Optional.empty(), p)).clock(h.clock).start();
    }

    /** Moves the clock to a Tokyo wall-clock time such as "2026-04-01T00:10". */
    static void at(MutableClock clock, String tokyo) {
        Instant target = LocalDateTime.parse(tokyo).atZone(FiscalQuarter.TOKYO).toInstant();
        clock.advance(Duration.between(clock.instant(), target));
    }

    static String report(String incident, String event, List<String> causes, boolean exercise) {
        return "liaison: 1\ntype: incident-report\nincident: " + incident + "\ncontact:\n  person: 当番\n  means:\n"
                + "    - phone: \"+81312340001\"\n" + (event == null ? "" : "event_type: " + event + "\n")
                + (causes.isEmpty() ? "" : "causes: [" + String.join(", ", causes) + "]\n") + "exercise: " + exercise + "\n";
    }

    static void fromSample(Gateway gateway, Instant at, String pocId, String from, String yaml) {
        accepted(gateway, at, InboundMail.pocKey(pocId), from, yaml);
    }

    void fromAgency(Gateway gateway, Instant at, String yaml) {
        accepted(gateway, at, InboundMail.key(agencyKey), AGENCY_ADDRESS, yaml);
    }

    private static void accepted(Gateway gateway, Instant at, OpenPgpGatewayKey key, String from, String yaml) {
        InboundOutcome outcome = gateway.receive(InboundMail.pgpMime(
                new InboundMail.Envelope(from, at, "<" + UUID.randomUUID() + "@sample.invalid>").subject("情報連絡"),
                InboundMail.signedForGateway(InboundMail.inner(yaml), key, at)));
        if (outcome.status() != InboundStatus.ACCEPTED) {
            throw new AssertionError("report not accepted: " + outcome);
        }
    }
}
