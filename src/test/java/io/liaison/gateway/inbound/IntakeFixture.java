package io.liaison.gateway.inbound;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.DirectoryLoader;
import io.liaison.gateway.inbound.openpgp.OpenPgpInboundOpener;
import io.liaison.gateway.inbound.smime.SmimeInboundOpener;
import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.intake.Target;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcInboundStore;
import io.liaison.gateway.store.jdbc.JdbcNoticeStore;
import io.liaison.gateway.testing.MutableClock;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/** The real intake bean on an in-memory database, the given directory and the sample gateway keys (OpenPGP and S/MIME); no Camel. */
final class IntakeFixture implements AutoCloseable {
    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    final MutableClock clock;
    final Database database;
    final JdbcNoticeStore notices;
    final JdbcInboundStore inbound;
    final Directory directory;
    final InboundIntake intake;

    IntakeFixture(Path directoryFile, InboundSettings settings) throws Exception {
        this(directoryFile, settings, MutableClock.sampleDay());
    }

    /**
     * Quarantine notices without a practical limit: the corpus tests judge dozens of messages claiming one
     * sender at one instant and check each one's notice. The limits have tests of their own.
     */
    static final QuarantineNoticeSettings NOTICES_UNLIMITED = new QuarantineNoticeSettings(100_000, 100_000,
            java.time.Duration.ofHours(1), List.of(InboundMail.GATEWAY_ADDRESS));

    IntakeFixture(Path directoryFile, InboundSettings settings, MutableClock clock) throws Exception {
        this(directoryFile, settings, clock, NOTICES_UNLIMITED);
    }

    IntakeFixture(Path directoryFile, InboundSettings settings, MutableClock clock, QuarantineNoticeSettings noticeLimits)
            throws Exception {
        this(directoryFile, settings, clock, noticeLimits,
                io.liaison.gateway.testing.TestDatabase.inMemory("intake").open());
    }

    /** On a database of the caller's: a second fixture on the same file database is the gateway after a restart. */
    IntakeFixture(Path directoryFile, InboundSettings settings, MutableClock clock, QuarantineNoticeSettings noticeLimits,
                  Database database) throws Exception {
        this.clock = clock;
        this.directory = new DirectoryLoader(clock, new OpenPgpCertificateReader()).load(directoryFile);
        this.database = database;
        this.notices = new JdbcNoticeStore(database.dataSource());
        this.inbound = new JdbcInboundStore(database.dataSource());
        OpenPgpGatewayKey key = OpenPgpGatewayKey.load(InboundMail.SAMPLE.resolve("gateway/gateway.sec.asc"),
                PassphraseSource.fromFile(InboundMail.SAMPLE.resolve("gateway/passphrase.txt")));
        this.intake = new InboundIntake(directory, inbound, notices,
                List.of(new OpenPgpInboundOpener(key, InboundIntake.registeredCertificates(directory)),
                        new SmimeInboundOpener(InboundSmime.gatewayKey(), InboundIntake.registeredCertificates(directory))),
                settings, clock, ZONE, "NISC", java.util.Optional.empty(), noticeLimits);
    }

    static IntakeFixture onSampleDirectory() throws Exception {
        return new IntakeFixture(InboundMail.SAMPLE.resolve("directory.yaml"), InboundSettings.defaults());
    }

    /** A provision from NISC stored as sent to the given organisations, as the outbound side would have. */
    String noticeSentTo(List<String> organisations) {
        NoticeDraft draft = new NoticeDraft(NoticeKind.PROVISION, Priority.NORMAL, Tlp.AMBER, false, "nisc-duty",
                "制御システムの脆弱性", "脆弱性", "本文", new Target(List.of("electric-power"), organisations, false));
        return notices.accept(draft, "nisc", "NISC-PR3-2026", new InboundDeliveryPlanner(directory, clock).toOrganisations(organisations),
                clock.instant()).value();
    }

    List<StoredNotice> noticesOfKind(NoticeKind kind) {
        return notices.notices().stream().filter(n -> n.kind() == kind).toList();
    }

    @Override
    public void close() {
        database.close();
    }
}
