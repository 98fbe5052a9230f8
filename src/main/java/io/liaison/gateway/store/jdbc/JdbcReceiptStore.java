package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.audit.ActorRef;
import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.audit.AuditEvent;
import io.liaison.gateway.audit.AuditLog;
import io.liaison.gateway.store.Acceptance;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.track.receipts.ReceiptStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * SMS receipts on JDBC, matched to the parts the spine's store wrote with each batch of acceptances
 * ({@link #insertParts}); moves SMS deliveries in the spine's delivery table.
 */
public final class JdbcReceiptStore implements ReceiptStore {
    /** Ids per IN list: well under every driver's parameter limit. */
    private static final int ID_CHUNK = 500;

    private final Sql sql;
    private final AuditLog audit;

    /** Audited into the trail of the same database (times from the system clock: the wiring hands in its own log). */
    public JdbcReceiptStore(DataSource dataSource) {
        this(dataSource, new JdbcAuditLog(dataSource, java.time.Clock.systemUTC()));
    }

    /** A receipt that moves a delivery (delivered, or failed) is appended to {@code audit} in that transaction. */
    public JdbcReceiptStore(DataSource dataSource, AuditLog audit) {
        this.sql = new Sql(dataSource);
        this.audit = audit;
    }

    /**
     * Remembers the part ids of SMS deliveries just recorded as sent, inside the caller's transaction (the
     * batch that marks them sent), so a receipt can be matched as soon as its delivery reads sent and not
     * before. A receipt that arrives first waits unmatched in sms_receipt.
     */
    static void insertParts(Connection c, List<Acceptance> smsAcceptances) throws SQLException {
        if (smsAcceptances.isEmpty()) {
            return;
        }
        // A delivery resumed after a crash went out again under new ids: only the latest submission counts.
        for (int from = 0; from < smsAcceptances.size(); from += ID_CHUNK) {
            List<Acceptance> chunk = smsAcceptances.subList(from, Math.min(smsAcceptances.size(), from + ID_CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            Sql.update(c, "DELETE FROM sms_part WHERE delivery_id IN (" + marks + ")", ps -> {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i).deliveryId());
                }
            });
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO sms_part (delivery_id, part_no, message_id, created_at) VALUES (?,?,?,?)")) {
            for (Acceptance a : smsAcceptances) {
                List<String> ids = a.serverIds();
                for (int i = 0; i < ids.size(); i++) {
                    insert.setLong(1, a.deliveryId());
                    insert.setInt(2, i + 1);
                    insert.setString(3, Sql.truncate(ids.get(i), 65));
                    insert.setTimestamp(4, Sql.ts(a.at()));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    @Override
    public void record(String messageId, String status, String errorCode, Instant at) {
        sql.update("INSERT INTO sms_receipt (message_id, status, error_code, received_at) VALUES (?,?,?,?)", ps -> {
            ps.setString(1, Sql.truncate(messageId, 65));
            ps.setString(2, Sql.truncate(status, 10));
            ps.setString(3, Sql.truncate(errorCode, 10));
            ps.setTimestamp(4, Sql.ts(at));
        });
    }

    @Override
    public List<StoredReceipt> unmatched(Instant since) {
        return sql.query("SELECT id, message_id, status, error_code, delivery_id, received_at FROM sms_receipt"
                + " WHERE delivery_id IS NULL AND received_at >= ? ORDER BY id", ps -> ps.setTimestamp(1, Sql.ts(since)),
                JdbcReceiptStore::readReceipt);
    }

    @Override
    public Optional<SentSms> sentAs(String messageId) {
        List<Long> ids = sql.query("SELECT MAX(delivery_id) FROM sms_part WHERE message_id = ?",
                ps -> ps.setString(1, messageId), rs -> {
                    long id = rs.getLong(1);
                    return rs.wasNull() ? null : id;
                });
        if (ids.isEmpty() || ids.get(0) == null) {
            return Optional.empty();
        }
        long deliveryId = ids.get(0);
        return sql.inTransaction(c -> {
            List<String> parts = new ArrayList<>();
            Instant[] submitted = new Instant[1];
            Sql.query(c, "SELECT message_id, created_at FROM sms_part WHERE delivery_id = ? ORDER BY part_no",
                    ps -> ps.setLong(1, deliveryId), rs -> {
                        parts.add(rs.getString(1));
                        submitted[0] = rs.getTimestamp(2).toInstant();
                        return null;
                    });
            return Sql.query(c, "SELECT reference, state FROM delivery WHERE id = ?", ps -> ps.setLong(1, deliveryId),
                    rs -> new SentSms(deliveryId, rs.getString(1), DeliveryState.valueOf(rs.getString(2)), List.copyOf(parts),
                            submitted[0])).stream().findFirst();
        });
    }

    @Override
    public List<StoredReceipt> receiptsFor(List<String> messageIds, Instant since) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(messageIds.size(), "?"));
        return sql.query("SELECT id, message_id, status, error_code, delivery_id, received_at FROM sms_receipt"
                + " WHERE message_id IN (" + marks + ") AND received_at >= ? ORDER BY id", ps -> {
                    for (int i = 0; i < messageIds.size(); i++) {
                        ps.setString(i + 1, messageIds.get(i));
                    }
                    ps.setTimestamp(messageIds.size() + 1, Sql.ts(since));
                }, JdbcReceiptStore::readReceipt);
    }

    @Override
    public boolean settle(long deliveryId, List<Long> receiptIds, Optional<DeliveryState> state, Optional<String> reason,
                          Instant now) {
        return sql.inTransaction(c -> {
            for (long id : receiptIds) {
                Sql.update(c, "UPDATE sms_receipt SET delivery_id = ? WHERE id = ? AND delivery_id IS NULL", ps -> {
                    ps.setLong(1, deliveryId);
                    ps.setLong(2, id);
                });
            }
            if (state.isEmpty()) {
                return false;
            }
            // Delivered wins over a part's failure; a failure never undoes a delivery.
            String from = state.get() == DeliveryState.DELIVERED ? "('SENT', 'FAILED')" : "('SENT')";
            boolean moved = Sql.update(c, "UPDATE delivery SET state = ?, last_error = ?, updated_at = ? WHERE id = ? AND channel = 'SMS'"
                    + " AND state IN " + from, ps -> {
                        ps.setString(1, state.get().name());
                        ps.setString(2, Sql.truncate(reason.orElse(null), 1000));
                        ps.setTimestamp(3, Sql.ts(now));
                        ps.setLong(4, deliveryId);
                    }) == 1;
            if (moved) {
                auditReceipt(c, deliveryId, state.get(), reason);
            }
            return moved;
        });
    }

    /** The handset's verdict on an SMS is the delivery's last outcome: the trail keeps it beside the hand-over. */
    private void auditReceipt(Connection c, long deliveryId, DeliveryState state, Optional<String> reason) throws SQLException {
        JdbcNoticeStore.Addressee to = JdbcNoticeStore.addressees(c, List.of(deliveryId)).get(deliveryId);
        if (to == null) {
            return;
        }
        java.util.Map<String, String> d = to.details();
        d.put("state", state.name());
        d.put("by", "sms-receipt");
        reason.ifPresent(r -> d.put("reason", Sql.truncate(r, 1000)));
        audit.append(c, List.of(AuditEvent.of(ActorRef.gateway(), AuditAction.DELIVERY_OUTCOME, to.reference(), d)));
    }

    private static StoredReceipt readReceipt(ResultSet rs) throws SQLException {
        long delivery = rs.getLong(5);
        Optional<Long> deliveryId = rs.wasNull() ? Optional.empty() : Optional.of(delivery);
        return new StoredReceipt(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), deliveryId,
                rs.getTimestamp(6).toInstant());
    }
}
