package io.liaison.gateway.bench;

import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.dispatch.mail.MailTransport;
import io.liaison.gateway.dispatch.sms.SmsTransport;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.atomic.LongAdder;

/**
 * Thread time spent inside the real transports, summed over every thread that sends, so the
 * benchmark can split a channel's time into handing over versus everything before it.
 */
final class TimedTransports {
    final LongAdder smtpNanos = new LongAdder();
    final LongAdder smppNanos = new LongAdder();

    MailTransport mail(MailTransport real) {
        return new MailTransport() {
            @Override
            public void send(MimeMessage message) throws TransportFailure {
                long t = System.nanoTime();
                try {
                    real.send(message);
                } finally {
                    smtpNanos.add(System.nanoTime() - t);
                }
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    SmsTransport sms(SmsTransport real) {
        return new SmsTransport() {
            @Override
            public String submit(String destination, String text) throws TransportFailure {
                long t = System.nanoTime();
                try {
                    return real.submit(destination, text);
                } finally {
                    smppNanos.add(System.nanoTime() - t);
                }
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    void reset() {
        smtpNanos.reset();
        smppNanos.reset();
    }
}
