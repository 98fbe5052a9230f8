package io.liaison.gateway.inbound.corpus;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.DirectoryLoader;
import io.liaison.gateway.inbound.InboundDeliveryPlanner;
import io.liaison.gateway.inbound.InboundIntake;
import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundSettings;
import io.liaison.gateway.inbound.InboundSmime;
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
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcInboundStore;
import io.liaison.gateway.store.jdbc.JdbcNoticeStore;
import io.liaison.gateway.testing.MutableClock;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * The real intake over a real H2 database in a file, with the sample gateway keys (OpenPGP and S/MIME);
 * no Camel. {@link #restart()} drops the intake and its connections and builds a new one on the same
 * database, as a gateway started again would.
 */
final class CorpusGateway implements AutoCloseable {
    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    final MutableClock clock;
    final Directory directory;
    private final io.liaison.gateway.testing.TestDatabase testDatabase;
    private final OpenPgpGatewayKey key;
    Database database;
    JdbcNoticeStore notices;
    JdbcInboundStore inbound;
    InboundIntake intake;
    int restarts;

    CorpusGateway(Path directoryFile, Path databaseFile, MutableClock clock) throws Exception {
        this.clock = clock;
        this.directory = new DirectoryLoader(clock, new OpenPgpCertificateReader()).load(directoryFile);
        this.testDatabase = io.liaison.gateway.testing.TestDatabase.orH2("jdbc:h2:file:" + databaseFile.toAbsolutePath());
        this.key = OpenPgpGatewayKey.load(InboundMail.SAMPLE.resolve("gateway/gateway.sec.asc"),
                PassphraseSource.fromFile(InboundMail.SAMPLE.resolve("gateway/passphrase.txt")));
        start();
    }

    private void start() {
        database = testDatabase.open();
        notices = new JdbcNoticeStore(database.dataSource());
        inbound = new JdbcInboundStore(database.dataSource());
        intake = new InboundIntake(directory, inbound, notices,
                List.of(new OpenPgpInboundOpener(key, InboundIntake.registeredCertificates(directory)),
                        new SmimeInboundOpener(InboundSmime.gatewayKey(), InboundIntake.registeredCertificates(directory))),
                InboundSettings.defaults(), clock, ZONE, "NISC");
    }

    /** A new gateway on the same database: nothing is remembered but what was stored. */
    void restart() {
        database.close();
        start();
        restarts++;
    }

    /** A provision from NISC stored as sent to the given organisations, as the outbound side would have. */
    String noticeSentTo(List<String> organisations) {
        NoticeDraft draft = new NoticeDraft(NoticeKind.PROVISION, Priority.NORMAL, Tlp.AMBER, false, "nisc-duty",
                "制御システムの脆弱性", "脆弱性", "本文", new Target(List.of("electric-power"), organisations, false));
        return notices.accept(draft, "nisc", "NISC-PR3-2026", new InboundDeliveryPlanner(directory, clock).toOrganisations(organisations),
                clock.instant()).value();
    }

    @Override
    public void close() {
        database.close();
    }
}
