package io.liaison.gateway.dispatch.sms;

import io.liaison.gateway.dispatch.TlsClient;
import java.util.Optional;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import io.liaison.gateway.dispatch.TransportFailure;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS over SMPP 3.4 as an ESME, with jSMPP. One transceiver session is bound on first use and shared by all
 * callers; when the SMSC drops it (restart, network), the next submission binds a new one. Receipts and
 * replies arrive on the same session and go to the {@link SmsInboundListener}.
 *
 * <p>Failures never name the destination or the text; they name the SMSC ({@code host:port}) and what failed.
 * After {@link #close()}, submissions throw {@link IllegalStateException}.
 */
public final class SmppSmsTransport implements SmsTransport {

    private static final Logger LOG = LoggerFactory.getLogger(SmppSmsTransport.class);
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private final SmppSettings settings;
    private final Optional<TlsClient> tls;
    private final InboundDeliveries inbound;
    private final SendPacer pacer;
    // Random start so that two gateway instances (or a restart) are unlikely to reuse a reference at once.
    private final AtomicInteger references = new AtomicInteger(ThreadLocalRandom.current().nextInt(256));
    private final Object bindLock = new Object();
    private volatile SMPPSession session;
    private volatile boolean closed;

    public SmppSmsTransport(SmppSettings settings) {
        this(settings, SmsInboundListener.IGNORE);
    }

    public SmppSmsTransport(SmppSettings settings, SmsInboundListener inboundListener) {
        this(settings, inboundListener, Optional.empty());
    }

    /**
     * @param tls when present, the session runs over TLS (SMPP over TLS, as SMSCs offer it on a port of its
     *            own): the bind password and every SMS then cross the network encrypted
     */
    public SmppSmsTransport(SmppSettings settings, SmsInboundListener inboundListener, Optional<TlsClient> tls) {
        this.tls = tls;
        this.settings = settings;
        this.inbound = new InboundDeliveries(inboundListener, settings.endpoint());
        this.pacer = new SendPacer(settings.maxSubmitsPerSecond());
    }

    @Override
    public String submit(String destination, String text) throws TransportFailure {
        String destinationDigits = destinationDigits(destination);
        EncodedSms sms = encode(text);
        SMPPSession bound = boundSession();
        List<String> ids = new ArrayList<>(sms.segments());
        for (int i = 0; i < sms.segments(); i++) {
            awaitTurn(i, sms.segments());
            ids.add(submitSegment(bound, destinationDigits, sms, i));
        }
        LOG.debug("SMSC {} accepted {} segment(s): {}", settings.endpoint(), ids.size(), ids);
        return String.join(",", ids);
    }

    /**
     * Binds now unless a live session exists. Submissions do this themselves; call it (e.g. on a timer) when
     * receipts and replies should also flow while nothing is being sent.
     */
    public void ensureBound() throws TransportFailure {
        boundSession();
    }

    /** Whether a bound session exists right now (it may still die a moment later). */
    public boolean isBound() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isBound();
    }

    @Override
    public void close() {
        synchronized (bindLock) {
            closed = true;
            SMPPSession current = session;
            session = null;
            if (current != null) {
                current.unbindAndClose();
            }
        }
    }

    private SMPPSession boundSession() throws TransportFailure {
        SMPPSession current = session;
        if (current != null && current.getSessionState().isBound()) {
            return current;
        }
        synchronized (bindLock) {
            if (closed) {
                throw new IllegalStateException("SMS transport to " + settings.endpoint() + " is closed");
            }
            current = session;
            if (current != null && current.getSessionState().isBound()) {
                return current;
            }
            if (current != null) {
                current.close();
            }
            session = bind();
            return session;
        }
    }

    private SMPPSession bind() throws TransportFailure {
        int bindMillis = (int) settings.bindTimeout().toMillis();
        SMPPSession fresh = new SMPPSession(new TimedSocketConnectionFactory(bindMillis, tls));
        fresh.setEnquireLinkTimer((int) settings.enquireLinkInterval().toMillis());
        fresh.setTransactionTimer(settings.responseTimeout().toMillis());
        fresh.setMessageReceiverListener(inbound);
        fresh.addSessionStateListener(this::onStateChange);
        BindParameter bind = new BindParameter(BindType.BIND_TRX, settings.systemId(), settings.password(),
                settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null,
                InterfaceVersion.IF_34);
        try {
            fresh.connectAndBind(settings.host(), settings.port(), bind, bindMillis);
            LOG.info("bound SMPP transceiver to SMSC {} as {}", settings.endpoint(), settings.systemId());
            return fresh;
        } catch (TimedSocketConnectionFactory.ConnectFailedException e) {
            fresh.close();
            throw TransportFailure.temporary("cannot connect to SMSC " + settings.endpoint() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            fresh.close();
            throw TransportFailure.temporary(bindFailureReason(e), e);
        }
    }

    // jSMPP wraps every bind failure in an IOException; the cause says which kind it was.
    private String bindFailureReason(IOException e) {
        Throwable cause = e.getCause();
        String prefix = "bind_transceiver to SMSC " + settings.endpoint() + " as " + settings.systemId();
        if (cause instanceof NegativeResponseException negative) {
            return prefix + " refused: " + SmppStatus.describe(negative.getCommandStatus());
        }
        if (cause instanceof ResponseTimeoutException) {
            return prefix + " got no response within " + settings.bindTimeout().toMillis() + " ms";
        }
        return prefix + " failed: " + e.getMessage();
    }

    private String submitSegment(SMPPSession bound, String destinationDigits, EncodedSms sms, int index)
            throws TransportFailure {
        String where = " (segment " + (index + 1) + " of " + sms.segments() + ")";
        try {
            return bound.submitShortMessage(null,
                    sourceTon(), sourceNpi(), sourceDigitsOrName(),
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destinationDigits,
                    esmClass(sms), (byte) 0, (byte) 0, null, null, registeredDelivery(), (byte) 0,
                    DataCodings.newInstance((byte) sms.dataCoding()), (byte) 0,
                    sms.shortMessages().get(index)).getMessageId();
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            String described = SmppStatus.describe(status);
            if (SmppStatus.isThrottling(status)) {
                throw TransportFailure.temporary("throttled by SMSC " + settings.endpoint() + ": " + described + where, e);
            }
            if (SmppStatus.isTemporary(status)) {
                throw TransportFailure.temporary("SMSC " + settings.endpoint() + " temporarily refused submit_sm: "
                        + described + where, e);
            }
            throw TransportFailure.permanent("SMSC " + settings.endpoint() + " rejected submit_sm: " + described + where, e);
        } catch (ResponseTimeoutException e) {
            // A slow answer is not a dead link, so the session stays; the SMSC may still have taken the segment.
            throw TransportFailure.temporary("no submit_sm_resp from SMSC " + settings.endpoint() + " within "
                    + settings.responseTimeout().toMillis() + " ms" + where, e);
        } catch (InvalidResponseException e) {
            discard(bound);
            throw TransportFailure.temporary("invalid response from SMSC " + settings.endpoint() + ": "
                    + e.getMessage() + where, e);
        } catch (PDUException e) {
            throw TransportFailure.permanent("submit_sm for SMSC " + settings.endpoint() + " could not be encoded: "
                    + e.getMessage() + where, e);
        } catch (IOException e) {
            discard(bound);
            throw TransportFailure.temporary("connection to SMSC " + settings.endpoint() + " failed while submitting: "
                    + e.getMessage() + where, e);
        }
    }

    private void awaitTurn(int index, int segments) throws TransportFailure {
        try {
            pacer.awaitTurn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TransportFailure.temporary("interrupted while pacing submissions to SMSC " + settings.endpoint()
                    + " (before segment " + (index + 1) + " of " + segments + ")", e);
        }
    }

    private void discard(SMPPSession dead) {
        synchronized (bindLock) {
            if (session == dead) {
                session = null;
            }
        }
        dead.close();
    }

    private void onStateChange(SessionState newState, SessionState oldState, Session source) {
        if (oldState.isBound() && !newState.isBound() && !closed) {
            LOG.warn("SMPP session to SMSC {} went from {} to {}; the next submission binds again",
                    settings.endpoint(), oldState, newState);
        }
    }

    private static String destinationDigits(String destination) throws TransportFailure {
        if (destination == null || !E164.matcher(destination).matches()) {
            // The number itself stays out of the reason: reasons are logged and stored.
            throw TransportFailure.permanent("destination is not an E.164 number with a leading '+'", null);
        }
        return destination.substring(1);
    }

    private EncodedSms encode(String text) throws TransportFailure {
        if (text == null || text.isEmpty()) {
            throw TransportFailure.permanent("SMS text is empty", null);
        }
        EncodedSms sms;
        try {
            sms = SmsEncoding.encode(text, references.getAndIncrement() & 0xFF);
        } catch (IllegalArgumentException e) {
            throw TransportFailure.permanent("SMS text is too long: " + e.getMessage(), e);
        }
        if (sms.segments() > settings.maxSegments()) {
            throw TransportFailure.permanent("SMS text is too long: it needs " + sms.segments()
                    + " parts, the configured cap is " + settings.maxSegments(), null);
        }
        return sms;
    }

    private ESMClass esmClass(EncodedSms sms) {
        return sms.concatenated()
                ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
                : new ESMClass();
    }

    private RegisteredDelivery registeredDelivery() {
        return new RegisteredDelivery(settings.registeredDelivery()
                ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT);
    }

    private TypeOfNumber sourceTon() {
        if (settings.alphanumericSource()) {
            return TypeOfNumber.ALPHANUMERIC;
        }
        return settings.sourceAddress().startsWith("+") ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.UNKNOWN;
    }

    private NumberingPlanIndicator sourceNpi() {
        return settings.alphanumericSource() ? NumberingPlanIndicator.UNKNOWN : NumberingPlanIndicator.ISDN;
    }

    private String sourceDigitsOrName() {
        String source = settings.sourceAddress();
        return source.startsWith("+") ? source.substring(1) : source;
    }
}
