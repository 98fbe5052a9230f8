package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.intake.NoticeRejectedException;
import io.liaison.gateway.policy.ForwardCommand;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import io.liaison.gateway.track.StatusReport;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateAndCancellationReachExactlyTheOriginalRecipientsTest {
    @TempDir
    Path work;

    @Test
    void updateFollowsTheWholeChainAndSaysWhatItSupersedes() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway g = h.gateway();
            String ref = g.send(Notices.provision()).reference();
            g.awaitSettled(ref, Duration.ofSeconds(30));
            g.forward(new ForwardCommand(ref, "meti-liaison", List.of("power-ceptoar"), false));
            g.awaitSettled(ref, Duration.ofSeconds(30));
            g.forward(new ForwardCommand(ref, "power-ceptoar-duty", List.of(), true));
            StatusReport original = g.awaitSettled(ref, Duration.ofSeconds(30));

            String update = g.send(Notices.of("update.yaml", """
                    kind: update
                    references: %s
                    level: TLP:AMBER
                    from: nisc-duty
                    title: 修正版の提供元URLを訂正 / Corrected download location
                    body: The fixed version is published at the vendor's support portal, not the mirror.
                    """.formatted(ref))).reference();
            StatusReport updated = g.awaitSettled(update, Duration.ofSeconds(30));

            assertEquals(ref + "-U1", update);
            assertEquals(recipients(original), recipients(updated), "exactly the original's recipients");
            MimeMessage[] mails = h.mail().getReceivedMessages();
            List<MimeMessage> updateMails = Arrays.stream(mails).filter(m -> header(m, "X-Liaison-Reference").equals(update)).toList();
            assertEquals(3, updateMails.size(), updated.render(g.zone()) + updateMails.stream().map(m -> { try { return m.getAllRecipients()[0].toString() + m.getSubject(); } catch (Exception e) { return ""; } }).toList());
            for (MimeMessage m : updateMails) {
                // The outer Subject names the kind and the reference (which names the original); the title is encrypted.
                assertEquals("[DEMO / デモ] [TLP:AMBER] [" + update + "] 更新 / Update", m.getSubject()); // the test gateway runs in demo mode
            }
            assertTrue(h.smsc.received().stream().filter(s -> s.text().contains(update))
                    .allMatch(s -> s.text().contains("UPDATE of " + ref)), "every SMS says what it supersedes");
            assertTrue(g.status(ref).render(g.zone()).contains("SUPERSEDED by " + update));
        }
    }

    @Test
    void cancellationGoesToTheSameRecipientsOnceAndOnlyFromTheIssuer() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway g = h.gateway();
            String ref = g.send(Notices.earlyWarning()).reference();
            StatusReport original = g.awaitSettled(ref, Duration.ofSeconds(30));
            String cancelYaml = """
                    kind: cancel
                    references: %s
                    from: %s
                    body: Sent to the wrong sector.
                    """;

            NoticeRejectedException notIssuer = assertThrows(NoticeRejectedException.class,
                    () -> g.send(Notices.of("cancel.yaml", cancelYaml.formatted(ref, "power-ceptoar-duty"))));
            assertTrue(notIssuer.getMessage().contains("only nisc, which issued " + ref + ", may update or cancel it"),
                    notIssuer.getMessage());

            String cancel = g.send(Notices.of("cancel.yaml", cancelYaml.formatted(ref, "nisc-duty"))).reference();
            StatusReport cancelled = g.awaitSettled(cancel, Duration.ofSeconds(30));

            assertEquals(ref + "-C", cancel);
            assertEquals(recipients(original), recipients(cancelled));
            assertEquals(original.notice().level(), cancelled.notice().level(), "a cancellation keeps the level");
            assertTrue(h.smsc.received().stream().anyMatch(s -> s.text().contains(cancel + " 取消 CANCEL of " + ref)));
            NoticeRejectedException twice = assertThrows(NoticeRejectedException.class,
                    () -> g.send(Notices.of("cancel.yaml", cancelYaml.formatted(ref, "nisc-duty"))));
            assertTrue(twice.getMessage().contains("was cancelled by " + cancel), twice.getMessage());
            assertTrue(g.status(ref).render(g.zone()).contains("CANCELLED by " + cancel));
        }
    }

    private static Set<String> recipients(StatusReport r) {
        return r.deliveries().stream().map(d -> d.organisationId() + "/" + d.pocId() + "/" + d.channel())
                .collect(Collectors.toSet());
    }

    private static String header(MimeMessage m, String name) {
        try {
            return String.valueOf(m.getHeader(name, null));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
