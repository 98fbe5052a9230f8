package io.liaison.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.track.StatusReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentReportsAreThreadedAndRelayedTest {
    @TempDir
    Path work;

    @Test
    void fragmentaryFirstReportAndFullUpdateAreNumberedAndRelayedToMetiAndNiscAsVoluntaryInformation() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            var east = InboundMail.pocKey("east-power-soc");

            InboundOutcome first = gateway.receive(InboundMail.pgpMime(
                    new InboundMail.Envelope("soc@east-power.sample.invalid", h.clock.instant(), "<r1@east-power.sample.invalid>")
                            .subject("情報連絡 第1報"),
                    InboundMail.signedForGateway(InboundMail.inner(InboundMail.fragmentaryReport("EP-2026-0042")), east, h.clock.instant())));
            h.clock.advance(Duration.ofMinutes(40));
            InboundOutcome second = gateway.receive(InboundMail.pgpMime(
                    new InboundMail.Envelope("soc@east-power.sample.invalid", h.clock.instant(), "<r2@east-power.sample.invalid>")
                            .subject("[TLP:AMBER] 情報連絡 第2報"),
                    InboundMail.signedForGateway(InboundMail.inner(InboundMail.fullReport("EP-2026-0042")), east, h.clock.instant())));

            assertEquals(InboundStatus.ACCEPTED, first.status(), first.toString());
            assertEquals(InboundStatus.ACCEPTED, second.status(), second.toString());
            var thread = gateway.incident("east-power/EP-2026-0042");
            assertEquals(List.of(1, 2), thread.reports().stream().map(IncidentReportRecord::reportNumber).toList());
            assertTrue(thread.reports().stream().allMatch(r -> r.reporterPoc().equals("east-power-soc")));
            assertEquals(Tlp.AMBER_STRICT, thread.reports().get(0).level(), "no level given: held to the recipients' organisations");
            assertEquals(Tlp.AMBER, thread.reports().get(1).level());
            assertTrue(thread.reports().get(1).doNotShare());
            assertEquals(List.of("suspicious-mail", "system-vulnerability"), thread.reports().get(1).causes());
            String shown = thread.render(gateway.zone(), gateway.directory());
            assertTrue(shown.indexOf("第1報") < shown.indexOf("第2報"), shown);
            assertTrue(shown.contains("from east-power-soc"), shown);

            String relay = second.outcomeReference().orElseThrow();
            assertTrue(relay.matches("NISC-INC-2026-\\d{5}"), relay);
            StoredNotice notice = gateway.store().notice(relay).orElseThrow();
            assertEquals(NoticeKind.INCIDENT_RELAY, notice.kind());
            assertTrue(notice.body().contains("任意提供情報"), notice.body());
            assertTrue(notice.body().contains("NOT re-shared"), "do-not-share shown: " + notice.body());
            assertTrue(notice.title().contains("第2報"), notice.title());

            StatusReport status = gateway.awaitSettled(relay, Duration.ofSeconds(30));
            Set<String> reached = status.deliveries().stream().map(Delivery::organisationId).collect(Collectors.toSet());
            assertEquals(Set.of("meti", "nisc"), reached, "the sector's ministry and NISC only");
            assertTrue(status.deliveries().stream().allMatch(d -> d.state() == DeliveryState.SENT), status.render(gateway.zone()));
            assertTrue(status.deliveries().stream().anyMatch(d -> d.channel() == ChannelKind.EMAIL && d.pocId().equals("meti-liaison")));
            assertTrue(h.mail().getReceivedMessages().length >= 2, "re-encrypted e-mail to METI and NISC");
        }
    }
}
