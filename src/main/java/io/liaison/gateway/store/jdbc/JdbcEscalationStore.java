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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Escalation watches and steps on JDBC. A step's hop and deliveries go into the spine's hop and
 * delivery tables, in the same transaction as the step, so the dispatchers pick them up like any other.
 */
public final class JdbcEscalationStore implements EscalationStore {
    private static final String WATCH_COLUMNS = "reference, organisation_id, started_at, deadline_at, next_step_at,"
            + " steps_taken, total_steps, state, closed_at";
    private static final String STEP_COLUMNS = "id, reference, organisation_id, step_no, action, hop_id, detail, taken_at";

    private final Sql sql;

    public JdbcEscalationStore(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public List<WatchCandidate> unwatched(Instant since) {
        return sql.query("SELECT d.reference, d.recipient_org, n.kind, n.priority, MIN(d.created_at)"
                + " FROM hop h JOIN delivery d ON d.hop_id = h.id JOIN notice n ON n.reference = d.reference"
                + " WHERE h.created_at >= ? AND d.delivery_role IN ('DIRECT', 'LIAISON_COPY', 'FORWARD')"
                + " AND NOT EXISTS (SELECT 1 FROM escalation_watch w WHERE w.reference = d.reference"
                + " AND w.organisation_id = d.recipient_org)"
                + " AND NOT EXISTS (SELECT 1 FROM confirmed_recipient r WHERE r.reference = d.reference"
                + " AND r.organisation_id = d.recipient_org)"
                + " GROUP BY d.reference, d.recipient_org, n.kind, n.priority",
                ps -> ps.setTimestamp(1, Sql.ts(since)),
                rs -> new WatchCandidate(rs.getString(1), rs.getString(2), NoticeKind.valueOf(rs.getString(3)),
                        Priority.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant()));
    }

    @Override
    public void open(String reference, String organisationId, Instant startedAt, Instant deadlineAt, int totalSteps) {
        try {
            sql.update("INSERT INTO escalation_watch (" + WATCH_COLUMNS + ") VALUES (?,?,?,?,?,0,?,'OPEN',NULL)", ps -> {
                ps.setString(1, reference);
                ps.setString(2, organisationId);
                ps.setTimestamp(3, Sql.ts(startedAt));
                ps.setTimestamp(4, Sql.ts(deadlineAt));
                ps.setTimestamp(5, Sql.ts(deadlineAt));
                ps.setInt(6, totalSteps);
            });
        } catch (StoreException e) {
            // Already watched (a second gateway instance, or an overlapping scan): nothing to do.
            if (!(e.getCause() instanceof SQLException s) || !Sql.isConstraintViolation(s)) {
                throw e;
            }
        }
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
