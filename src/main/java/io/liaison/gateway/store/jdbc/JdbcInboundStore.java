package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.inbound.AcknowledgementRecord;
import io.liaison.gateway.inbound.InboundStatus;
import io.liaison.gateway.inbound.InboundStore;
import io.liaison.gateway.inbound.IncidentReportRecord;
import io.liaison.gateway.inbound.NewIncidentReport;
import io.liaison.gateway.inbound.ReasonCode;
import io.liaison.gateway.inbound.StoredInbound;
import io.liaison.gateway.inbound.VerifiedSender;
import io.liaison.gateway.marking.Tlp;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The inbound ledger on JDBC, in the same database as the notices. Plain SQL that H2 and PostgreSQL both run. */
public final class JdbcInboundStore implements InboundStore {
    private static final String COLUMNS = "id, source, raw_sha256, raw_size, status, message_id, claimed_from, subject,"
            + " reason_code, reason_text, signer_poc, signer_org, document_type, outcome_reference, times_seen, received_at,"
            + " notice_suppressed";

    private final DataSource dataSource;
    private final Sql sql;
    private final io.liaison.gateway.audit.AuditLog audit;

    /** Audited into the trail of the same database (times from the system clock: the wiring hands in its own log). */
    public JdbcInboundStore(DataSource dataSource) {
        this(dataSource, new JdbcAuditLog(dataSource, java.time.Clock.systemUTC()));
    }

    /** Every verdict (accepted, quarantined) is appended to {@code audit} in the transaction that stores it. */
    public JdbcInboundStore(DataSource dataSource, io.liaison.gateway.audit.AuditLog audit) {
        this.dataSource = dataSource;
        this.sql = new Sql(dataSource);
        this.audit = audit;
    }

    @Override
    public Recorded record(byte[] raw, boolean truncated, long originalSize, String source, Instant now) {
        String digest = sha256(raw);
        return inTransaction(c -> {
            Optional<StoredInbound> earlier = findBy(c, "raw_sha256 = ?", digest);
            if (earlier.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE inbound_message SET times_seen = times_seen + 1 WHERE id = ?")) {
                    ps.setLong(1, earlier.get().id());
                    ps.executeUpdate();
                }
                return new Recorded(findBy(c, "id = ?", earlier.get().id()).orElseThrow(), false);
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbound_message (source, raw_sha256, raw_size, raw_base64,"
                    + " raw_truncated, status, times_seen, received_at) VALUES (?,?,?,?,?,?,1,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, source);
                ps.setString(2, digest);
                ps.setLong(3, originalSize);
                ps.setString(4, Base64.getEncoder().encodeToString(raw));
                ps.setBoolean(5, truncated);
                ps.setString(6, InboundStatus.RECEIVED.name());
                ps.setTimestamp(7, Timestamp.from(now));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            return new Recorded(findBy(c, "id = ?", id).orElseThrow(), true);
        });
    }

    @Override
    public void describe(long id, Optional<String> messageId, Optional<String> claimedFrom, Optional<String> subject,
                         Optional<Instant> headerDate) {
        update("UPDATE inbound_message SET message_id = ?, claimed_from = ?, subject = ?, header_date = ? WHERE id = ?", ps -> {
            ps.setString(1, messageId.map(s -> truncate(s, 1000)).orElse(null));
            ps.setString(2, claimedFrom.map(s -> truncate(s, 1000)).orElse(null));
            ps.setString(3, subject.map(s -> truncate(s, 1000)).orElse(null));
            ps.setTimestamp(4, headerDate.map(Timestamp::from).orElse(null));
            ps.setLong(5, id);
        });
    }

    @Override
    public Optional<ReplayKey> replaySeen(String signerFingerprint, String messageId, String innerSha256, long exceptId) {
        List<String> kinds = query("SELECT kind FROM inbound_replay_key WHERE signer_fingerprint = ? AND inbound_id <> ?"
                + " AND ((kind = ? AND key_sha256 = ?) OR (kind = ? AND key_sha256 = ?))", ps -> {
                    ps.setString(1, signerFingerprint);
                    ps.setLong(2, exceptId);
                    ps.setString(3, ReplayKey.MESSAGE_ID.name());
                    ps.setString(4, sha256(messageId.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    ps.setString(5, ReplayKey.CONTENT.name());
                    ps.setString(6, innerSha256);
                }, rs -> rs.getString(1));
        // The Message-ID is named first: it is what the sender can fix (send a new message).
        return kinds.contains(ReplayKey.MESSAGE_ID.name()) ? Optional.of(ReplayKey.MESSAGE_ID)
                : kinds.isEmpty() ? Optional.empty() : Optional.of(ReplayKey.CONTENT);
    }

    @Override
    public void recordReplayKeys(long id, String signerFingerprint, String messageId, String innerSha256, Instant now) {
        String messageKey = sha256(messageId.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        inTransaction(c -> {
            for (ReplayKey kind : ReplayKey.values()) {
                String key = kind == ReplayKey.MESSAGE_ID ? messageKey : innerSha256;
                try (PreparedStatement find = c.prepareStatement("SELECT inbound_id FROM inbound_replay_key"
                        + " WHERE signer_fingerprint = ? AND kind = ? AND key_sha256 = ?")) {
                    find.setString(1, signerFingerprint);
                    find.setString(2, kind.name());
                    find.setString(3, key);
                    try (ResultSet rs = find.executeQuery()) {
                        if (rs.next()) {
                            continue; // this message's own keys, recorded before a crash
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbound_replay_key (signer_fingerprint, kind,"
                        + " key_sha256, inbound_id, recorded_at) VALUES (?,?,?,?,?)")) {
                    ps.setString(1, signerFingerprint);
                    ps.setString(2, kind.name());
                    ps.setString(3, key);
                    ps.setLong(4, id);
                    ps.setTimestamp(5, Timestamp.from(now));
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public int quarantineNoticesSince(Optional<String> claimedPoc, Instant since) {
        return query("SELECT COUNT(*) FROM inbound_message WHERE status = ? AND notice_reference IS NOT NULL AND decided_at >= ?"
                + (claimedPoc.isPresent() ? " AND claimed_poc = ?" : ""), ps -> {
                    ps.setString(1, InboundStatus.QUARANTINED.name());
                    ps.setTimestamp(2, Timestamp.from(since));
                    if (claimedPoc.isPresent()) {
                        ps.setString(3, claimedPoc.get());
                    }
                }, rs -> rs.getInt(1)).get(0);
    }

    @Override
    public void noticeSuppressed(long id, String why) {
        update("UPDATE inbound_message SET notice_suppressed = ? WHERE id = ?", ps -> {
            ps.setString(1, truncate(why, 400));
            ps.setLong(2, id);
        });
    }

    @Override
    public void quarantine(long id, ReasonCode reason, String detail, Optional<String> claimedPoc,
                           Optional<VerifiedSender> signer, Optional<String> innerSha256, Optional<String> noticeReference,
                           Instant now) {
        inTransaction(c -> {
            Sql.update(c, "UPDATE inbound_message SET status = ?, reason_code = ?, reason_text = ?, claimed_poc = ?, signer_fingerprint = ?,"
                + " signer_poc = ?, signer_org = ?, inner_sha256 = ?, notice_reference = ?, outcome_reference = ?, decided_at = ?"
                + " WHERE id = ?", ps -> {
                    ps.setString(1, InboundStatus.QUARANTINED.name());
                    ps.setString(2, reason.name());
                    ps.setString(3, truncate(detail, 2000));
                    ps.setString(4, claimedPoc.orElse(null));
                    ps.setString(5, signer.map(VerifiedSender::fingerprint).orElse(null));
                    ps.setString(6, signer.map(VerifiedSender::pocId).orElse(null));
                    ps.setString(7, signer.map(VerifiedSender::organisationId).orElse(null));
                    ps.setString(8, innerSha256.orElse(null));
                    ps.setString(9, noticeReference.orElse(null));
                    ps.setString(10, noticeReference.orElse(null));
                    ps.setTimestamp(11, Timestamp.from(now));
                    ps.setLong(12, id);
                });
            java.util.Map<String, String> d = new java.util.TreeMap<>();
            d.put("inbound", Long.toString(id));
            d.put("reason", reason.name());
            d.put("detail", truncate(detail == null ? "" : detail, 400));
            claimedPoc.ifPresent(p -> d.put("claimed-poc", p));
            signer.ifPresent(v -> {
                d.put("signer-poc", v.pocId());
                d.put("signer-organisation", v.organisationId());
            });
            audit.append(c, List.of(io.liaison.gateway.audit.AuditEvent.of(io.liaison.gateway.audit.ActorRef.gateway(),
                    io.liaison.gateway.audit.AuditAction.INBOUND_QUARANTINED, noticeReference.orElse(null), d)));
            return null;
        });
    }

    @Override
    public void acceptAcknowledgement(long id, VerifiedSender signer, String innerSha256, String reference,
                                      Optional<String> note, Instant now) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO acknowledgement (reference, organisation_id, poc_id,"
                    + " inbound_id, note, received_at) VALUES (?,?,?,?,?,?)")) {
                ps.setString(1, reference);
                ps.setString(2, signer.organisationId());
                ps.setString(3, signer.pocId());
                ps.setLong(4, id);
                ps.setString(5, note.map(n -> truncate(n, 1000)).orElse(null));
                ps.setTimestamp(6, Timestamp.from(now));
                ps.executeUpdate();
            }
            markAccepted(c, id, signer, innerSha256, "acknowledgement", reference, now);
            return null;
        });
    }

    @Override
    public int nextReportNumber(String incidentKey) {
        return query("SELECT COUNT(*) FROM incident_report WHERE incident_key = ?", ps -> ps.setString(1, incidentKey),
                rs -> rs.getInt(1)).get(0) + 1;
    }

    @Override
    public void acceptReport(long id, VerifiedSender signer, String innerSha256, NewIncidentReport r, Instant now) {
        inTransaction(c -> {
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM incident WHERE incident_key = ?")) {
                ps.setString(1, r.incidentKey());
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO incident (incident_key, organisation_id,"
                        + " reporter_incident_id, created_at) VALUES (?,?,?,?)")) {
                    ps.setString(1, r.incidentKey());
                    ps.setString(2, signer.organisationId());
                    ps.setString(3, r.reporterIncidentId());
                    ps.setTimestamp(4, Timestamp.from(now));
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO incident_report (incident_key, report_number, inbound_id,"
                    + " reporter_org, reporter_poc, tlp, exercise, trigger_category, trigger_case, event_type, causes,"
                    + " contact_person, do_not_share, document, relay_reference, received_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, r.incidentKey());
                ps.setInt(2, r.reportNumber());
                ps.setLong(3, id);
                ps.setString(4, signer.organisationId());
                ps.setString(5, signer.pocId());
                ps.setString(6, r.level().name());
                ps.setBoolean(7, r.exercise());
                ps.setString(8, r.triggerCategory().orElse(null));
                ps.setString(9, r.triggerCase().orElse(null));
                ps.setString(10, r.eventType().orElse(null));
                ps.setString(11, String.join(",", r.causes()));
                ps.setString(12, truncate(r.contactPerson(), 400));
                ps.setBoolean(13, r.doNotShare());
                ps.setString(14, r.document());
                ps.setString(15, r.relayReference().orElse(null));
                ps.setTimestamp(16, Timestamp.from(now));
                ps.executeUpdate();
            }
            markAccepted(c, id, signer, innerSha256, "incident-report",
                    r.incidentKey() + "#" + r.reportNumber() + r.relayReference().map(ref -> " " + ref).orElse(""), now);
            return null;
        });
    }

    private void markAccepted(Connection c, long id, VerifiedSender signer, String innerSha256, String type,
                              String outcome, Instant now) throws SQLException {
        io.liaison.gateway.audit.ActorRef who = io.liaison.gateway.audit.ActorRef.of(signer.pocId(), signer.organisationId());
        java.util.Map<String, String> d = java.util.Map.of("inbound", Long.toString(id), "document", type,
                "signer", signer.fingerprint(), "outcome", truncate(outcome, 140));
        List<io.liaison.gateway.audit.AuditEvent> trail = new java.util.ArrayList<>();
        String reference = "acknowledgement".equals(type) ? outcome : null;
        trail.add(io.liaison.gateway.audit.AuditEvent.of(who, io.liaison.gateway.audit.AuditAction.INBOUND_ACCEPTED, reference, d));
        if (type.contains("report")) {
            trail.add(io.liaison.gateway.audit.AuditEvent.of(who, io.liaison.gateway.audit.AuditAction.INCIDENT_FILED, null,
                    java.util.Map.of("inbound", Long.toString(id), "report", truncate(outcome, 140))));
        }
        audit.append(c, trail);
        try (PreparedStatement ps = c.prepareStatement("UPDATE inbound_message SET status = ?, signer_fingerprint = ?,"
                + " signer_poc = ?, signer_org = ?, claimed_poc = ?, inner_sha256 = ?, document_type = ?, outcome_reference = ?,"
                + " reason_code = NULL, reason_text = NULL, decided_at = ? WHERE id = ?")) {
            ps.setString(1, InboundStatus.ACCEPTED.name());
            ps.setString(2, signer.fingerprint());
            ps.setString(3, signer.pocId());
            ps.setString(4, signer.organisationId());
            ps.setString(5, signer.pocId());
            ps.setString(6, innerSha256);
            ps.setString(7, type);
            ps.setString(8, truncate(outcome, 140));
            ps.setTimestamp(9, Timestamp.from(now));
            ps.setLong(10, id);
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<StoredInbound> find(long id) {
        try (Connection c = dataSource.getConnection()) {
            return findBy(c, "id = ?", id);
        } catch (SQLException e) {
            throw new StoreException("database read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> raw(long id) {
        return query("SELECT raw_base64 FROM inbound_message WHERE id = ?", ps -> ps.setLong(1, id),
                rs -> Base64.getDecoder().decode(rs.getString(1))).stream().findFirst();
    }

    @Override
    public List<StoredInbound> quarantined(int max) {
        return query("SELECT " + COLUMNS + " FROM inbound_message WHERE status = ? ORDER BY id DESC", ps -> {
            ps.setString(1, io.liaison.gateway.inbound.InboundStatus.QUARANTINED.name());
            ps.setMaxRows(max);
        }, JdbcInboundStore::read);
    }

    @Override
    public List<StoredInbound> recent(int max) {
        return query("SELECT " + COLUMNS + " FROM inbound_message ORDER BY id DESC", ps -> ps.setMaxRows(max),
                JdbcInboundStore::read);
    }

    @Override
    public List<AcknowledgementRecord> acknowledgements(String reference) {
        return query("SELECT id, reference, organisation_id, poc_id, inbound_id, note, received_at FROM acknowledgement"
                        + " WHERE reference = ? ORDER BY id", ps -> ps.setString(1, reference),
                rs -> new AcknowledgementRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        Optional.ofNullable(rs.getString(6)), rs.getTimestamp(7).toInstant()));
    }

    @Override
    public List<IncidentReportRecord> reports(String incidentKey) {
        return query("SELECT id, incident_key, report_number, inbound_id, reporter_org, reporter_poc, tlp, exercise,"
                        + " trigger_category, trigger_case, event_type, causes, contact_person, do_not_share, document,"
                        + " relay_reference, received_at FROM incident_report WHERE incident_key = ? ORDER BY report_number",
                ps -> ps.setString(1, incidentKey),
                rs -> new IncidentReportRecord(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), Tlp.valueOf(rs.getString(7)), rs.getBoolean(8), Optional.ofNullable(rs.getString(9)),
                        Optional.ofNullable(rs.getString(10)), Optional.ofNullable(rs.getString(11)), split(rs.getString(12)),
                        rs.getString(13), rs.getBoolean(14), rs.getString(15), Optional.ofNullable(rs.getString(16)),
                        rs.getTimestamp(17).toInstant()));
    }

    @Override
    public List<String> incidentKeys(String organisationId) {
        return query("SELECT incident_key FROM incident WHERE organisation_id = ? ORDER BY created_at DESC, incident_key",
                ps -> ps.setString(1, organisationId), rs -> rs.getString(1));
    }

    private static Optional<StoredInbound> findBy(Connection c, String where, Object value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM inbound_message WHERE " + where)) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static StoredInbound read(ResultSet rs) throws SQLException {
        return new StoredInbound(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                InboundStatus.valueOf(rs.getString(5)), Optional.ofNullable(rs.getString(6)), Optional.ofNullable(rs.getString(7)),
                Optional.ofNullable(rs.getString(8)), Optional.ofNullable(rs.getString(9)).map(ReasonCode::valueOf),
                Optional.ofNullable(rs.getString(10)), Optional.ofNullable(rs.getString(11)), Optional.ofNullable(rs.getString(12)),
                Optional.ofNullable(rs.getString(13)), Optional.ofNullable(rs.getString(14)), rs.getInt(15),
                rs.getTimestamp(16).toInstant(), Optional.ofNullable(rs.getString(17)));
    }

    /** Hex SHA-256, the identity of a raw message. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private <T> T inTransaction(Sql.Work<T> work) {
        return sql.inTransaction(work);
    }

    private void update(String statement, Sql.Binder binder) {
        sql.update(statement, binder);
    }

    private <T> List<T> query(String statement, Sql.Binder binder, Sql.Reader<T> reader) {
        return sql.query(statement, binder, reader);
    }

}
