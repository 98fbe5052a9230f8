package io.liaison.gateway.track.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.audit.AuditEntry;
import io.liaison.gateway.audit.AuditLog;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.intake.Target;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.policy.DeliveryPlan;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.policy.PlannedDelivery;
import io.liaison.gateway.store.Acceptance;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcAuditLog;
import io.liaison.gateway.store.jdbc.JdbcNoticeStore;
import io.liaison.gateway.store.jdbc.JdbcReceiptStore;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handset's receipt is the last word on an SMS: an auditor reading a notice's trail sees that the
 * SMS was delivered (or failed) and when, not only that the SMSC took it. A receipt that changes
 * nothing (a second part, a replay) adds nothing to the trail.
 */
class SmsReceiptVerdictIsInTheNoticesTrailTest {
    @TempDir
    Path work;

    private final MutableClock clock = MutableClock.sampleDay();
    private Database database;
    private NoticeStore store;
    private AuditLog audit;
    private DeliveryReceipts receipts;

    @BeforeEach
    void open() {
        database = TestDatabase.fileIn(work, "db").open();
        audit = new JdbcAuditLog(database.dataSource(), clock);
        store = new JdbcNoticeStore(database.dataSource());
        receipts = new DeliveryReceipts(new JdbcReceiptStore(database.dataSource(), audit), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void deliveredAndFailedReceiptsEachLeaveOneOutcomeEntry() {
        Delivery delivered = sentSms("+819000000051", "R1,R2");
        Delivery failed = sentSms("+819000000052", "S1");

        clock.advance(Duration.ofSeconds(20));
        receipts.onReceipt("R1", "DELIVRD", "000");
        receipts.onReceipt("R2", "DELIVRD", "000"); // the second part moves nothing
        receipts.onReceipt("S1", "UNDELIV", "001");

        List<AuditEntry> first = receiptOutcomes(delivered.reference());
        assertEquals(1, first.size(), first.toString());
        assertEquals("DELIVERED", first.get(0).details().get("state"));
        assertEquals(Long.toString(delivered.id()), first.get(0).details().get("delivery"));
        assertEquals("east-power", first.get(0).details().get("organisation"));
        assertEquals(clock.instant(), first.get(0).at());

        List<AuditEntry> second = receiptOutcomes(failed.reference());
        assertEquals(1, second.size(), second.toString());
        assertEquals("FAILED", second.get(0).details().get("state"));
        assertTrue(second.get(0).who().isGateway(), second.get(0).who().toString());
    }

    private List<AuditEntry> receiptOutcomes(String reference) {
        return audit.trail(reference).stream()
                .filter(e -> e.action().equals("delivery.outcome"))
                .filter(e -> "sms-receipt".equals(e.details().get("by")))
                .toList();
    }

    private Delivery sentSms(String phone, String partIds) {
        NoticeDraft draft = new NoticeDraft(NoticeKind.EARLY_WARNING, Priority.URGENT, Tlp.AMBER, false, "nisc-duty",
                "標的型攻撃の兆候 / Signs of an attack", "至急確認を", "本文 / body", new Target(List.of("electric-power"), List.of(), false));
        DeliveryPlan plan = new DeliveryPlan(List.of(
                new PlannedDelivery("east-power", "east-power-soc", ChannelKind.SMS, phone, DeliveryRole.DIRECT)), List.of());
        store.accept(draft, "nisc", "NISC-EW-2026", plan, clock.instant());
        List<Delivery> claimed = store.claimDue(ChannelKind.SMS, clock.instant(), 10);
        assertEquals(1, claimed.size());
        Delivery sms = claimed.get(0);
        assertEquals(1, store.markAllSent(ChannelKind.SMS, List.of(new Acceptance(sms.id(), partIds, clock.instant()))));
        return sms;
    }
}
