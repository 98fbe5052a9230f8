package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.track.Confirmation;
import io.liaison.gateway.track.ConfirmationChannel;
import io.liaison.gateway.track.ConfirmationVerdict;
import io.liaison.gateway.track.ack.ConfirmationStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** Confirmation codes and attempts on JDBC; portable SQL. */
public final class JdbcConfirmationStore implements ConfirmationStore {
    private static final int CODE_DRAWS = 20;
    private static final String COLUMNS = "c.id, c.reference, c.organisation_id, c.poc_id, c.channel, c.sender, c.verdict,"
            + " c.detail, c.note, c.received_at";

    private final Sql sql;

    public JdbcConfirmationStore(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public java.util.Map<String, String> issueCodes(String reference, Supplier<String> fresh, Instant now) {
        for (int draw = 0; draw < CODE_DRAWS; draw++) {
            try {
                sql.inTransaction(c -> {
                    List<String[]> missing = Sql.query(c, "SELECT DISTINCT d.recipient_org, d.poc_id FROM delivery d"
                            + " WHERE d.reference = ? AND d.delivery_role <> 'DUTY_ALERT' AND NOT EXISTS (SELECT 1 FROM"
                            + " confirmation_code k WHERE k.reference = d.reference AND k.poc_id = d.poc_id)",
                            ps -> ps.setString(1, reference), rs -> new String[] {rs.getString(1), rs.getString(2)});
                    try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO confirmation_code"
                            + " (code, reference, organisation_id, poc_id, created_at) VALUES (?,?,?,?,?)")) {
                        for (String[] m : missing) {
                            ps.setString(1, fresh.get());
                            ps.setString(2, reference);
                            ps.setString(3, m[0]);
                            ps.setString(4, m[1]);
                            ps.setTimestamp(5, Sql.ts(now));
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    return null;
                });
                break;
            } catch (StoreException e) {
                // a code drawn twice, or the other channel's dispatcher issued the same contact's first: draw again
                if (!(e.getCause() instanceof SQLException s) || !isConstraintViolationChain(s)) {
                    throw e;
                }
            }
        }
        java.util.Map<String, String> out = new java.util.HashMap<>();
        sql.query("SELECT poc_id, code FROM confirmation_code WHERE reference = ?", ps -> ps.setString(1, reference),
                rs -> out.put(rs.getString(1), rs.getString(2)));
        return out;
    }

    /** A batch reports the violation on the batch exception or on the one chained to it. */
    private static boolean isConstraintViolationChain(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (Sql.isConstraintViolation(s)) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && Sql.isConstraintViolation(cause);
    }

    @Override
    public String codeFor(String reference, String organisationId, String pocId, Supplier<String> fresh, Instant now) {
        for (int draw = 0; draw < CODE_DRAWS; draw++) {
            List<String> existing = sql.query("SELECT code FROM confirmation_code WHERE reference = ? AND poc_id = ?", ps -> {
                ps.setString(1, reference);
                ps.setString(2, pocId);
            }, rs -> rs.getString(1));
            if (!existing.isEmpty()) {
                return existing.get(0);
            }
            String code = fresh.get();
            try {
                sql.update("INSERT INTO confirmation_code (code, reference, organisation_id, poc_id, created_at) VALUES (?,?,?,?,?)",
                        ps -> {
                            ps.setString(1, code);
                            ps.setString(2, reference);
                            ps.setString(3, organisationId);
                            ps.setString(4, pocId);
                            ps.setTimestamp(5, Sql.ts(now));
                        });
                return code;
            } catch (StoreException e) {
                // A clash with an earlier code, or the other channel's dispatcher issued it first: look again.
                if (!(e.getCause() instanceof SQLException s) || !Sql.isConstraintViolation(s)) {
                    throw e;
                }
            }
        }
        throw new StoreException("could not issue a unique confirmation code for " + reference + " after " + CODE_DRAWS
                + " draws", null);
    }

    @Override
    public Optional<IssuedCode> findCode(String code) {
        return sql.query("SELECT code, reference, organisation_id, poc_id, created_at, used_at FROM confirmation_code"
                + " WHERE code = ?", ps -> ps.setString(1, code), rs -> new IssuedCode(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), Sql.instant(rs, "used_at")))
                .stream().findFirst();
    }

    @Override
    public Confirmation recordAccepted(Attempt attempt, Optional<String> code) {
        try {
            return sql.inTransaction(c -> accepted(c, attempt, code));
        } catch (StoreException e) {
            // Two first confirmations raced for the primary key: the loser is a later one, recorded as such.
            if (e.getCause() instanceof SQLException s && Sql.isConstraintViolation(s)) {
                return sql.inTransaction(c -> accepted(c, attempt, code));
            }
            throw e;
        }
    }

    private Confirmation accepted(Connection c, Attempt attempt, Optional<String> code) throws SQLException {
        String reference = attempt.reference().orElseThrow();
        String org = attempt.organisationId().orElseThrow();
        if (code.isPresent()) {
            int claimed = Sql.update(c, "UPDATE confirmation_code SET used_at = ? WHERE code = ? AND used_at IS NULL", ps -> {
                ps.setTimestamp(1, Sql.ts(attempt.at()));
                ps.setString(2, code.get());
            });
            if (claimed == 0) {
                return insert(c, withDetail(attempt, "code already used to confirm"), ConfirmationVerdict.CODE_ALREADY_USED);
            }
        }
        boolean first = Sql.query(c, "SELECT 1 FROM confirmed_recipient WHERE reference = ? AND organisation_id = ?", ps -> {
            ps.setString(1, reference);
            ps.setString(2, org);
        }, rs -> 1).isEmpty();
        Confirmation stored = insert(c, attempt, first ? ConfirmationVerdict.CONFIRMED : ConfirmationVerdict.ALSO_CONFIRMED);
        if (first) {
            Sql.update(c, "INSERT INTO confirmed_recipient (reference, organisation_id, confirmation_id) VALUES (?,?,?)", ps -> {
                ps.setString(1, reference);
                ps.setString(2, org);
                ps.setLong(3, stored.id());
            });
            Sql.update(c, "UPDATE escalation_watch SET state = 'CONFIRMED', next_step_at = NULL, closed_at = ?"
                    + " WHERE reference = ? AND organisation_id = ? AND state = 'OPEN'", ps -> {
                        ps.setTimestamp(1, Sql.ts(attempt.at()));
                        ps.setString(2, reference);
                        ps.setString(3, org);
                    });
        }
        return stored;
    }

    @Override
    public Confirmation recordRejected(Attempt attempt, ConfirmationVerdict verdict) {
        if (verdict.accepted()) {
            throw new IllegalArgumentException(verdict + " is not a rejection");
        }
        return sql.inTransaction(c -> insert(c, attempt, verdict));
    }

    @Override
    public Optional<Confirmation> firstConfirmation(String reference, String organisationId) {
        return sql.query("SELECT " + COLUMNS + " FROM confirmed_recipient r JOIN confirmation c ON c.id = r.confirmation_id"
                + " WHERE r.reference = ? AND r.organisation_id = ?", ps -> {
                    ps.setString(1, reference);
                    ps.setString(2, organisationId);
                }, JdbcConfirmationStore::read).stream().findFirst();
    }

    @Override
    public List<Confirmation> confirmations(String reference) {
        return sql.query("SELECT " + COLUMNS + " FROM confirmation c WHERE c.reference = ? ORDER BY c.id",
                ps -> ps.setString(1, reference), JdbcConfirmationStore::read);
    }

    @Override
    public List<Confirmation> attemptsSince(Instant since) {
        return sql.query("SELECT " + COLUMNS + " FROM confirmation c WHERE c.received_at >= ? ORDER BY c.id",
                ps -> ps.setTimestamp(1, Sql.ts(since)), JdbcConfirmationStore::read);
    }

    private static Confirmation insert(Connection c, Attempt a, ConfirmationVerdict verdict) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO confirmation (reference, organisation_id, poc_id, channel,"
                + " sender, verdict, detail, note, received_at) VALUES (?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, Sql.truncate(a.reference().orElse(null), 64));
            ps.setString(2, Sql.truncate(a.organisationId().orElse(null), 64));
            ps.setString(3, Sql.truncate(a.pocId().orElse(null), 64));
            ps.setString(4, a.channel().name());
            ps.setString(5, Sql.truncate(a.sender().orElse(null), 320));
            ps.setString(6, verdict.name());
            ps.setString(7, Sql.truncate(a.detail().orElse(null), 1000));
            ps.setString(8, Sql.truncate(a.note().orElse(null), 1000));
            ps.setTimestamp(9, Sql.ts(a.at()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Confirmation(keys.getLong(1), a.reference(), a.organisationId(), a.pocId(), a.channel(), a.sender(),
                        verdict, a.detail(), a.note(), a.at());
            }
        }
    }

    private static Attempt withDetail(Attempt a, String detail) {
        return new Attempt(a.reference(), a.organisationId(), a.pocId(), a.channel(), a.sender(),
                Optional.of(a.detail().map(d -> detail + "; " + d).orElse(detail)), a.note(), a.at());
    }

    private static Confirmation read(ResultSet rs) throws SQLException {
        return new Confirmation(rs.getLong(1), Optional.ofNullable(rs.getString(2)), Optional.ofNullable(rs.getString(3)),
                Optional.ofNullable(rs.getString(4)), ConfirmationChannel.valueOf(rs.getString(5)),
                Optional.ofNullable(rs.getString(6)), ConfirmationVerdict.valueOf(rs.getString(7)),
                Optional.ofNullable(rs.getString(8)), Optional.ofNullable(rs.getString(9)), rs.getTimestamp(10).toInstant());
    }
}
