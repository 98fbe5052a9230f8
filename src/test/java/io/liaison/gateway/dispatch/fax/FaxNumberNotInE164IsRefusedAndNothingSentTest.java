package io.liaison.gateway.dispatch.fax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.liaison.gateway.compose.fax.FaxCompression;
import io.liaison.gateway.compose.fax.FaxRenderer;
import io.liaison.gateway.compose.fax.FaxResolution;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.dispatch.ChannelDispatcher;
import io.liaison.gateway.dispatch.RetryPolicy;
import io.liaison.gateway.dispatch.mail.SmtpMailTransport;
import io.liaison.gateway.dispatch.mail.SmtpSettings;
import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.intake.Target;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.policy.DeliveryPlan;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.policy.PlannedDelivery;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcNoticeStore;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.SampleDirectory;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored fax delivery whose number is not E.164 (the directory refuses such numbers, so this guards
 * against a directory edited behind the gateway's back): refused with a clear reason, nothing sent,
 * and the good deliveries beside it still go.
 */
class FaxNumberNotInE164IsRefusedAndNothingSentTest {
    @TempDir
    Path work;

    private final MutableClock clock = MutableClock.sampleDay();
    private Database database;
    private NoticeStore store;
    private Directory directory;
    private FaxRenderer renderer;

    @BeforeEach
    void open() {
        database = io.liaison.gateway.testing.TestDatabase.fileIn(work, "db").open();
        store = new JdbcNoticeStore(database.dataSource());
        directory = SampleDirectory.load(clock);
        renderer = new FaxRenderer(ZoneId.of("Asia/Tokyo"), Tlp.AMBER, FaxResolution.FINE, FaxCompression.T4);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void spoolGetsOnlyTheWellFormedNumber() throws Exception {
        String ref = storeNotice("03-1234-5678", "+81312340001");
        Path spool = work.resolve("spool");
        ChannelDispatcher dispatcher = dispatcher(new SpoolDirectoryFaxBridge(spool, clock));

        assertEquals(2, dispatcher.dispatchDue());

        Delivery bad = delivery(ref, "03-1234-5678");
        assertEquals(DeliveryState.FAILED, bad.state());
        assertTrue(bad.lastError().orElse("").contains("\"03-1234-5678\" is not in E.164 form"), bad.lastError().toString());
        assertTrue(bad.lastError().orElse("").contains("nothing was sent"), bad.lastError().toString());
        assertEquals(DeliveryState.SENT, delivery(ref, "+81312340001").state());
        try (Stream<Path> files = Files.list(spool)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertEquals(2, names.size(), names.toString());
            assertTrue(names.stream().allMatch(n -> n.startsWith(ref + "-d" + delivery(ref, "+81312340001").id())), names.toString());
        }
    }

    @Test
    void emailToFaxGatewayReceivesOnlyTheWellFormedNumber() throws Exception {
        String ref = storeNotice("+81 3 1234 5678", "+81312340001");
        int port = GatewayHarness.freePort();
        GreenMail faxGateway = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        faxGateway.start();
        try {
            SmtpMailTransport smtp = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", port));
            ChannelDispatcher dispatcher = dispatcher(new EmailToFaxBridge(smtp, smtp.session(),
                    new InternetAddress("gateway@nisc.sample.invalid"), "faxgw.example", clock));

            dispatcher.dispatchDue();

            assertEquals(DeliveryState.FAILED, delivery(ref, "+81 3 1234 5678").state());
            assertEquals(DeliveryState.SENT, delivery(ref, "+81312340001").state());
            assertEquals(1, faxGateway.getReceivedMessages().length);
            assertEquals("FAX=+81312340001@faxgw.example",
                    ((InternetAddress) faxGateway.getReceivedMessages()[0].getAllRecipients()[0]).getAddress());
        } finally {
            faxGateway.stop();
        }
    }

    private ChannelDispatcher dispatcher(FaxBridge bridge) {
        return new ChannelDispatcher(new FaxDeliveryChannel(store, directory, renderer, bridge), store,
                new RetryPolicy(Duration.ofSeconds(5), 2, Duration.ofMinutes(1), 3), clock);
    }

    private String storeNotice(String badNumber, String goodNumber) {
        NoticeDraft draft = new NoticeDraft(NoticeKind.EARLY_WARNING, Priority.URGENT, Tlp.AMBER, false, "nisc-duty",
                "標的型攻撃の兆候 / Signs of an attack", "至急確認を", "本文 / body", new Target(List.of("electric-power"), List.of(), false));
        DeliveryPlan plan = new DeliveryPlan(List.of(
                new PlannedDelivery("east-power", "east-power-soc", ChannelKind.FAX, badNumber, DeliveryRole.DIRECT),
                new PlannedDelivery("west-power", "west-power-soc", ChannelKind.FAX, goodNumber, DeliveryRole.DIRECT)), List.of());
        return store.accept(draft, "nisc", "NISC-EW-2026", plan, clock.instant()).value();
    }

    private Delivery delivery(String ref, String address) {
        return store.deliveries(ref).stream().filter(d -> d.address().equals(address)).findFirst().orElseThrow();
    }
}
