package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.audit.CanonicalJson;
import io.liaison.gateway.events.GatewayEvent;
import io.liaison.gateway.events.GatewayEvents;
import io.liaison.gateway.events.InMemoryGatewayEvents;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link GatewayEvents} for gateways sharing a PostgreSQL database (docs/seams.md §4): an event is published
 * at once to this gateway's own subscribers, and to the other gateways with {@code pg_notify('gateway_events',
 * json)}; each gateway listens on that channel and publishes what another gateway sent to its own subscribers.
 * Publishers call {@link #publish} after their commit, so a console never hears of a change it cannot yet read.
 *
 * <p>The delivery path never waits for the database here: events queue in memory (up to {@value #OUTBOX}) and
 * a sender thread notifies them in one statement per batch. The listener holds a session of its own (LISTEN
 * lives in a session; a pooled one would lose it), and takes notifications as they come, within a second.
 * Events are hints for live views, not records: when the database is unreachable, or the queue is full,
 * events are dropped and counted (a console reads the state itself on its next refresh), never retried
 * into a later, misleading order.
 */
public final class PostgreSqlGatewayEvents implements GatewayEvents, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgreSqlGatewayEvents.class);
    /** The channel all gateways of one database notify on and listen to. */
    public static final String CHANNEL = "gateway_events";
    private static final int OUTBOX = 10_000;
    private static final int BATCH = 500;

    private final String nodeId;
    private final AdvisoryJobLock.Sessions sessions;
    private final InMemoryGatewayEvents local = new InMemoryGatewayEvents();
    private final BlockingQueue<GatewayEvent> outbox = new ArrayBlockingQueue<>(OUTBOX);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final Thread sender;
    private final Thread listener;
    private volatile boolean closed;
    private volatile Connection listening;

    /** Starts the sender and the listener; {@code nodeId} tells this gateway's own notifications apart. */
    public PostgreSqlGatewayEvents(String nodeId, AdvisoryJobLock.Sessions sessions) {
        this.nodeId = nodeId;
        this.sessions = sessions;
        this.sender = daemon(this::sendLoop, "events-notify");
        this.listener = daemon(this::listenLoop, "events-listen");
    }

    @Override
    public void publish(GatewayEvent event) {
        local.publish(event);
        if (!outbox.offer(event) && dropped.incrementAndGet() % 1000 == 1) {
            LOG.warn("events for other gateways dropped: the queue of {} is full ({} so far)", OUTBOX, dropped.get());
        }
    }

    @Override
    public Subscription subscribe(java.util.function.Consumer<GatewayEvent> listener) {
        return local.subscribe(listener);
    }

    /** Events that came from other gateways, for tests and the status. */
    public long receivedFromOthers() {
        return received.get();
    }

    private void sendLoop() {
        Connection session = null;
        List<GatewayEvent> batch = new ArrayList<>();
        while (!closed) {
            try {
                GatewayEvent first = outbox.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outbox.drainTo(batch, BATCH - 1);
                if (session == null || session.isClosed()) {
                    session = sessions.open();
                }
                notifyAll(session, batch);
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                dropped.addAndGet(batch.size());
                LOG.warn("{} events not passed to the other gateways: {}", batch.size(), e.getMessage());
                close(session);
                session = null;
                pause();
            } finally {
                batch.clear();
            }
        }
        close(session);
    }

    private void notifyAll(Connection session, List<GatewayEvent> batch) throws SQLException {
        String[] payloads = batch.stream().map(this::payload).toArray(String[]::new);
        Array array = session.createArrayOf("text", payloads);
        // One round trip for the batch; the notifications go out when this statement's transaction commits.
        try (PreparedStatement ps = session.prepareStatement("SELECT pg_notify('" + CHANNEL + "', p) FROM unnest(?) AS p")) {
            ps.setArray(1, array);
            ps.execute();
        } finally {
            array.free();
        }
    }

    private void listenLoop() {
        while (!closed) {
            try {
                Connection session = sessions.open();
                listening = session;
                try (Statement s = session.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = session.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notes = pg.getNotifications(500);
                    if (notes == null) {
                        continue;
                    }
                    for (PGNotification n : notes) {
                        take(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    LOG.warn("listening for other gateways' events failed; again in a second: {}", e.getMessage());
                    pause();
                }
            } finally {
                close(listening);
                listening = null;
            }
        }
    }

    /** Publishes here an event another gateway sent; this gateway's own came back too and are skipped. */
    void take(String payload) {
        try {
            if (!(CanonicalJson.read(payload) instanceof Map<?, ?> m) || nodeId.equals(m.get("node"))) {
                return;
            }
            GatewayEvent event = new GatewayEvent(GatewayEvent.Kind.fromWireName(String.valueOf(m.get("kind"))),
                    (String) m.get("reference"), (String) m.get("organisation"), Instant.parse(String.valueOf(m.get("at"))));
            received.incrementAndGet();
            local.publish(event);
        } catch (RuntimeException e) {
            // A newer gateway's kind, or not ours at all: said once per such payload, never fatal to the listener.
            LOG.warn("an event from another gateway was not understood ({}): {}", e.getMessage(),
                    payload.length() > 200 ? payload.substring(0, 200) : payload);
        }
    }

    String payload(GatewayEvent e) {
        return CanonicalJson.write(Map.of("node", nodeId, "kind", e.kind().wireName(), "reference", e.reference(),
                "organisation", e.organisationId(), "at", e.at().toString()));
    }

    private static Thread daemon(Runnable loop, String name) {
        Thread t = new Thread(loop, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void pause() {
        try {
            Thread.sleep(1000); // the database is away: try again in a second, on this background thread only
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // broken already
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        sender.interrupt();
        close(listening);
        try {
            sender.join(5000);
            listener.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
