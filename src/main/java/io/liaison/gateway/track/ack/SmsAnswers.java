package io.liaison.gateway.track.ack;

import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.dispatch.sms.SmsTransport;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a handset that replied, on a thread of its own: a reply arrives on the SMPP reader thread,
 * which must not wait for the submit_sm_resp of the answer it would itself have to read. Best effort:
 * the confirmation is already stored whatever happens to the answer.
 */
public final class SmsAnswers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmsAnswers.class);

    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "sms-answers");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger sent = new AtomicInteger();
    private volatile SmsTransport transport;

    /** The transport answers go out on; set once the gateway has built it. */
    public void connect(SmsTransport smsTransport) {
        this.transport = smsTransport;
    }

    public void answer(String number, String text) {
        try {
            sender.execute(() -> send(number, text));
        } catch (RejectedExecutionException e) {
            LOG.debug("gateway stopping; SMS answer dropped");
        }
    }

    /** Answers handed to the SMSC so far. */
    public int sent() {
        return sent.get();
    }

    private void send(String number, String text) {
        SmsTransport current = transport;
        if (current == null) {
            LOG.warn("no SMS transport connected; answer to a reply dropped");
            return;
        }
        try {
            current.submit(number, text);
            sent.incrementAndGet();
        } catch (TransportFailure | RuntimeException e) {
            LOG.warn("could not answer an SMS reply: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
