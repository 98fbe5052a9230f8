package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.audit.ActorRef;
import io.liaison.gateway.audit.AuditChain;
import io.liaison.gateway.audit.AuditCheckpoint;
import io.liaison.gateway.audit.AuditEntry;
import io.liaison.gateway.audit.AuditEvent;
import io.liaison.gateway.audit.AuditException;
import io.liaison.gateway.audit.AuditLog;
import io.liaison.gateway.audit.CanonicalJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The audit trail in the gateway's database (tables of V20). The chain is serialised by a row lock on
 * {@code audit_head} ({@code SELECT ... FOR UPDATE}), taken as late as possible in the appending
 * transaction: the entries are sealed and inserted as one batch, the head moved, and the lock is
 * released by the caller's commit. Portable SQL only.
 */
public final class JdbcAuditLog implements AuditLog {
    private static final String COLUMNS = "sequence, at, actor_person, actor_poc, actor_org, action, reference, details,"
            + " previous_hash, hash";

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcAuditLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public List<AuditEntry> append(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<AuditEntry> written = appendIn(c, events);
                c.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new AuditException("the audit trail could not be written (" + describe(events) + "): " + e.getMessage(), e);
        }
    }

    @Override
    public List<AuditEntry> append(Connection transaction, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        try {
            if (transaction.getAutoCommit()) {
                // without a transaction the head lock would end with the first statement
                throw new AuditException("appending " + describe(events) + " needs a connection inside a transaction");
            }
            return appendIn(transaction, events);
        } catch (SQLException e) {
            throw new AuditException("the audit trail could not be written (" + describe(events) + "): " + e.getMessage(), e);
        }
    }

    private List<AuditEntry> appendIn(Connection c, List<AuditEvent> events) throws SQLException {
        // Everything that does not depend on the entry's place is written before the head row is locked.
        List<AuditChain.Draft> drafts = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            drafts.add(AuditChain.draft(event));
        }
        long last;
        String previous;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_sequence, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new AuditException("the audit trail's head row is missing (table audit_head): the trail was tampered with");
            }
            last = rs.getLong(1);
            previous = rs.getString(2);
        }
        AuditChain.Stamp now = AuditChain.Stamp.of(clock.instant());
        List<AuditEntry> sealed = new ArrayList<>(events.size());
        for (AuditChain.Draft draft : drafts) {
            AuditEntry entry = draft.seal(++last, now, previous);
            sealed.add(entry);
            previous = entry.hash();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < sealed.size(); i++) {
                AuditEntry e = sealed.get(i);
                ps.setLong(1, e.sequence());
                ps.setTimestamp(2, Sql.ts(e.at()));
                ps.setString(3, e.who().person().orElse(null));
                ps.setString(4, e.who().pocId());
                ps.setString(5, e.who().organisationId());
                ps.setString(6, e.action());
                ps.setString(7, e.reference().orElse(null));
                ps.setString(8, drafts.get(i).detailsJson());
                ps.setString(9, e.previousHash());
                ps.setString(10, e.hash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        AuditEntry head = sealed.get(sealed.size() - 1);
        Sql.update(c, "UPDATE audit_head SET last_sequence = ?, last_hash = ? WHERE id = 1", ps -> {
            ps.setLong(1, head.sequence());
            ps.setString(2, head.hash());
        });
        return sealed;
    }

    @Override
    public List<AuditEntry> read(Optional<Instant> from, Optional<Instant> to) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entry WHERE 1 = 1");
        from.ifPresent(f -> sql.append(" AND at >= ?"));
        to.ifPresent(t -> sql.append(" AND at < ?"));
        sql.append(" ORDER BY sequence");
        return query(sql.toString(), ps -> {
            int i = 1;
            if (from.isPresent()) {
                ps.setTimestamp(i++, Sql.ts(from.get()));
            }
            if (to.isPresent()) {
                ps.setTimestamp(i, Sql.ts(to.get()));
            }
        });
    }

    /** Entries with sequence numbers {@code from..to} inclusive, in order; for verifying a long chain in slices. */
    public List<AuditEntry> slice(long from, long to) {
        return query("SELECT " + COLUMNS + " FROM audit_entry WHERE sequence >= ? AND sequence <= ? ORDER BY sequence", ps -> {
            ps.setLong(1, from);
            ps.setLong(2, to);
        });
    }

    @Override
    public List<AuditEntry> trail(String reference) {
        return query("SELECT " + COLUMNS + " FROM audit_entry WHERE reference = ? ORDER BY sequence", ps -> ps.setString(1, reference));
    }

    @Override
    public Optional<AuditEntry> head() {
        return query("SELECT " + COLUMNS + " FROM audit_entry WHERE sequence = (SELECT MAX(sequence) FROM audit_entry)", ps -> { })
                .stream().findFirst();
    }

    /** What {@code audit_head} says the last entry is: its sequence and hash (0 and 64 zeros when empty). */
    public Map.Entry<Long, String> recordedHead() {
        List<Map.Entry<Long, String>> rows = read("SELECT last_sequence, last_hash FROM audit_head WHERE id = 1", ps -> { },
                rs -> Map.entry(rs.getLong(1), rs.getString(2)));
        if (rows.isEmpty()) {
            throw new AuditException("the audit trail's head row is missing (table audit_head): the trail was tampered with");
        }
        return rows.get(0);
    }

    /**
     * The whole trail checked: every entry from #1 in order, the head row, every checkpoint. A last entry
     * replaced with a recomputed hash has no successor to betray it; the head row does.
     */
    public io.liaison.gateway.audit.ChainVerdict verify(io.liaison.gateway.audit.ChainVerifier verifier) {
        List<AuditEntry> all = read(Optional.empty(), Optional.empty());
        Map.Entry<Long, String> head = recordedHead();
        List<io.liaison.gateway.audit.ChainVerifier.Located> located = all.stream()
                .map(e -> new io.liaison.gateway.audit.ChainVerifier.Located(e, 0)).toList();
        io.liaison.gateway.audit.ChainVerdict verdict = verifier.verify(located, checkpoints(), 1, head.getKey(), List.of());
        if (verdict.intact() && !all.isEmpty() && !all.get(all.size() - 1).hash().equals(head.getValue())) {
            AuditEntry last = all.get(all.size() - 1);
            return new io.liaison.gateway.audit.ChainVerdict(verdict.entries(), verdict.checkpoints(), verdict.lastSequence(),
                    List.of("entry #" + last.sequence() + " was changed or replaced: the chain head (audit_head) records a different hash"));
        }
        return verdict;
    }

    @Override
    public void saveCheckpoint(AuditCheckpoint cp) {
        try (Connection c = dataSource.getConnection()) {
            Sql.update(c, "INSERT INTO audit_checkpoint (sequence, hash, at, signer, signature) VALUES (?, ?, ?, ?, ?)", ps -> {
                ps.setLong(1, cp.sequence());
                ps.setString(2, cp.hash());
                ps.setTimestamp(3, Sql.ts(cp.at()));
                ps.setString(4, cp.signer());
                ps.setString(5, cp.signature());
            });
        } catch (SQLException e) {
            if (Sql.isConstraintViolation(e)) {
                return; // another node signed the same head first: one checkpoint per head is enough
            }
            throw new AuditException("the audit checkpoint at entry #" + cp.sequence() + " could not be stored: " + e.getMessage(), e);
        }
    }

    @Override
    public List<AuditCheckpoint> checkpoints() {
        return read("SELECT sequence, hash, at, signer, signature FROM audit_checkpoint ORDER BY sequence", ps -> { },
                rs -> new AuditCheckpoint(rs.getLong(1), rs.getString(2).trim(), rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getString(5)));
    }

    @Override
    public Optional<AuditCheckpoint> lastCheckpoint() {
        return read("SELECT sequence, hash, at, signer, signature FROM audit_checkpoint WHERE sequence ="
                        + " (SELECT MAX(sequence) FROM audit_checkpoint)", ps -> { },
                rs -> new AuditCheckpoint(rs.getLong(1), rs.getString(2).trim(), rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getString(5))).stream().findFirst();
    }

    private List<AuditEntry> query(String sql, Sql.Binder binder) {
        return read(sql, binder, JdbcAuditLog::entry);
    }

    private <T> List<T> read(String sql, Sql.Binder binder, Sql.Reader<T> reader) {
        try (Connection c = dataSource.getConnection()) {
            return Sql.query(c, sql, binder, reader);
        } catch (SQLException e) {
            throw new AuditException("the audit trail could not be read: " + e.getMessage(), e);
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        long sequence = rs.getLong("sequence");
        String poc = rs.getString("actor_poc");
        String org = rs.getString("actor_org");
        ActorRef who;
        try {
            who = new ActorRef(Optional.ofNullable(rs.getString("actor_person")), poc, org);
        } catch (IllegalArgumentException e) {
            throw new AuditException("audit entry #" + sequence + " names an impossible actor (" + e.getMessage() + "): it was edited");
        }
        Map<String, String> details = new LinkedHashMap<>();
        try {
            Object parsed = CanonicalJson.read(rs.getString("details"));
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("not a JSON object");
            }
            map.forEach((k, v) -> details.put((String) k, String.valueOf(v)));
        } catch (IllegalArgumentException e) {
            throw new AuditException("audit entry #" + sequence + " has unreadable details (" + e.getMessage() + "): it was edited");
        }
        return new AuditEntry(sequence, rs.getTimestamp("at").toInstant(), who, rs.getString("action"),
                Optional.ofNullable(rs.getString("reference")), details, rs.getString("previous_hash").trim(),
                rs.getString("hash").trim());
    }

    private static String describe(List<AuditEvent> events) {
        AuditEvent first = events.get(0);
        return first.action() + first.reference().map(r -> " " + r).orElse("")
                + (events.size() > 1 ? " and " + (events.size() - 1) + " more" : "");
    }
}
