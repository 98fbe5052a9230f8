package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.dispatch.mail.MailTransport;
import io.liaison.gateway.dispatch.sms.SmsTransport;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import io.liaison.gateway.track.StatusReport;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap runs out while the e-mail channel hands over, the stack overflows while the SMS channel does
 * (as when the inbound intake has eaten the memory): each channel's dispatcher is stopped by the Error,
 * returns its claimed deliveries to the queue, is run again, and the early warning still reaches every
 * recipient on every channel, with no restart and no clock moved.
 */
class ChannelsKeepDeliveringAfterAnErrorEscapesTheirDispatcherTest {
    @TempDir
    Path work;

    @Test
    void anEarlyWarningReachesEveryRecipientAfterErrorsStoppedBothDispatchers() throws Exception {
        AtomicInteger emails = new AtomicInteger();
        AtomicInteger texts = new AtomicInteger();
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.startGateway(b -> b
                    .decorateMail(real -> new MailTransport() {
                        @Override
                        public void send(MimeMessage message) throws TransportFailure {
                            if (emails.incrementAndGet() == 1) {
                                throw new OutOfMemoryError("simulated: Java heap space");
                            }
                            real.send(message);
                        }

                        @Override
                        public void close() {
                            real.close();
                        }
                    })
                    .decorateSms(real -> new SmsTransport() {
                        @Override
                        public String submit(String destination, String text) throws TransportFailure {
                            if (texts.incrementAndGet() == 1) {
                                throw new StackOverflowError();
                            }
                            return real.submit(destination, text);
                        }

                        @Override
                        public void close() {
                            real.close();
                        }
                    }));

            String ref = gateway.send(Notices.earlyWarning()).reference();
            StatusReport report = gateway.awaitSettled(ref, Duration.ofSeconds(60));

            assertTrue(report.deliveries().stream().allMatch(d -> d.state() == DeliveryState.SENT), report.render(gateway.zone()));
            assertEquals(3, h.mail().getReceivedMessages().length, "every e-mail delivered once");
            assertEquals(3, h.smsc.awaitCount(3, Duration.ofSeconds(10)).size(), "every SMS delivered once");
            for (ChannelKind kind : new ChannelKind[] {ChannelKind.EMAIL, ChannelKind.SMS}) {
                assertTrue(report.deliveries().stream().filter(d -> d.channel() == kind).mapToInt(Delivery::attempts).max().orElse(0) >= 2,
                        kind + ": the delivery the Error hit was claimed again");
            }
        }
    }
}
