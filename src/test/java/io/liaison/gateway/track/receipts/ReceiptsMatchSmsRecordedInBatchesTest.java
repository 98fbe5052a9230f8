package io.liaison.gateway.track.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.dispatch.AcceptanceJournal;
import io.liaison.gateway.dispatch.AcceptanceRecorder;
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
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcNoticeStore;
import io.liaison.gateway.store.jdbc.JdbcReceiptStore;
import io.liaison.gateway.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SMS's part ids reach the store with the batch that marks it sent, not when the SMSC accepted it;
 * its receipts often come first. They wait unmatched and are matched once the batch is in, also when
 * the batch is only replayed from the journal after a crash.
 */
class ReceiptsMatchSmsRecordedInBatchesTest {
    @TempDir
    Path work;

    private final MutableClock clock = MutableClock.sampleDay();
    private Database database;
    private NoticeStore store;
    private JdbcReceiptStore receiptStore;
    private DeliveryReceipts receipts;

    @BeforeEach
    void open() {
        database = io.liaison.gateway.testing.TestDatabase.fileIn(work, "db").open();
        store = new JdbcNoticeStore(database.dataSource());
        receiptStore = new JdbcReceiptStore(database.dataSource());
        receipts = new DeliveryReceipts(receiptStore, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void receiptArrivingBeforeItsBatchCommitsDeliversTheSmsOnceTheBatchIsIn() {
        Delivery sms = claimedSms();
        Instant accepted = clock.instant();

        // The SMSC answered, the acceptance waits for its batch, and the handset's receipt is already here.
        clock.advance(Duration.ofSeconds(2));
        receipts.onReceipt("0000000A2", "DELIVRD", "000");
        assertEquals(DeliveryState.SENDING, state(sms), "nothing to match yet: no part is stored");
        assertEquals(1, receiptStore.unmatched(clock.instant().minus(Duration.ofDays(1))).size());

        clock.advance(Duration.ofSeconds(30));
        assertEquals(1, store.markAllSent(ChannelKind.SMS, List.of(new Acceptance(sms.id(), "0000000A1,0000000A2", accepted))));
        assertEquals(DeliveryState.SENT, state(sms));

        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, receipts.applyPending(), "the SMS link's next pass matches it");
        assertEquals(DeliveryState.DELIVERED, state(sms));
        assertTrue(receiptStore.unmatched(clock.instant().minus(Duration.ofDays(1))).isEmpty());
        assertEquals(List.of("0000000A1", "0000000A2"), receiptStore.sentAs("0000000A1").orElseThrow().messageIds());
    }

    @Test
    void smsRecoveredFromTheJournalAfterACrashIsMatchedByItsReceipts() {
        Delivery early = claimedSms();
        Delivery late = claimedSms();
        // Accepted by the SMSC and journaled, then the gateway was killed before the batch commit.
        AcceptanceJournal journal = AcceptanceJournal.open(work.resolve("sms-acceptances.journal"));
        journal.append(new Acceptance(early.id(), "B1", clock.instant()));
        journal.append(new Acceptance(late.id(), "C1,C2,C3", clock.instant()));
        receipts.onReceipt("B1", "DELIVRD", "000"); // came in before the kill: stored, not matched
        journal.close();

        clock.advance(Duration.ofMinutes(5));
        AcceptanceJournal reopened = AcceptanceJournal.open(work.resolve("sms-acceptances.journal"));
        assertEquals(2, AcceptanceRecorder.recover(store, ChannelKind.SMS, reopened));
        reopened.close();

        assertEquals(1, receipts.applyPending());
        assertEquals(DeliveryState.DELIVERED, state(early));
        receipts.onReceipt("C3", "UNDELIV", "001");
        receipts.onReceipt("C1", "DELIVRD", "000");
        assertEquals(DeliveryState.DELIVERED, state(late), "one part delivered is delivered");
    }

    @Test
    void aReplayedBatchChangesNoPartAndEmailGetsNone() {
        Delivery sms = claimedSms();
        Delivery email = claimed(ChannelKind.EMAIL, "soc@east-power.sample.invalid");
        Instant at = clock.instant();
        List<Acceptance> smsBatch = List.of(new Acceptance(sms.id(), "D1,D2", at));
        List<Acceptance> emailBatch = List.of(new Acceptance(email.id(), "<m1@nisc>", at));

        assertEquals(0, store.markAllSent(ChannelKind.SMS, emailBatch), "an e-mail delivery is not recorded as an SMS");
        assertEquals(1, store.markAllSent(ChannelKind.SMS, smsBatch));
        assertEquals(1, store.markAllSent(ChannelKind.EMAIL, emailBatch));
        assertEquals(0, store.markAllSent(ChannelKind.SMS, smsBatch), "a replay after the commit changes nothing");

        assertEquals(List.of("D1", "D2"), receiptStore.sentAs("D2").orElseThrow().messageIds());
        assertTrue(receiptStore.sentAs("<m1@nisc>").isEmpty());
    }

    private Delivery claimedSms() {
        return claimed(ChannelKind.SMS, "+819000000051");
    }

    private Delivery claimed(ChannelKind channel, String address) {
        NoticeDraft draft = new NoticeDraft(NoticeKind.EARLY_WARNING, Priority.URGENT, Tlp.AMBER, false, "nisc-duty",
                "標的型攻撃の兆候 / Signs of an attack", "至急確認を", "本文 / body", new Target(List.of("electric-power"), List.of(), false));
        DeliveryPlan plan = new DeliveryPlan(List.of(
                new PlannedDelivery("east-power", "east-power-soc", channel, address, DeliveryRole.DIRECT)), List.of());
        String reference = store.accept(draft, "nisc", "NISC-EW-2026", plan, clock.instant()).value();
        List<Delivery> claimed = store.claimDue(channel, clock.instant(), 10);
        assertEquals(1, claimed.size());
        assertEquals(reference, claimed.get(0).reference());
        return claimed.get(0);
    }

    private DeliveryState state(Delivery d) {
        return store.deliveries(d.reference()).stream().filter(x -> x.id() == d.id()).findFirst().orElseThrow().state();
    }
}
