package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.testing.ChildJvm;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.track.StatusReport;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway process is killed (SIGKILL, no shutdown hooks) after one e-mail of a fan-out was accepted,
 * with the rest claimed but not yet handed over; the restarted gateway delivers every remaining one,
 * and no recipient gets anything twice.
 */
class KilledMidFanOutDeliversEachExactlyOnceTest {
    @TempDir
    Path work;

    @Test
    void restartAfterKillCompletesTheFanOutWithoutDuplicates() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            // on PostgreSQL the child gateway works on the harness's database, as a second node would
            Process child = ChildJvm.of(CrashingGatewayMain.class, h.database().childJvmOptions(),
                    work.toString(), String.valueOf(h.smtpPort), String.valueOf(h.smsc.port()), "2")
                    .redirectErrorStream(true).start();
            try {
                CompletableFuture<Boolean> parked = CompletableFuture.supplyAsync(() -> waitForParked(child));
                assertTrue(parked.get(90, TimeUnit.SECONDS), "child reached the kill point");
            } finally {
                child.destroyForcibly(); // also when the wait fails: a child left running outlives the build
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(1, h.mail().getReceivedMessages().length, "one e-mail left before the kill");
            assertEquals(0, h.smsc.received().size());

            Gateway restarted = h.gateway();
            List<StatusReport> reports = new ArrayList<>();
            for (var n : restarted.store().notices()) {
                reports.add(restarted.awaitSettled(n.reference(), Duration.ofSeconds(60)));
            }

            List<Delivery> all = reports.stream().flatMap(r -> r.deliveries().stream()).toList();
            assertEquals(2, reports.size());
            assertTrue(all.stream().allMatch(d -> d.state() == DeliveryState.SENT), all.toString());
            long emails = all.stream().filter(d -> d.channel() == ChannelKind.EMAIL).count();
            long sms = all.stream().filter(d -> d.channel() == ChannelKind.SMS).count();
            MimeMessage[] received = h.mail().getReceivedMessages();
            Set<String> ids = new HashSet<>();
            for (MimeMessage m : received) {
                assertTrue(ids.add(m.getMessageID()), "e-mail sent twice: " + m.getMessageID());
            }
            assertEquals(emails, received.length);
            assertEquals(sms, h.smsc.awaitCount((int) sms, Duration.ofSeconds(30)).size());
            Set<String> smsKeys = new HashSet<>();
            h.smsc.received().forEach(s -> assertTrue(smsKeys.add(s.destination() + s.text()), "SMS sent twice: " + s));
        }
    }

    private static boolean waitForParked(Process child) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.contains(CrashingGatewayMain.PARKED)) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
