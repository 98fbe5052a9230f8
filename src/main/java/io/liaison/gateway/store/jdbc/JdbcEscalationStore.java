package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.policy.PlannedDelivery;
import io.liaison.gateway.track.EscalationAction;
import io.liaison.gateway.track.EscalationRecord;
import io.liaison.gateway.track.EscalationWatch;
import io.liaison.gateway.track.escalation.EscalationStore;
import io.liaison.gateway.track.escalation.StepPlan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Escalation watches and steps on JDBC. A step's hop and deliveries go into the spine's hop and
 * delivery tables, in the same transaction as the step, so the dispatchers pick them up like any other.
 */
public final class JdbcEscalationStore implements EscalationStore {
    private static final String WATCH_COLUMNS = "reference, organisation_id, started_at, deadline_at, next_step_at,"
            + " steps_taken, total_steps, state, closed_at";
    private static final String STEP_COLUMNS = "id, reference, organisation_id, step_no, action, hop_id, detail, taken_at";

    /** Ids per IN list: well under every driver's parameter limit. */
    private static final int ID_CHUNK = 500;

    private final Sql sql;
    private final io.liaison.gateway.audit.AuditLog audit;

    /** Audited into the trail of the same database (times from the system clock: the wiring hands in its own log). */
    public JdbcEscalationStore(DataSource dataSource) {
        this(dataSource, new JdbcAuditLog(dataSource, java.time.Clock.systemUTC()));
    }

    /** Every escalation step taken is appended to {@code audit} in the transaction that stores it. */
    public JdbcEscalationStore(DataSource dataSource, io.liaison.gateway.audit.AuditLog audit) {
        this.sql = new Sql(dataSource);
        this.audit = audit;
    }

    @Override
    public List<Long> hopsSince(Instant since) {
        return sql.query("SELECT id FROM hop WHERE created_at >= ? ORDER BY id", ps -> ps.setTimestamp(1, Sql.ts(since)),
                rs -> rs.getLong(1));
    }

    @Override
    public List<WatchCandidate> unwatched(Collection<Long> hopIds) {
        List<Long> ids = List.copyOf(hopIds);
        Map<List<String>, WatchCandidate> earliest = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + ID_CHUNK));
            // Grouped first, then checked: one look-up per organisation rather than per delivery.
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            List<WatchCandidate> found = sql.query("SELECT g.reference, g.recipient_org, n.kind, n.priority, g.started_at"
                    + " FROM (SELECT d.reference, d.recipient_org, MIN(d.created_at) AS started_at FROM delivery d"
                    + " WHERE d.hop_id IN (" + marks + ") AND d.delivery_role IN ('DIRECT', 'LIAISON_COPY', 'FORWARD')"
                    + " GROUP BY d.reference, d.recipient_org) g"
                    + " JOIN notice n ON n.reference = g.reference"
                    + " WHERE NOT EXISTS (SELECT 1 FROM escalation_watch w WHERE w.reference = g.reference"
                    + " AND w.organisation_id = g.recipient_org)"
                    + " AND NOT EXISTS (SELECT 1 FROM confirmed_recipient r WHERE r.reference = g.reference"
                    + " AND r.organisation_id = g.recipient_org)",
                    ps -> {
                        for (int i = 0; i < chunk.size(); i++) {
                            ps.setLong(i + 1, chunk.get(i));
                        }
                    },
                    rs -> new WatchCandidate(rs.getString(1), rs.getString(2), NoticeKind.valueOf(rs.getString(3)),
                            Priority.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant()));
            for (WatchCandidate c : found) {
                earliest.merge(List.of(c.reference(), c.organisationId()), c,
                        (a, b) -> a.startedAt().isAfter(b.startedAt()) ? b : a);
            }
        }
        return List.copyOf(earliest.values());
    }

    @Override
    public int openAll(List<NewWatch> watches) {
        if (watches.isEmpty()) {
            return 0;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return sql.inTransaction(c -> insertUnwatched(c, watches));
            } catch (StoreException e) {
                // Another gateway instance opened one of them between our look and our insert, and the
                // primary key refused ours: look again, its row is committed now.
                if (attempt >= 3 || !(e.getCause() instanceof SQLException s) || !Sql.isConstraintViolation(s)) {
                    throw e;
                }
            }
        }
    }

    // Plain look-then-insert: portable (no MERGE or ON CONFLICT), and the primary key catches a race.
    // Inserted in key order, so two transactions opening the same watches queue on the first one
    // instead of each holding a row the other waits for.
    private static int insertUnwatched(Connection c, List<NewWatch> watches) throws SQLException {
        List<NewWatch> ordered = watches.stream()
                .sorted(Comparator.comparing(NewWatch::reference).thenComparing(NewWatch::organisationId)).toList();
        Set<List<String>> watched = new HashSet<>();
        for (String reference : ordered.stream().map(NewWatch::reference).distinct().toList()) {
            Sql.query(c, "SELECT organisation_id FROM escalation_watch WHERE reference = ?", ps -> ps.setString(1, reference),
                    rs -> watched.add(List.of(reference, rs.getString(1))));
        }
        int opened = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO escalation_watch (" + WATCH_COLUMNS + ")"
                + " VALUES (?,?,?,?,?,0,?,'OPEN',NULL)")) {
            for (NewWatch w : ordered) {
                if (!watched.add(List.of(w.reference(), w.organisationId()))) {
                    continue;
                }
                ps.setString(1, w.reference());
                ps.setString(2, w.organisationId());
                ps.setTimestamp(3, Sql.ts(w.startedAt()));
                ps.setTimestamp(4, Sql.ts(w.deadlineAt()));
                ps.setTimestamp(5, Sql.ts(w.deadlineAt()));
                ps.setInt(6, w.totalSteps());
                ps.addBatch();
                opened++;
            }
            if (opened > 0) {
                ps.executeBatch();
            }
        }
        return opened;
    }

    @Override
    public List<EscalationWatch> due(Instant now) {
        return sql.query("SELECT " + WATCH_COLUMNS + " FROM escalation_watch WHERE state = 'OPEN' AND next_step_at <= ?"
                + " ORDER BY next_step_at, reference, organisation_id", ps -> ps.setTimestamp(1, Sql.ts(now)),
                JdbcEscalationStore::readWatch);
    }

    @Override
    public boolean takeStep(EscalationWatch watch, int stepNo, EscalationAction action, StepPlan plan,
                            Optional<Instant> nextStepAt, Instant now) {
        return sql.inTransaction(c -> {
            // Moving the watch first takes its row lock: a confirmation committing meanwhile leaves it
            // no longer OPEN, and then nothing of this step is stored.
            int moved = Sql.update(c, "UPDATE escalation_watch SET steps_taken = ?, next_step_at = ?, state = ?, closed_at = ?"
                    + " WHERE reference = ? AND organisation_id = ? AND state = 'OPEN' AND steps_taken = ?", ps -> {
                        ps.setInt(1, stepNo);
                        ps.setTimestamp(2, nextStepAt.map(Sql::ts).orElse(null));
                        ps.setString(3, nextStepAt.isPresent() ? "OPEN" : "EXHAUSTED");
                        ps.setTimestamp(4, nextStepAt.isPresent() ? null : Sql.ts(now));
                        ps.setString(5, watch.reference());
                        ps.setString(6, watch.organisationId());
                        ps.setInt(7, stepNo - 1);
                    });
            if (moved == 0) {
                return false;
            }
            Long hop = plan.deliveries().isEmpty() ? null : JdbcNoticeStore.insertHop(c, watch.reference(), plan.hopAction(), plan.senderOrg(), plan.senderPoc(), now);
            if (hop != null) {
                JdbcNoticeStore.insertDeliveries(c, watch.reference(), hop, plan.deliveries(), now);
            }
            Sql.update(c, "INSERT INTO escalation_step (reference, organisation_id, step_no, action, hop_id, detail, taken_at)"
                    + " VALUES (?,?,?,?,?,?,?)", ps -> {
                        ps.setString(1, watch.reference());
                        ps.setString(2, watch.organisationId());
                        ps.setInt(3, stepNo);
                        ps.setString(4, action.name());
                        if (hop == null) {
                            ps.setNull(5, java.sql.Types.BIGINT);
                        } else {
                            ps.setLong(5, hop);
                        }
                        ps.setString(6, Sql.truncate(plan.detail(), 1000));
                        ps.setTimestamp(7, Sql.ts(now));
                    });
            java.util.Map<String, String> d = new java.util.TreeMap<>();
            d.put("organisation", watch.organisationId());
            d.put("step", Integer.toString(stepNo));
            d.put("action", action.name());
            d.put("deliveries", Integer.toString(plan.deliveries().size()));
            d.put("detail", Sql.truncate(plan.detail() == null ? "" : plan.detail(), 1000));
            d.put("next-step", nextStepAt.map(Instant::toString).orElse("none (exhausted)"));
            audit.append(c, List.of(io.liaison.gateway.audit.AuditEvent.of(io.liaison.gateway.audit.ActorRef.gateway(),
                    io.liaison.gateway.audit.AuditAction.ESCALATION_STEP, watch.reference(), d)));
            return true;
        });
    }

    @Override
    public void withdraw(String reference, String organisationId, Instant now) {
        sql.update("UPDATE escalation_watch SET state = 'WITHDRAWN', next_step_at = NULL, closed_at = ?"
                + " WHERE reference = ? AND organisation_id = ? AND state = 'OPEN'", ps -> {
                    ps.setTimestamp(1, Sql.ts(now));
                    ps.setString(2, reference);
                    ps.setString(3, organisationId);
                });
    }

    @Override
    public List<EscalationWatch> watches(String reference) {
        return sql.query("SELECT " + WATCH_COLUMNS + " FROM escalation_watch WHERE reference = ? ORDER BY started_at, organisation_id",
                ps -> ps.setString(1, reference), JdbcEscalationStore::readWatch);
    }

    @Override
    public List<EscalationRecord> steps(String reference) {
        return sql.query("SELECT " + STEP_COLUMNS + " FROM escalation_step WHERE reference = ? ORDER BY taken_at, id",
                ps -> ps.setString(1, reference), JdbcEscalationStore::readStep);
    }

    @Override
    public Optional<EscalationRecord> stepCarriedBy(long hopId) {
        return sql.query("SELECT " + STEP_COLUMNS + " FROM escalation_step WHERE hop_id = ?", ps -> ps.setLong(1, hopId),
                JdbcEscalationStore::readStep).stream().findFirst();
    }

    private static EscalationWatch readWatch(ResultSet rs) throws SQLException {
        return new EscalationWatch(rs.getString("reference"), rs.getString("organisation_id"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("deadline_at").toInstant(),
                Sql.instant(rs, "next_step_at"), rs.getInt("steps_taken"), rs.getInt("total_steps"),
                EscalationWatch.State.valueOf(rs.getString("state")), Sql.instant(rs, "closed_at"));
    }

    private static EscalationRecord readStep(ResultSet rs) throws SQLException {
        long hop = rs.getLong("hop_id");
        Optional<Long> hopId = rs.wasNull() ? Optional.empty() : Optional.of(hop);
        return new EscalationRecord(rs.getLong("id"), rs.getString("reference"), rs.getString("organisation_id"),
                rs.getInt("step_no"), EscalationAction.valueOf(rs.getString("action")), hopId, rs.getString("detail"),
                rs.getTimestamp("taken_at").toInstant());
    }
}
