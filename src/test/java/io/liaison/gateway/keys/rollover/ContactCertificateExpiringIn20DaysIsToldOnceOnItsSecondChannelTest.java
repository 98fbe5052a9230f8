package io.liaison.gateway.keys.rollover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.DirectoryLoader;
import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcKeyNoticeStore;
import io.liaison.gateway.store.jdbc.JdbcNoticeStore;
import io.liaison.gateway.testing.EditedDirectory;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contact whose certificate expires in 20 days is told on its second channel (SMS: which certificate,
 * when, nothing else) once for the 30-day threshold — not again on the next run, nor after a restart on
 * the same database — and once more when it crosses the 7-day threshold.
 */
class ContactCertificateExpiringIn20DaysIsToldOnceOnItsSecondChannelTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    @TempDir
    Path work;

    @Test
    void toldOncePerThresholdOnSmsOnlyAndNotAgainAfterARestart() throws Exception {
        MutableClock clock = MutableClock.sampleDay();
        Instant now = clock.instant();
        TestCertificates.writeCertificate(work.resolve("certs"), "west-soon", now.minus(Duration.ofDays(300)), Duration.ofDays(320));
        EditedDirectory edited = EditedDirectory.ofSample(work).replace("certs/west-power-soc.asc", "certs/west-soon.asc");
        Directory directory = new DirectoryLoader(clock, new OpenPgpCertificateReader()).load(edited.write());
        String fingerprint = directory.pointOfContact("west-power-soc").orElseThrow().certificate().orElseThrow().fingerprint();

        try (Database db = Database.open("jdbc:h2:mem:expiry-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            JdbcNoticeStore notices = new JdbcNoticeStore(db.dataSource());
            CertificateExpiryWatch watch = new CertificateExpiryWatch(() -> directory, notices, new JdbcKeyNoticeStore(db.dataSource()),
                    clock, ZONE, "NISC", List.of(30, 7));

            List<CertificateExpiryWatch.Told> first = watch.run();
            assertEquals(1, first.size(), "only the expiring certificate: " + first);
            CertificateExpiryWatch.Told told = first.get(0);
            assertEquals("west-power-soc", told.pocId());
            assertEquals(30, told.thresholdDays());
            List<Delivery> deliveries = notices.deliveries(told.reference());
            assertEquals(List.of(ChannelKind.SMS), deliveries.stream().map(Delivery::channel).toList(), "the second channel only");
            StoredNotice notice = notices.notice(told.reference()).orElseThrow();
            assertEquals(Tlp.CLEAR, notice.level());
            assertTrue(notice.summary().contains(fingerprint.substring(0, 16)) && notice.summary().contains("2026-06-21"),
                    "which certificate and when: " + notice.summary());

            assertEquals(List.of(), watch.run(), "not again on the next run");
            CertificateExpiryWatch afterRestart = new CertificateExpiryWatch(() -> directory, new JdbcNoticeStore(db.dataSource()),
                    new JdbcKeyNoticeStore(db.dataSource()), clock, ZONE, "NISC", List.of(30, 7));
            assertEquals(List.of(), afterRestart.run(), "not again after a restart");

            clock.advance(Duration.ofDays(14));
            List<CertificateExpiryWatch.Told> second = afterRestart.run();
            assertEquals(1, second.size(), "once more at the 7-day threshold: " + second);
            assertEquals(7, second.get(0).thresholdDays());
            assertEquals(List.of(), afterRestart.run());
        }
    }
}
