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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** Confirmation codes and attempts on JDBC; portable SQL. */
public final class JdbcConfirmationStore implements ConfirmationStore {
    private static final int CODE_DRAWS = 20;
    private static final String COLUMNS = "c.id, c.reference, c.organisation_id, c.poc_id, c.channel, c.sender, c.verdict,"
            + " c.detail, c.note, c.received_at";

    private final Sql sql;
    private final io.liaison.gateway.audit.AuditLog audit;

    /** Audited into the trail of the same database (times from the system clock: the wiring hands in its own log). */
    public JdbcConfirmationStore(DataSource dataSource) {
        this(dataSource, new JdbcAuditLog(dataSource, java.time.Clock.systemUTC()));
    }

    /** Every confirmation, accepted or not, is appended to {@code audit} in the transaction that stores it. */
    public JdbcConfirmationStore(DataSource dataSource, io.liaison.gateway.audit.AuditLog audit) {
        this.sql = new Sql(dataSource);
        this.audit = audit;
    }

    @Override
    public List<CodeHolder> awaitingCodes(String reference) {
        // In the order the deliveries were planned, which is the order the dispatchers claim them in.
        return sql.query("SELECT d.recipient_org, d.poc_id, MIN(d.id) FROM delivery d WHERE d.reference = ?"
                + " AND d.delivery_role <> 'DUTY_ALERT' AND NOT EXISTS (SELECT 1 FROM confirmation_code k"
                + " WHERE k.reference = d.reference AND k.poc_id = d.poc_id) GROUP BY d.recipient_org, d.poc_id"
                + " ORDER BY MIN(d.id)", ps -> ps.setString(1, reference), rs -> new CodeHolder(rs.getString(1), rs.getString(2)));
    }

    @Override
    public Map<String, String> issuedCodes(String reference) {
        Map<String, String> codes = new java.util.HashMap<>();
        sql.query("SELECT poc_id, code FROM confirmation_code WHERE reference = ?", ps -> ps.setString(1, reference),
                rs -> codes.put(rs.getString(1), rs.getString(2)));
        return codes;
    }

    @Override
    public Map<String, String> issueCodes(String reference, Collection<CodeHolder> holders, Supplier<String> fresh,
                                          Instant now) {
        if (holders.isEmpty()) {
            return Map.of();
        }
        for (int attempt = 0; attempt < CODE_DRAWS; attempt++) {
            try {
                return sql.inTransaction(c -> issue(c, reference, holders, fresh, now));
            } catch (StoreException e) {
                // Another thread issued one of these contacts' codes, or drew one of ours, since we looked: again.
                if (!(e.getCause() instanceof SQLException s) || !isConstraintViolationChain(s)) {
                    throw e;
                }
            }
        }
        throw new StoreException("could not issue unique confirmation codes for " + reference + " after " + CODE_DRAWS
                + " attempts", null);
    }

    private static Map<String, String> issue(Connection c, String reference, Collection<CodeHolder> holders,
                                             Supplier<String> fresh, Instant now) throws SQLException {
        Map<String, CodeHolder> wanted = new LinkedHashMap<>();
        holders.forEach(h -> wanted.putIfAbsent(h.pocId(), h));
        List<CodeHolder> order = new ArrayList<>(wanted.values());
        List<String> drawn = new ArrayList<>(unusedCodes(c, order.size(), fresh));
        Map<String, String> codes = new HashMap<>();
        List<String> holding = new ArrayList<>();
        // A contact that already has a code keeps it: its row is simply not inserted. The check is one
        // lookup in the (reference, poc_id) index per row; an IN list of contacts was a scan of the
        // notice's codes for every one of them.
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO confirmation_code"
                + " (code, reference, organisation_id, poc_id, created_at)"
                + " SELECT CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)),"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE)"
                + " WHERE NOT EXISTS (SELECT 1 FROM confirmation_code k WHERE k.reference = ? AND k.poc_id = ?)")) {
            for (int i = 0; i < order.size(); i++) {
                CodeHolder h = order.get(i);
                ps.setString(1, drawn.get(i));
                ps.setString(2, reference);
                ps.setString(3, h.organisationId());
                ps.setString(4, h.pocId());
                ps.setTimestamp(5, Sql.ts(now));
                ps.setString(6, reference);
                ps.setString(7, h.pocId());
                ps.addBatch();
            }
            int[] inserted = order.isEmpty() ? new int[0] : ps.executeBatch();
            for (int i = 0; i < order.size(); i++) {
                if (inserted[i] == 1) {
                    codes.put(order.get(i).pocId(), drawn.get(i));
                } else {
                    holding.add(order.get(i).pocId()); // had one already (or the driver did not say): read it
                }
            }
        }
        for (String poc : holding) {
            Sql.query(c, "SELECT code FROM confirmation_code WHERE reference = ? AND poc_id = ?", ps -> {
                ps.setString(1, reference);
                ps.setString(2, poc);
            }, rs -> codes.put(poc, rs.getString(1)));
        }
        return codes;
    }

    /**
     * {@code count} distinct codes that no earlier notice holds. Codes are short (a handset's reader
     * types them), so in a database that has issued a few hundred thousand, a draw of thousands
     * almost always clashes somewhere: only the clashing ones are drawn again, instead of the batch.
     */
    private static java.util.Set<String> unusedCodes(Connection c, int count, Supplier<String> fresh) throws SQLException {
        java.util.Set<String> drawn = new java.util.LinkedHashSet<>();
        for (int round = 0; drawn.size() < count; round++) {
            if (round == CODE_DRAWS) {
                // Not a clash to retry: the code space is nearly used up, and only a longer code helps.
                throw new StoreException("no unused confirmation code after " + CODE_DRAWS
                        + " draws: raise gateway.confirmation.code-length", null);
            }
            // As many draws as codes are missing; one drawn twice, or already ours, is simply missing next round.
            java.util.Set<String> candidates = new java.util.LinkedHashSet<>();
            for (int i = drawn.size(); i < count; i++) {
                String code = fresh.get();
                if (!drawn.contains(code)) {
                    candidates.add(code);
                }
            }
            java.util.Set<String> taken = new java.util.HashSet<>();
            for (List<String> part : parts(new ArrayList<>(candidates))) {
                Sql.query(c, "SELECT code FROM confirmation_code WHERE code IN (" + marks(part.size()) + ")",
                        ps -> bind(ps, 1, part), rs -> taken.add(rs.getString(1)));
            }
            candidates.removeAll(taken);
            drawn.addAll(candidates);
        }
        return drawn;
    }

    private static final int IN_LIST = 500;

    private static List<List<String>> parts(List<String> values) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i += IN_LIST) {
            out.add(values.subList(i, Math.min(values.size(), i + IN_LIST)));
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, int first, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setString(first + i, values.get(i));
        }
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

    private Confirmation insert(Connection c, Attempt a, ConfirmationVerdict verdict) throws SQLException {
        // the verdict and channel only: never the code, nor the replying number
        java.util.Map<String, String> d = new java.util.TreeMap<>();
        d.put("channel", a.channel().name());
        d.put("verdict", verdict.name());
        a.organisationId().ifPresent(o -> d.put("organisation", o));
        io.liaison.gateway.audit.ActorRef who = a.pocId().isPresent() && a.organisationId().isPresent()
                ? io.liaison.gateway.audit.ActorRef.of(a.pocId().get(), a.organisationId().get())
                : io.liaison.gateway.audit.ActorRef.gateway();
        audit.append(c, List.of(io.liaison.gateway.audit.AuditEvent.of(who,
                io.liaison.gateway.audit.AuditAction.CONFIRMATION_RECORDED, a.reference().orElse(null), d)));
        return insertRow(c, a, verdict);
    }

    private static Confirmation insertRow(Connection c, Attempt a, ConfirmationVerdict verdict) throws SQLException {
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
