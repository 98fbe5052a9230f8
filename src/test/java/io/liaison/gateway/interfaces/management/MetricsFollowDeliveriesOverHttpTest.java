package io.liaison.gateway.interfaces.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.ManagementEndpoint;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.testing.Await;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import io.liaison.gateway.track.StatusReport;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics a Prometheus server scrapes move with the deliveries: read over HTTP from the management
 * endpoint of a gateway sending to GreenMail and the in-process SMSC, while SMTP is down and after it is back.
 */
class MetricsFollowDeliveriesOverHttpTest {
    private static final String EMAIL_SENT = "liaison_deliveries_total{channel=\"email\",state=\"sent\"}";
    private static final String EMAIL_RETRY = "liaison_deliveries_total{channel=\"email\",state=\"retry\"}";
    private static final String SMS_SENT = "liaison_deliveries_total{channel=\"sms\",state=\"sent\"}";
    private static final String SMS_DELIVERED = "liaison_deliveries_total{channel=\"sms\",state=\"delivered\"}";
    private static final String EMAIL_PENDING = "liaison_pending_deliveries{channel=\"email\"}";

    @TempDir
    Path work;

    @Test
    void countersGaugesAndTheAcceptanceHistogramChangeAsDeliveriesMove() throws Exception {
        try (GatewayHarness h = GatewayHarness.withMailDown(work)) {
            h.smsc.sendDeliveryReceipts(true);
            Gateway gateway = h.gateway();
            try (ManagementEndpoint endpoint = ManagementEndpoint.start(ManagementEndpoint.settings(
                    h.settings().with("gateway.management.port", "0")), gateway.observability())) {
                ManagementClient client = new ManagementClient(endpoint.server().orElseThrow().address());
                assertEquals(0.0, client.valueOf(SMS_SENT), "nothing sent yet");
                assertEquals(0.0, client.valueOf(EMAIL_PENDING));

                String ref = gateway.send(Notices.earlyWarning()).reference();
                Await.until(() -> gateway.status(ref), r -> r.deliveries().stream().allMatch(d ->
                                d.channel() == ChannelKind.SMS ? d.state() != DeliveryState.PENDING && d.state() != DeliveryState.SENDING
                                        : d.state() == DeliveryState.PENDING && d.attempts() >= 1), Duration.ofSeconds(30),
                        "SMS sent and e-mail attempted");

                assertEquals(3.0, client.valueOf(SMS_SENT), "three SMS accepted by the SMSC");
                Await.until(() -> scrape(client, SMS_DELIVERED), v -> v == 3.0, Duration.ofSeconds(10), "three SMS receipts");
                assertEquals(0.0, client.valueOf(EMAIL_SENT), "SMTP is down: no e-mail sent");
                assertTrue(client.valueOf(EMAIL_RETRY) >= 3.0, "each e-mail's failed attempt counted as a retry");
                assertEquals(3.0, client.valueOf(EMAIL_PENDING), "three e-mails wait for their retry");
                String text = client.metrics();
                assertEquals(3.0, ManagementClient.value(text,
                        "liaison_delivery_seconds_count{channel=\"sms\",priority=\"urgent\"}").orElseThrow(), text);

                h.startMail();
                h.clock.advance(Duration.ofMinutes(2));
                StatusReport up = gateway.awaitSettled(ref, Duration.ofSeconds(30));
                assertTrue(up.settled(), up.render(gateway.zone()));

                assertEquals(3.0, client.valueOf(EMAIL_SENT), "the three e-mails sent once SMTP is back");
                assertEquals(0.0, client.valueOf(EMAIL_PENDING), "none waits any more");
                text = client.metrics();
                assertEquals(3.0, ManagementClient.value(text,
                        "liaison_delivery_seconds_count{channel=\"email\",priority=\"urgent\"}").orElseThrow(), text);
                // The clock moved two minutes before the e-mails went: none of them within a minute of the send.
                assertEquals(0.0, ManagementClient.value(text,
                        "liaison_delivery_seconds_bucket{channel=\"email\",priority=\"urgent\",le=\"60.0\"}").orElseThrow(), text);
                assertTrue(text.contains("# TYPE liaison_breaker_open gauge"), text);
                assertTrue(text.contains("liaison_unconfirmed_organisations "), text);
            }
        }
    }

    @Test
    void prometheusTextIsServedWithItsContentTypeAndUnknownPathsAreNotFound() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            try (ManagementEndpoint endpoint = ManagementEndpoint.start(ManagementEndpoint.settings(
                    h.settings().with("gateway.management.port", "0")), gateway.observability())) {
                ManagementClient client = new ManagementClient(endpoint.server().orElseThrow().address());
                HttpResponse<String> metrics = client.get("metrics");
                assertEquals(200, metrics.statusCode());
                assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                        metrics.headers().toString());
                HttpResponse<String> live = client.get("health/live");
                assertEquals(200, live.statusCode());
                assertEquals("{\"status\":\"UP\"}", live.body());
                assertEquals(404, client.get("console").statusCode());
            }
        }
    }

    private static double scrape(ManagementClient client, String series) {
        try {
            return client.valueOf(series);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
