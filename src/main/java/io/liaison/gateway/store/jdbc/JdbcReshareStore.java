package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.reshare.Grounds;
import io.liaison.gateway.reshare.IdentifierKind;
import io.liaison.gateway.reshare.Redaction;
import io.liaison.gateway.reshare.Rejection;
import io.liaison.gateway.reshare.ReshareProposal;
import io.liaison.gateway.reshare.ReshareStore;
import io.liaison.gateway.reshare.ReshareSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** Re-share proposals on JDBC (tables of V5). Plain SQL that H2 and PostgreSQL both run. */
public final class JdbcReshareStore implements ReshareStore {
    private static final String COLUMNS = "id, incident_report_id, incident_key, report_number, grounds, kind, tlp, exercise,"
            + " target_sectors, include_dependents, title, summary, body, warnings, state, proposed_at, approved_by, approved_at,"
            + " notice_reference, proposed_by, rejected_by, rejected_by_person, rejected_at, rejection_reason";
    private static final String WARNING_SEPARATOR = "\n";

    private final Sql jdbc;
    private final io.liaison.gateway.audit.AuditLog audit;

    public JdbcReshareStore(DataSource dataSource, io.liaison.gateway.audit.AuditLog audit) {
        this.jdbc = new Sql(dataSource);
        this.audit = audit;
    }

    @Override
    public long propose(ReshareProposal p, java.util.function.LongFunction<io.liaison.gateway.audit.AuditEvent> audited) {
        return jdbc.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reshare_proposal (incident_report_id, incident_key,"
                    + " report_number, grounds, kind, tlp, exercise, target_sectors, include_dependents, title, summary, body,"
                    + " warnings, state, proposed_at, proposed_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, p.incidentReportId());
                ps.setString(2, p.incidentKey());
                ps.setInt(3, p.reportNumber());
                ps.setString(4, p.grounds().name());
                ps.setString(5, p.kind().name());
                ps.setString(6, p.level().name());
                ps.setBoolean(7, p.exercise());
                ps.setString(8, String.join(",", p.sectors()));
                ps.setBoolean(9, p.includeDependents());
                ps.setString(10, p.title());
                ps.setString(11, p.summary());
                ps.setString(12, p.body());
                ps.setString(13, clip(String.join(WARNING_SEPARATOR, p.warnings()), 4000));
                ps.setString(14, ReshareProposal.State.PROPOSED.name());
                ps.setTimestamp(15, Timestamp.from(p.proposedAt()));
                ps.setString(16, p.proposedBy().orElse(null));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            insertRedactions(c, id, p.redactions());
            audit.append(c, List.of(audited.apply(id)));
            return id;
        });
    }

    private static void insertRedactions(Connection c, long id, List<Redaction> redactions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reshare_redaction (proposal_id, seq, field, kind, original,"
                + " replacement) VALUES (?,?,?,?,?,?)")) {
            int seq = 0;
            for (Redaction r : redactions) {
                ps.setLong(1, id);
                ps.setInt(2, ++seq);
                ps.setString(3, clip(r.field(), 100));
                ps.setString(4, r.kind().name());
                ps.setString(5, clip(r.original(), 4000));
                ps.setString(6, clip(r.replacement(), 400));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Optional<ReshareProposal> find(long id) {
        return one("id = ?", ps -> ps.setLong(1, id));
    }

    @Override
    public Optional<ReshareProposal> findByNotice(String reference) {
        return one("notice_reference = ?", ps -> ps.setString(1, reference));
    }

    @Override
    public boolean markApproved(long id, String approverPoc, Instant now) {
        return jdbc.update("UPDATE reshare_proposal SET state = 'APPROVED', approved_by = ?, approved_at = ?"
                + " WHERE id = ? AND state = 'PROPOSED'", ps -> {
                    ps.setString(1, approverPoc);
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setLong(3, id);
                }) == 1;
    }

    @Override
    public void revertApproval(long id) {
        jdbc.update("UPDATE reshare_proposal SET state = 'PROPOSED', approved_by = NULL, approved_at = NULL"
                + " WHERE id = ? AND state = 'APPROVED'", ps -> ps.setLong(1, id));
    }

    @Override
    public void markSent(long id, String reference, Instant now, io.liaison.gateway.audit.AuditEvent audited) {
        jdbc.inTransaction(c -> {
            Sql.update(c, "UPDATE reshare_proposal SET state = 'SENT', notice_reference = ?, sent_at = ? WHERE id = ?", ps -> {
                ps.setString(1, reference);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setLong(3, id);
            });
            audit.append(c, List.of(audited));
            return null;
        });
    }

    @Override
    public Optional<String> noticeSentFor(ReshareProposal p) {
        if (p.approvedBy().isEmpty() || p.approvedAt().isEmpty()) {
            return Optional.empty();
        }
        return jdbc.query("SELECT reference FROM notice WHERE sender_poc = ? AND title = ? AND body = ? AND created_at >= ?"
                        + " AND reference NOT IN (SELECT notice_reference FROM reshare_proposal WHERE notice_reference IS NOT NULL)"
                        + " ORDER BY created_at",
                ps -> {
                    ps.setString(1, p.approvedBy().get());
                    ps.setString(2, p.title());
                    ps.setString(3, p.body());
                    ps.setTimestamp(4, Timestamp.from(p.approvedAt().get()));
                }, rs -> rs.getString(1)).stream().findFirst();
    }

    private Optional<ReshareProposal> one(String where, Sql.Binder binder) {
        List<ReshareProposal> found = jdbc.query("SELECT " + COLUMNS + " FROM reshare_proposal WHERE " + where, binder, rs -> read(rs));
        return found.stream().findFirst().map(p -> withRedactions(p, redactions(p.id())));
    }

    private List<Redaction> redactions(long id) {
        return jdbc.query("SELECT field, kind, original, replacement FROM reshare_redaction WHERE proposal_id = ? ORDER BY seq",
                ps -> ps.setLong(1, id),
                rs -> new Redaction(rs.getString(1), IdentifierKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)));
    }

    private static ReshareProposal read(ResultSet rs) throws SQLException {
        String sectors = rs.getString(9);
        String warnings = rs.getString(14);
        return new ReshareProposal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), Grounds.valueOf(rs.getString(5)),
                NoticeKind.valueOf(rs.getString(6)), Tlp.valueOf(rs.getString(7)), rs.getBoolean(8),
                sectors.isEmpty() ? List.of() : Arrays.asList(sectors.split(",")), rs.getBoolean(10), rs.getString(11),
                rs.getString(12), rs.getString(13), warnings.isEmpty() ? List.of() : Arrays.asList(warnings.split(WARNING_SEPARATOR)),
                List.of(), ReshareProposal.State.valueOf(rs.getString(15)), rs.getTimestamp(16).toInstant(),
                Optional.ofNullable(rs.getString(17)), Optional.ofNullable(rs.getTimestamp(18)).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString(19)), Optional.ofNullable(rs.getString(20)), rejection(rs));
    }

    private static Optional<Rejection> rejection(ResultSet rs) throws SQLException {
        String by = rs.getString(21);
        Timestamp at = rs.getTimestamp(23);
        if (by == null || at == null) {
            return Optional.empty();
        }
        return Optional.of(new Rejection(by, Optional.ofNullable(rs.getString(22)), at.toInstant(), rs.getString(24)));
    }

    private static ReshareProposal withRedactions(ReshareProposal p, List<Redaction> redactions) {
        return p.withRedactions(redactions);
    }

    @Override
    public boolean markRejected(long id, Rejection r, io.liaison.gateway.audit.AuditEvent audited) {
        return jdbc.inTransaction(c -> {
            int changed = Sql.update(c, "UPDATE reshare_proposal SET state = 'REJECTED', rejected_by = ?, rejected_by_person = ?,"
                    + " rejected_at = ?, rejection_reason = ? WHERE id = ? AND state = 'PROPOSED'", ps -> {
                        ps.setString(1, r.by());
                        ps.setString(2, r.person().orElse(null));
                        ps.setTimestamp(3, Timestamp.from(r.at()));
                        ps.setString(4, r.reason());
                        ps.setLong(5, id);
                    });
            if (changed != 1) {
                return false;
            }
            audit.append(c, List.of(audited));
            return true;
        });
    }

    @Override
    public List<ReshareSummary> list(Set<ReshareProposal.State> states, int limit) {
        if (states.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<ReshareProposal.State> asked = List.copyOf(states);
        String in = String.join(",", java.util.Collections.nCopies(asked.size(), "?"));
        // the count of removals comes with each line: the list never reads the removals themselves
        return jdbc.query("SELECT " + COLUMNS + ", (SELECT COUNT(*) FROM reshare_redaction r WHERE r.proposal_id = reshare_proposal.id)"
                        + " FROM reshare_proposal WHERE state IN (" + in + ") ORDER BY proposed_at DESC, id DESC",
                ps -> {
                    for (int i = 0; i < asked.size(); i++) {
                        ps.setString(i + 1, asked.get(i).name());
                    }
                    ps.setMaxRows(limit);
                }, rs -> ReshareSummary.of(read(rs), rs.getInt(25)));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
