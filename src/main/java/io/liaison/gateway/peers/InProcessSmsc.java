package io.liaison.gateway.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.liaison.gateway.dispatch.sms.EncodedSms;
import io.liaison.gateway.dispatch.sms.SmsEncoding;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMPP 3.4 SMSC (jSMPP server side) on the loopback interface, for the demo and tests. Accepts
 * transmitter, receiver and transceiver binds; records every accepted message, reassembled from its parts;
 * can be told to throttle or reject submissions, to send delivery receipts, and to deliver handset replies.
 * {@link #stop()} drops all connections like a crashing SMSC; {@link #restart()} comes back on the same port.
 */
public final class InProcessSmsc implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessSmsc.class);
    private static final String SMSC_SYSTEM_ID = "LGW-SMSC";
    private static final long BIND_WAIT_MILLIS = 5_000;

    /**
     * A message the SMSC accepted.
     *
     * @param messageId   the id(s) answered, comma-separated in part order, as the ESME got them
     * @param source      sender as submitted; numbers with TON international get a leading '+'
     * @param destination recipient, likewise
     * @param text        decoded per data_coding, parts joined
     * @param parts       number of submit_sm PDUs the message came in
     * @param dataCoding  the data_coding of the parts (0x00 default alphabet, 0x08 UCS-2)
     */
    public record ReceivedSms(String messageId, String source, String destination, String text, Instant receivedAt,
                              int parts, int dataCoding) {
    }

    /** What the submit policy sees: the 1-based count of submit_sm PDUs so far, and the addresses. */
    public record SubmitAttempt(int number, String source, String destination) {
    }

    /** The answer to one submit_sm: ESME_ROK or a negative command_status. */
    public record SubmitVerdict(int commandStatus) {
        public static final SubmitVerdict ACCEPT = new SubmitVerdict(SMPPConstant.STAT_ESME_ROK);

        public static SubmitVerdict throttled() {
            return new SubmitVerdict(SMPPConstant.STAT_ESME_RTHROTTLED);
        }

        public static SubmitVerdict queueFull() {
            return new SubmitVerdict(SMPPConstant.STAT_ESME_RMSGQFUL);
        }

        public static SubmitVerdict reject(int commandStatus) {
            if (commandStatus == SMPPConstant.STAT_ESME_ROK) {
                throw new IllegalArgumentException("a rejection needs a non-zero command_status");
            }
            return new SubmitVerdict(commandStatus);
        }

        public boolean accepted() {
            return commandStatus == SMPPConstant.STAT_ESME_ROK;
        }
    }

    /** The final state and error code the SMSC reports in delivery receipts. */
    public record ReceiptOutcome(DeliveryReceiptState state, String error) {
        public static final ReceiptOutcome DELIVERED = new ReceiptOutcome(DeliveryReceiptState.DELIVRD, "000");

        public ReceiptOutcome {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(error, "error");
        }
    }

    private record Credentials(String systemId, String password) {
    }

    private final int requestedPort;
    private final InProcessSmscSessions sessions = new InProcessSmscSessions();
    private final ExecutorService receiptSender = Executors.newSingleThreadExecutor(daemon("in-process-smsc-receipts"));
    private final InProcessSmscSubmissions submissions = new InProcessSmscSubmissions(sessions, receiptSender);
    private final AtomicInteger replyReferences = new AtomicInteger();
    private final Object lifecycle = new Object();
    private volatile Credentials credentials;
    private volatile int boundPort;
    private SMPPServerSessionListener listener;
    private volatile javax.net.ssl.SSLContext tls;
    private ExecutorService workers;
    private boolean closed;

    /** @param port the TCP port on 127.0.0.1, or 0 for any free one (see {@link #port()} after start) */
    public InProcessSmsc(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        this.requestedPort = port;
    }

    /** An SMSC on a free port, not yet started. */
    public static InProcessSmsc onFreePort() {
        return new InProcessSmsc(0);
    }

    /** Serves SMPP over TLS with this server identity (before {@link #start()}), as an SMSC's TLS port does. */
    public InProcessSmsc overTls(javax.net.ssl.SSLContext serverContext) {
        this.tls = Objects.requireNonNull(serverContext);
        return this;
    }

    /** Rejects binds with other credentials (ESME_RINVPASWD); by default any account may bind. */
    public InProcessSmsc requireCredentials(String systemId, String password) {
        this.credentials = new Credentials(Objects.requireNonNull(systemId), Objects.requireNonNull(password));
        return this;
    }

    /** Decides the answer to each submit_sm, e.g. throttle the first two then accept. Default: accept all. */
    public InProcessSmsc answerSubmits(Function<SubmitAttempt, SubmitVerdict> policy) {
        submissions.policy(Objects.requireNonNull(policy));
        return this;
    }

    /** Send a DELIVRD receipt after each accepted submit_sm that asked for one (or stop doing so). */
    public InProcessSmsc sendDeliveryReceipts(boolean enabled) {
        submissions.receipts(enabled ? ReceiptOutcome.DELIVERED : null);
        return this;
    }

    /** Send receipts with this outcome after each accepted submit_sm that asked for one. */
    public InProcessSmsc sendDeliveryReceipts(ReceiptOutcome outcome) {
        submissions.receipts(Objects.requireNonNull(outcome));
        return this;
    }

    /** Starts listening; a second call while running does nothing. */
    public InProcessSmsc start() throws IOException {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("in-process SMSC is closed");
            }
            if (listener != null) {
                return this;
            }
            LoopbackServerConnectionFactory sockets = new LoopbackServerConnectionFactory(tls);
            int port = boundPort > 0 ? boundPort : requestedPort;
            SMPPServerSessionListener fresh = new SMPPServerSessionListener(port, sockets);
            boundPort = sockets.localPort;
            fresh.setSessionStateListener(sessions);
            fresh.setMessageReceiverListener(submissions);
            fresh.setResponseDeliveryListener(submissions);
            workers = Executors.newCachedThreadPool(daemon("in-process-smsc-" + boundPort));
            ExecutorService pool = workers;
            pool.execute(() -> acceptLoop(fresh, pool));
            listener = fresh;
            LOG.info("in-process SMSC listening on {}", endpoint());
            return this;
        }
    }

    /** Closes the listener and every session without unbind, to simulate an outage. Records are kept. */
    public void stop() {
        synchronized (lifecycle) {
            if (listener == null) {
                return;
            }
            try {
                listener.close();
            } catch (IOException e) {
                LOG.debug("closing SMSC listener: {}", e.toString());
            }
            listener = null;
            sessions.closeAll();
            shutdown(workers);
            LOG.info("in-process SMSC on {} stopped", endpoint());
        }
    }

    /** Stops, then listens again on the same port. */
    public void restart() throws IOException {
        synchronized (lifecycle) {
            stop();
            start();
        }
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            stop();
            closed = true;
        }
        shutdown(receiptSender);
    }

    /** The listening port; with port 0 known only after {@link #start()}. */
    public int port() {
        if (boundPort == 0) {
            throw new IllegalStateException("in-process SMSC has not been started");
        }
        return boundPort;
    }

    public String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    /** {@code host:port}, as the ESME's failures name it. */
    public String endpoint() {
        return host() + ":" + boundPort;
    }

    /** Sessions currently bound (any type). */
    public int boundSessions() {
        return sessions.boundCount();
    }

    /** Every message accepted so far, in order of completion. */
    public List<ReceivedSms> received() {
        return submissions.received();
    }

    /** How many messages were accepted so far, kept or not. */
    public int receivedCount() {
        return submissions.receivedCount();
    }

    /**
     * Whether accepted messages are kept for {@link #received()} (the default). A benchmark that only
     * counts turns it off, so that a hundred thousand messages do not sit in the gateway's heap: a real
     * SMSC holds them on its own machine.
     */
    public InProcessSmsc keepMessages(boolean keep) {
        submissions.keepMessages(keep);
        return this;
    }

    /** Waits until at least {@code count} messages have been accepted; returns those kept. */
    public List<ReceivedSms> awaitCount(int count, Duration timeout) throws InterruptedException, TimeoutException {
        return submissions.awaitCount(count, timeout);
    }

    /**
     * Delivers a mobile-originated reply to a bound receiver (RX or TRX), as a handset answering an alert.
     * Returns once the ESME has acknowledged the deliver_sm.
     *
     * @param fromNumber the handset, E.164 with '+'
     * @param toAddress  the address replied to, normally the gateway's sender id or number
     * @throws IllegalStateException when no receiver is bound
     * @throws IOException           when the ESME refuses the deliver_sm or does not answer
     */
    public void injectReply(String fromNumber, String toAddress, String text) throws IOException {
        SMPPServerSession receiver = sessions.anyReceiver()
                .orElseThrow(() -> new IllegalStateException("no ESME is bound to receive on " + endpoint()));
        EncodedSms sms = SmsEncoding.encode(text, replyReferences.incrementAndGet() & 0xFF);
        ESMClass esmClass = sms.concatenated()
                ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
                : new ESMClass();
        for (byte[] part : sms.shortMessages()) {
            try {
                receiver.deliverShortMessage(null,
                        tonOf(fromNumber), NumberingPlanIndicator.ISDN, stripPlus(fromNumber),
                        tonOf(toAddress), npiOf(toAddress), stripPlus(toAddress),
                        esmClass, (byte) 0, (byte) 0, new RegisteredDelivery(0),
                        DataCodings.newInstance((byte) sms.dataCoding()), part);
            } catch (NegativeResponseException e) {
                throw new IOException("ESME refused the reply: command_status "
                        + String.format("0x%08X", e.getCommandStatus()), e);
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("reply could not be delivered: " + e, e);
            }
        }
    }

    /** Shows an address as tests and logs expect: '+' before international numbers. */
    static String render(byte ton, String address) {
        return ton == TypeOfNumber.INTERNATIONAL.value() && !address.startsWith("+") ? "+" + address : address;
    }

    private void acceptLoop(SMPPServerSessionListener serverListener, ExecutorService pool) {
        while (true) {
            SMPPServerSession session;
            try {
                session = serverListener.accept();
            } catch (IOException e) {
                return; // listener closed by stop()
            }
            sessions.opened(session);
            try {
                pool.execute(() -> handshake(session));
            } catch (RuntimeException e) {
                session.close(); // stopping: the pool no longer takes work
                return;
            }
        }
    }

    private void handshake(SMPPServerSession session) {
        try {
            BindRequest bind = session.waitForBind(BIND_WAIT_MILLIS);
            Credentials required = credentials;
            if (required != null && !(required.systemId().equals(bind.getSystemId())
                    && required.password().equals(bind.getPassword()))) {
                // No close here: closing right after reject loses the bind_resp in flight, and the ESME
                // hangs up by itself on a negative bind_resp.
                bind.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                return;
            }
            // Registered before the bind_resp goes out, so a submit right after the bind finds its account.
            sessions.bound(session, bind.getSystemId());
            bind.accept(SMSC_SYSTEM_ID, InterfaceVersion.IF_34);
            LOG.debug("in-process SMSC bound {} as {}", bind.getBindType(), bind.getSystemId());
        } catch (TimeoutException e) {
            LOG.debug("no bind request within {} ms; jSMPP closed the session", BIND_WAIT_MILLIS);
        } catch (IOException | PDUStringException | IllegalStateException e) {
            LOG.debug("bind handshake failed: {}", e.toString());
            session.close();
        }
    }

    private static TypeOfNumber tonOf(String address) {
        if (address.startsWith("+")) {
            return TypeOfNumber.INTERNATIONAL;
        }
        return address.chars().allMatch(Character::isDigit) ? TypeOfNumber.UNKNOWN : TypeOfNumber.ALPHANUMERIC;
    }

    private static NumberingPlanIndicator npiOf(String address) {
        return tonOf(address) == TypeOfNumber.ALPHANUMERIC ? NumberingPlanIndicator.UNKNOWN : NumberingPlanIndicator.ISDN;
    }

    private static String stripPlus(String address) {
        return address.startsWith("+") ? address.substring(1) : address;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void shutdown(ExecutorService executor) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Binds to loopback only (jSMPP's factory binds every interface) and remembers the port, which jSMPP's
     * listener reports as the requested 0 rather than the real one. Address reuse lets {@link #restart()}
     * bind the same port while old connections linger in TIME_WAIT.
     */
    private static final class LoopbackServerConnectionFactory implements ServerConnectionFactory {
        private static final int BACKLOG = 50;
        private final javax.net.ssl.SSLContext tls;
        volatile int localPort;

        LoopbackServerConnectionFactory(javax.net.ssl.SSLContext tls) {
            this.tls = tls;
        }

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0, BACKLOG);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, BACKLOG);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket socket = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
            try {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
                socket.setSoTimeout(timeout);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            localPort = socket.getLocalPort();
            return new ServerSocketConnection(socket);
        }
    }
}
