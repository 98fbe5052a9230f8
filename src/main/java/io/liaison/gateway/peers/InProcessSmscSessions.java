package io.liaison.gateway.peers;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jsmpp.extra.SessionState;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SessionStateListener;

/**
 * The in-process SMSC's open sessions and the account each is bound as, so receipts can go to a receiver
 * of the same account when the message came in on a transmitter-only session (as camel-smpp binds).
 */
final class InProcessSmscSessions implements SessionStateListener {

    private static final String NOT_BOUND = "";

    private final Map<SMPPServerSession, String> systemIds = new ConcurrentHashMap<>();

    void opened(SMPPServerSession session) {
        systemIds.put(session, NOT_BOUND);
    }

    void bound(SMPPServerSession session, String systemId) {
        systemIds.put(session, systemId);
    }

    /** The submitting session itself when it can receive, else another receiver bound as the same account. */
    Optional<SMPPServerSession> receiverFor(SMPPServerSession submitter) {
        if (submitter.getSessionState().isReceivable()) {
            return Optional.of(submitter);
        }
        String systemId = systemIds.get(submitter);
        return systemIds.entrySet().stream()
                .filter(e -> Objects.equals(e.getValue(), systemId) && e.getKey().getSessionState().isReceivable())
                .map(Map.Entry::getKey)
                .findFirst();
    }

    Optional<SMPPServerSession> anyReceiver() {
        return systemIds.keySet().stream().filter(s -> s.getSessionState().isReceivable()).findFirst();
    }

    int boundCount() {
        return (int) systemIds.keySet().stream().filter(s -> s.getSessionState().isBound()).count();
    }

    /** Drops every connection without unbind, the way a crashing SMSC does. */
    void closeAll() {
        for (SMPPServerSession session : systemIds.keySet()) {
            session.close();
        }
        systemIds.clear();
    }

    @Override
    public void onStateChange(SessionState newState, SessionState oldState, Session source) {
        if (newState == SessionState.CLOSED && source instanceof SMPPServerSession session) {
            systemIds.remove(session);
        }
    }
}
