package io.liaison.gateway.app;

import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.dispatch.mail.MailTransport;
import io.liaison.gateway.dispatch.sms.SmsTransport;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.Notices;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Child process for the crash test: sends notices, lets {@code haltAt - 1} e-mails through, then
 * parks every sender before it hands anything to a server and says so; the parent then kills it.
 */
public final class CrashingGatewayMain {
    public static final String PARKED = "PARKED-FOR-KILL";

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int smtpPort = Integer.parseInt(args[1]);
        int smppPort = Integer.parseInt(args[2]);
        int haltAt = Integer.parseInt(args[3]);
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger emails = new AtomicInteger();
        GatewaySettings settings = GatewaySettings.load(Optional.empty(), GatewayHarness.overrides(work, smtpPort, smppPort));
        Gateway gateway = Gateway.builder(settings).clock(MutableClock.sampleDay())
                .decorateMail(real -> new MailTransport() {
                    @Override
                    public void send(MimeMessage message) throws TransportFailure {
                        if (emails.incrementAndGet() >= haltAt) {
                            System.out.println(PARKED);
                            System.out.flush();
                            park(never);
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
                    public String submit(String destination, String text) {
                        park(never); // SMS must not leave before the kill either
                        return null;
                    }

                    @Override
                    public void close() {
                        real.close();
                    }
                })
                .start();
        gateway.send(Notices.earlyWarning());
        gateway.send(Notices.provision());
        park(never);
    }

    private static void park(CountDownLatch never) {
        try {
            never.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
