package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.audit.ActorRef;
import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.audit.AuditEvent;
import io.liaison.gateway.audit.AuditLog;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.intake.FollowUp;
import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.numbering.ReferenceNumber;
import io.liaison.gateway.policy.DeliveryPlan;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.policy.PlannedDelivery;
import io.liaison.gateway.policy.PlannedHop;
import io.liaison.gateway.policy.Refusal;
import io.liaison.gateway.store.Acceptance;
import io.liaison.gateway.store.ClaimLease;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.store.Hop;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.store.StoredRefusal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** The ledger on JDBC. Plain SQL that H2 and PostgreSQL both run. */
public final class JdbcNoticeStore implements NoticeStore {
    private static final String DELIVERY_COLUMNS = "d.id, d.reference, d.hop_id, h.sender_org, h.sender_poc, d.recipient_org,"
            + " d.poc_id, d.channel, d.address, d.delivery_role, d.state, d.attempts, d.next_attempt_at, d.last_error,"
            + " d.server_id, d.updated_at";
    private static final String DELIVERY_FROM = " FROM delivery d JOIN hop h ON h.id = d.hop_id";

    /**
     * An outcome is written only over this gateway's own claim: a claim that expired and was taken over
     * by another gateway belongs to that one now, and a late failure here must not put it back in the queue
     * (a third hand-over) or fail it while the other is handing it over.
     */
    private static final String HELD_HERE = " AND state = ? AND claimed_by = ?";

    /** Ids per IN list: well under every driver's parameter limit. */
    private static final int ID_CHUNK = 500;
    private static final int CLAIMED_KEPT = 100_000;

    /** The reason an expired claim is released with, naming whose it was; portable concatenation. */
    private static final String CLAIM_EXPIRED = "CAST(? || COALESCE(claimed_by, 'no gateway') || ? AS VARCHAR(1000))";

    private final Sql sql;
    private final ClaimLease lease;
    /** Whether several gateways may share the database; learnt from the first claim's connection. */
    private volatile Boolean shared;
    private final AuditLog audit;
    private final Map<Long, Addressee> claimedFor = new java.util.concurrent.ConcurrentHashMap<>();

    /** Claims in this host's name, held for {@link ClaimLease#DEFAULT_TTL}. */
    public JdbcNoticeStore(DataSource dataSource) {
        this(dataSource, ClaimLease.thisHost(ClaimLease.DEFAULT_TTL));
    }

    /** Audited into the trail of the same database (times from the system clock: the wiring hands in its own log). */
    public JdbcNoticeStore(DataSource dataSource, ClaimLease lease) {
        this(dataSource, lease, new JdbcAuditLog(dataSource, java.time.Clock.systemUTC()));
    }

    /**
     * Every state change that is a decision or an action is appended to {@code audit} in the transaction
     * that stores it: acceptance, gate refusals, forwards and relays, hand-overs and delivery outcomes.
     */
    public JdbcNoticeStore(DataSource dataSource, ClaimLease lease, AuditLog audit) {
        this.sql = new Sql(dataSource);
        this.lease = lease;
        this.audit = audit;
    }

    @Override
    public ReferenceNumber accept(NoticeDraft draft, String originatorOrg, String series, DeliveryPlan plan, List<PlannedHop> onward,
                                  Instant now) {
        return inTransaction(c -> {
            ReferenceNumber reference = ReferenceNumber.of(series, nextValue(c, series));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO notice (reference, kind, priority, tlp, exercise,"
                    + " originator_org, sender_poc, title, summary, body, target_sectors, target_orgs, created_at,"
                    + " follow_up_type, references_ref) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, reference.value());
                ps.setString(2, draft.kind().name());
                ps.setString(3, draft.priority().name());
                ps.setString(4, draft.level().name());
                ps.setBoolean(5, draft.exercise());
                ps.setString(6, originatorOrg);
                ps.setString(7, draft.senderPoc());
                ps.setString(8, draft.title());
                ps.setString(9, draft.summary());
                ps.setString(10, draft.body());
                ps.setString(11, String.join(",", draft.target().sectors()));
                ps.setString(12, String.join(",", draft.target().organisations()));
                ps.setTimestamp(13, Timestamp.from(now));
                ps.setString(14, draft.followUp().map(f -> f.type().name()).orElse(null));
                ps.setString(15, draft.followUp().map(FollowUp::references).orElse(null));
                ps.executeUpdate();
            }
            long hop = insertHop(c, reference.value(), Hop.SEND, originatorOrg, draft.senderPoc(), now);
            insertPlan(c, reference.value(), hop, plan, now);
            List<AuditEvent> trail = new ArrayList<>();
            Map<String, String> details = new java.util.TreeMap<>();
            details.put("kind", draft.kind().name());
            details.put("priority", draft.priority().name());
            details.put("level", draft.level().name());
            details.put("exercise", Boolean.toString(draft.exercise()));
            details.put("deliveries", Integer.toString(plan.deliveries().size()));
            details.put("refused", Integer.toString(plan.refusals().size()));
            draft.followUp().ifPresent(f -> {
                details.put("follow-up", f.type().name());
                details.put("references", f.references());
            });
            trail.add(AuditEvent.of(ActorRef.of(draft.senderPoc(), originatorOrg), AuditAction.NOTICE_ACCEPTED, reference.value(),
                    details));
            gateRefusals(reference.value(), plan, trail);
            for (PlannedHop further : onward) {
                insertPlan(c, reference.value(), insertHop(c, reference.value(), further.action(), further.senderOrg(),
                        further.senderPoc(), now), further.plan(), now);
                trail.add(AuditEvent.of(ActorRef.of(further.senderPoc(), further.senderOrg()), AuditAction.NOTICE_RELAYED,
                        reference.value(), Map.of("hop", further.action(), "to", organisations(further.plan()),
                                "deliveries", Integer.toString(further.plan().deliveries().size()))));
                gateRefusals(reference.value(), further.plan(), trail);
            }
            audit.append(c, trail);
            return reference;
        });
    }

    @Override
    public long recordForward(String reference, String senderOrg, String senderPoc, DeliveryPlan plan, Instant now) {
        return inTransaction(c -> {
            long hop = insertHop(c, reference, Hop.FORWARD, senderOrg, senderPoc, now);
            insertPlan(c, reference, hop, plan, now);
            List<AuditEvent> trail = new ArrayList<>();
            trail.add(AuditEvent.of(ActorRef.of(senderPoc, senderOrg), AuditAction.NOTICE_FORWARDED, reference,
                    Map.of("to", organisations(plan), "deliveries", Integer.toString(plan.deliveries().size()),
                            "refused", Integer.toString(plan.refusals().size()))));
            gateRefusals(reference, plan, trail);
            audit.append(c, trail);
            return hop;
        });
    }

    /** One gate.refused entry per refused recipient, with the gate's reason. */
    private static void gateRefusals(String reference, DeliveryPlan plan, List<AuditEvent> trail) {
        for (Refusal r : plan.refusals()) {
            Map<String, String> d = new java.util.TreeMap<>();
            d.put("organisation", r.organisationId());
            r.pocId().ifPresent(p -> d.put("poc", p));
            r.channel().ifPresent(ch -> d.put("channel", ch.name()));
            d.put("reason", r.reason());
            trail.add(AuditEvent.of(ActorRef.gateway(), AuditAction.GATE_REFUSED, reference, d));
        }
    }

    private static String organisations(DeliveryPlan plan) {
        return String.join(",", plan.deliveries().stream().map(PlannedDelivery::organisationId).distinct().sorted().toList());
    }

    /**
     * Portable counter: bump the row (its row lock orders gateways sharing the database), or create it. Two
     * gateways may both find a new series missing: the second insert then fails on the key, is undone to a
     * savepoint (PostgreSQL would otherwise abort the whole transaction) and bumps the row the first made.
     */
    private static long nextValue(Connection c, String series) throws SQLException {
        if (bump(c, series) == 0) {
            java.sql.Savepoint beforeInsert = c.setSavepoint();
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO reference_counter (series, last_value) VALUES (?, 1)")) {
                ins.setString(1, series);
                ins.executeUpdate();
                return 1;
            } catch (SQLException e) {
                if (!Sql.isConstraintViolation(e)) {
                    throw e;
                }
                c.rollback(beforeInsert);
                if (bump(c, series) == 0) {
                    throw e;
                }
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT last_value FROM reference_counter WHERE series = ?")) {
            q.setString(1, series);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int bump(Connection c, String series) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE reference_counter SET last_value = last_value + 1 WHERE series = ?")) {
            up.setString(1, series);
            return up.executeUpdate();
        }
    }

    /** The one place a hop is written; returns its id. */
    static long insertHop(Connection c, String reference, String action, String org, String poc, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO hop (reference, action, sender_org, sender_poc, created_at) VALUES (?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, reference);
            ps.setString(2, action);
            ps.setString(3, org);
            ps.setString(4, poc);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The one place a hop's deliveries are written: pending, due now. Other stores of the ledger call it too. */
    static void insertDeliveries(Connection c, String reference, long hop, List<PlannedDelivery> deliveries, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO delivery (reference, hop_id, recipient_org, poc_id, channel,"
                + " address, delivery_role, state, attempts, next_attempt_at, created_at, updated_at)"
                + " VALUES (?,?,?,?,?,?,?,?,0,?,?,?)")) {
            Timestamp ts = Timestamp.from(now);
            // One channel's rows after the other's, each in plan order: a claim or a batch of acceptances
            // of one channel then rewrites pages holding only its own rows, not pages it shares with the
            // other channel's (which its own claims and acceptances rewrite again).
            List<PlannedDelivery> byChannel = deliveries.stream()
                    .sorted(java.util.Comparator.comparing(PlannedDelivery::channel)).toList();
            for (PlannedDelivery d : byChannel) {
                ps.setString(1, reference);
                ps.setLong(2, hop);
                ps.setString(3, d.organisationId());
                ps.setString(4, d.pocId());
                ps.setString(5, d.channel().name());
                ps.setString(6, d.address());
                ps.setString(7, d.role().name());
                ps.setString(8, DeliveryState.PENDING.name());
                ps.setTimestamp(9, ts);
                ps.setTimestamp(10, ts);
                ps.setTimestamp(11, ts);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertPlan(Connection c, String reference, long hop, DeliveryPlan plan, Instant now) throws SQLException {
        insertDeliveries(c, reference, hop, plan.deliveries(), now);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO refusal (reference, hop_id, recipient_org, poc_id, channel,"
                + " reason, created_at) VALUES (?,?,?,?,?,?,?)")) {
            for (Refusal r : plan.refusals()) {
                ps.setString(1, reference);
                ps.setLong(2, hop);
                ps.setString(3, r.organisationId());
                ps.setString(4, r.pocId().orElse(null));
                ps.setString(5, r.channel().map(Enum::name).orElse(null));
                ps.setString(6, truncate(r.reason(), 1000));
                ps.setTimestamp(7, Timestamp.from(now));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Optional<StoredNotice> notice(String reference) {
        List<StoredNotice> found = query("SELECT * FROM notice WHERE reference = ?", ps -> ps.setString(1, reference),
                JdbcNoticeStore::readNotice);
        return found.stream().findFirst();
    }

    @Override
    public List<StoredNotice> notices() {
        return query("SELECT * FROM notice ORDER BY created_at, reference", ps -> { }, JdbcNoticeStore::readNotice);
    }

    private static StoredNotice readNotice(ResultSet rs) throws SQLException {
        String followUpType = rs.getString("follow_up_type");
        String references = rs.getString("references_ref");
        return new StoredNotice(rs.getString("reference"), NoticeKind.valueOf(rs.getString("kind")),
                Priority.valueOf(rs.getString("priority")), Tlp.valueOf(rs.getString("tlp")), rs.getBoolean("exercise"),
                rs.getString("originator_org"), rs.getString("sender_poc"), rs.getString("title"), rs.getString("summary"),
                rs.getString("body"), split(rs.getString("target_sectors")), split(rs.getString("target_orgs")),
                rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(followUpType).map(t -> new FollowUp(FollowUp.Type.valueOf(t), references)));
    }

    @Override
    public List<StoredNotice> followUpsOf(String reference) {
        return query("SELECT * FROM notice WHERE references_ref = ? ORDER BY created_at, reference",
                ps -> ps.setString(1, reference), JdbcNoticeStore::readNotice);
    }

    @Override
    public Set<String> providersOf(String reference, String organisationId) {
        return new LinkedHashSet<>(query("SELECT DISTINCT h.sender_org FROM delivery d JOIN hop h ON h.id = d.hop_id"
                        + " WHERE d.reference = ? AND d.recipient_org = ?",
                ps -> {
                    ps.setString(1, reference);
                    ps.setString(2, organisationId);
                }, rs -> rs.getString(1)));
    }

    @Override
    public Set<String> reachedOrganisations(String reference) {
        return new LinkedHashSet<>(query("SELECT DISTINCT recipient_org FROM delivery WHERE reference = ?",
                ps -> ps.setString(1, reference), rs -> rs.getString(1)));
    }

    @Override
    public List<Delivery> claimDue(ChannelKind channel, Instant now, int max) {
        return inTransaction(c -> {
            List<Delivery> due = new ArrayList<>();
            // Ordered exactly as the delivery_due index is, so the database reads the first rows of the
            // index rather than sorting every due row (at ten thousand due, each claim sorted them all).
            // Equal times come in index order, which in H2 is insertion order. The rows are read here
            // whole: reading them again by id after the update cost a third of a claim.
            // On a database several gateways share, the rows are locked as they are read and rows another
            // gateway is claiming right now are skipped, so each takes a batch of its own at once instead of
            // waiting for the other's commit and then finding nothing. Only the delivery rows are locked
            // (OF d): many deliveries share a hop, and skipping a locked hop would skip all of them.
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DELIVERY_COLUMNS + DELIVERY_FROM
                    + " WHERE d.channel = ? AND d.state = ? AND d.next_attempt_at <= ?"
                    + " ORDER BY d.channel, d.state, d.next_attempt_at"
                    + (sharedDatabase(c) ? " FETCH FIRST " + max + " ROWS ONLY FOR UPDATE OF d SKIP LOCKED" : ""))) {
                ps.setMaxRows(max);
                ps.setString(1, channel.name());
                ps.setString(2, DeliveryState.PENDING.name());
                ps.setTimestamp(3, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(readDelivery(rs));
                    }
                }
            }
            if (due.isEmpty()) {
                return List.of();
            }
            // As the column keeps it (microseconds), so the claimed delivery reads as a later read would.
            Instant claimedAt = now.truncatedTo(ChronoUnit.MICROS);
            List<Delivery> claimed = new ArrayList<>(due.size());
            try (PreparedStatement ps = c.prepareStatement("UPDATE delivery SET state = ?, attempts = attempts + 1,"
                    + " updated_at = ?, claimed_by = ?, claim_expires_at = ? WHERE id = ? AND state = ?")) {
                Timestamp ts = Timestamp.from(claimedAt);
                Timestamp expires = Timestamp.from(claimedAt.plus(lease.ttl()));
                for (Delivery d : due) {
                    ps.setString(1, DeliveryState.SENDING.name());
                    ps.setTimestamp(2, ts);
                    ps.setString(3, lease.nodeId());
                    ps.setTimestamp(4, expires);
                    ps.setLong(5, d.id());
                    ps.setString(6, DeliveryState.PENDING.name());
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 1 || counts[i] == Statement.SUCCESS_NO_INFO) {
                        Delivery d = due.get(i);
                        claimed.add(new Delivery(d.id(), d.reference(), d.hopId(), d.hopSenderOrg(), d.hopSenderPoc(),
                                d.organisationId(), d.pocId(), d.channel(), d.address(), d.role(), DeliveryState.SENDING,
                                d.attempts() + 1, d.nextAttemptAt(), d.lastError(), d.serverId(), claimedAt));
                    }
                }
            }
            remember(claimed);
            return claimed;
        });
    }

    /**
     * Whether other gateways may share this database (PostgreSQL): claims then lock and skip. An embedded H2
     * database has one gateway, whose dispatcher claims one batch at a time per channel; it keeps the
     * cheaper plain read.
     */
    private boolean sharedDatabase(Connection c) throws SQLException {
        Boolean known = shared;
        if (known == null) {
            known = !c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2");
            shared = known;
        }
        return known;
    }

    @Override
    public int renewClaims(Instant until) {
        // One statement per channel, each reading the SENDING rows through the delivery_due index: a
        // renewal costs the same whether the node holds ten claims or a thousand.
        return inTransaction(c -> {
            int renewed = 0;
            for (ChannelKind channel : ChannelKind.values()) {
                renewed += Sql.update(c, "UPDATE delivery SET claim_expires_at = ? WHERE channel = ? AND state = ?"
                        + " AND claimed_by = ? AND claim_expires_at < ?", ps -> {
                    ps.setTimestamp(1, Timestamp.from(until));
                    ps.setString(2, channel.name());
                    ps.setString(3, DeliveryState.SENDING.name());
                    ps.setString(4, lease.nodeId());
                    ps.setTimestamp(5, Timestamp.from(until));
                });
            }
            return renewed;
        });
    }

    @Override
    public int releaseExpiredClaims(Instant now) {
        return inTransaction(c -> {
            int released = 0;
            for (ChannelKind channel : ChannelKind.values()) {
                released += Sql.update(c, "UPDATE delivery SET state = ?, next_attempt_at = ?,"
                        + " last_error = " + CLAIM_EXPIRED + ", updated_at = ?, claimed_by = NULL, claim_expires_at = NULL"
                        + " WHERE channel = ? AND state = ? AND claim_expires_at <= ?", ps -> {
                    ps.setString(1, DeliveryState.PENDING.name());
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setString(3, "the claim of ");
                    ps.setString(4, " expired (the gateway stopped or lost the database); taken over by " + truncate(lease.nodeId(), 200));
                    ps.setTimestamp(5, Timestamp.from(now));
                    ps.setString(6, channel.name());
                    ps.setString(7, DeliveryState.SENDING.name());
                    ps.setTimestamp(8, Timestamp.from(now));
                });
            }
            return released;
        });
    }

    @Override
    public int markAllSent(ChannelKind channel, List<Acceptance> acceptances) {
        if (acceptances.isEmpty()) {
            return 0;
        }
        return markAllSent(Map.of(channel, acceptances));
    }

    @Override
    public int markAllSent(Map<ChannelKind, List<Acceptance>> byChannel) {
        if (byChannel.values().stream().allMatch(List::isEmpty)) {
            return 0;
        }
        return inTransaction(c -> {
            int changed = 0;
            List<AuditEvent> trail = new ArrayList<>();
            for (Map.Entry<ChannelKind, List<Acceptance>> e : byChannel.entrySet()) {
                List<Acceptance> moved = markSent(c, e.getKey(), e.getValue());
                trail.addAll(handOvers(c, moved));
                changed += moved.size();
            }
            // one append for every channel: the chain's head is taken once per commit
            if (!trail.isEmpty()) {
                audit.append(c, trail);
            }
            return changed;
        });
    }

    /** SENDING → SENT for those still SENDING on {@code channel}; returns the ones this call moved. */
    private static List<Acceptance> markSent(Connection c, ChannelKind channel, List<Acceptance> acceptances) throws SQLException {
        List<Acceptance> changed = new ArrayList<>(acceptances.size());
        if (acceptances.isEmpty()) {
            return changed;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE delivery SET state = ?, server_id = ?, last_error = NULL,"
                + " next_attempt_at = NULL, updated_at = ? WHERE id = ? AND state = ? AND channel = ?")) {
            for (Acceptance a : acceptances) {
                ps.setString(1, DeliveryState.SENT.name());
                ps.setString(2, truncate(a.serverId(), 400));
                ps.setTimestamp(3, Timestamp.from(a.at()));
                ps.setLong(4, a.deliveryId());
                ps.setString(5, DeliveryState.SENDING.name());
                ps.setString(6, channel.name());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1 || counts[i] == Statement.SUCCESS_NO_INFO) {
                    changed.add(acceptances.get(i));
                }
            }
        }
        // Only the deliveries this call moved: a replayed acceptance already recorded keeps its parts.
        if (channel == ChannelKind.SMS) {
            JdbcReceiptStore.insertParts(c, changed);
        }
        return changed;
    }

    @Override
    public Map<DeliveryState, Long> deliveryCounts(String reference) {
        Map<DeliveryState, Long> counts = new java.util.EnumMap<>(DeliveryState.class);
        query("SELECT state, COUNT(*) FROM delivery WHERE reference = ? GROUP BY state", ps -> ps.setString(1, reference),
                rs -> counts.put(DeliveryState.valueOf(rs.getString(1)), rs.getLong(2)));
        return counts;
    }

    @Override
    public void markRetry(long deliveryId, String reason, Instant nextAttempt, Instant now) {
        inTransaction(c -> {
            int moved = Sql.update(c, "UPDATE delivery SET state = ?, last_error = ?, next_attempt_at = ?, updated_at = ?,"
                    + " claimed_by = NULL, claim_expires_at = NULL WHERE id = ?" + HELD_HERE, ps -> {
                ps.setString(1, DeliveryState.PENDING.name());
                ps.setString(2, truncate(reason, 1000));
                ps.setTimestamp(3, Timestamp.from(nextAttempt));
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setLong(5, deliveryId);
                ps.setString(6, DeliveryState.SENDING.name());
                ps.setString(7, lease.nodeId());
            });
            if (moved > 0) {
                auditOutcome(c, deliveryId, "RETRY", reason, Optional.of(nextAttempt));
            }
            return null;
        });
    }

    @Override
    public void markFailed(long deliveryId, String reason, Instant now) {
        inTransaction(c -> {
            int moved = Sql.update(c, "UPDATE delivery SET state = ?, last_error = ?, next_attempt_at = NULL, updated_at = ?,"
                    + " claimed_by = NULL, claim_expires_at = NULL WHERE id = ?" + HELD_HERE, ps -> {
                ps.setString(1, DeliveryState.FAILED.name());
                ps.setString(2, truncate(reason, 1000));
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setLong(4, deliveryId);
                ps.setString(5, DeliveryState.SENDING.name());
                ps.setString(6, lease.nodeId());
            });
            if (moved > 0) {
                auditOutcome(c, deliveryId, DeliveryState.FAILED.name(), reason, Optional.empty());
            }
            return null;
        });
    }

    /** Who a delivery was for: reference, organisation, point of contact, channel (for its audit entries). */
    record Addressee(long id, String reference, String organisation, String poc, String channel) {
        Map<String, String> details() {
            Map<String, String> d = new java.util.TreeMap<>();
            d.put("delivery", Long.toString(id));
            d.put("organisation", organisation);
            d.put("poc", poc);
            d.put("channel", channel);
            return d;
        }
    }

    static Map<Long, Addressee> addressees(Connection c, List<Long> ids) throws SQLException {
        Map<Long, Addressee> out = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + ID_CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            Sql.query(c, "SELECT id, reference, recipient_org, poc_id, channel FROM delivery WHERE id IN (" + marks + ")", ps -> {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
            }, rs -> out.put(rs.getLong(1), new Addressee(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5))));
        }
        return out;
    }

    /** Keeps whom the claimed deliveries are for, so recording their outcome reads no row again (a delivery's addressee never changes). */
    private void remember(List<Delivery> claimed) {
        if (claimedFor.size() + claimed.size() > CLAIMED_KEPT) {
            // a backlog far beyond any batch in flight: what is forgotten is read again when recorded
            claimedFor.clear();
        }
        for (Delivery d : claimed) {
            claimedFor.put(d.id(), new Addressee(d.id(), d.reference(), d.organisationId(), d.pocId(), d.channel().name()));
        }
    }

    /** Whom {@code ids} are for: those claimed here from memory (and forgotten, their outcome being recorded now), the rest read. */
    private Map<Long, Addressee> addresseesOf(Connection c, List<Long> ids) throws SQLException {
        Map<Long, Addressee> found = new java.util.HashMap<>(ids.size() * 2);
        List<Long> unknown = new ArrayList<>();
        for (Long id : ids) {
            Addressee a = claimedFor.remove(id);
            if (a == null) {
                unknown.add(id);
            } else {
                found.put(id, a);
            }
        }
        if (!unknown.isEmpty()) {
            found.putAll(addressees(c, unknown));
        }
        return found;
    }

    /** One delivery.handed-over per delivery its server accepted, for the batch's own transaction to append. */
    private List<AuditEvent> handOvers(Connection c, List<Acceptance> accepted) throws SQLException {
        if (accepted.isEmpty()) {
            return List.of();
        }
        Map<Long, Addressee> who = addresseesOf(c, accepted.stream().map(Acceptance::deliveryId).toList());
        List<AuditEvent> trail = new ArrayList<>(accepted.size());
        for (Acceptance a : accepted) {
            Addressee to = who.get(a.deliveryId());
            if (to == null) {
                continue;
            }
            Map<String, String> d = to.details();
            d.put("state", DeliveryState.SENT.name());
            if (a.serverId() != null && !a.serverId().isBlank()) {
                d.put("server-id", truncate(a.serverId(), 400));
            }
            trail.add(AuditEvent.of(ActorRef.gateway(), AuditAction.DELIVERY_HANDED_OVER, to.reference(), d));
        }
        return trail;
    }

    private void auditOutcome(Connection c, long deliveryId, String state, String reason, Optional<Instant> next) throws SQLException {
        Addressee to = addresseesOf(c, List.of(deliveryId)).get(deliveryId);
        if (to == null) {
            return;
        }
        Map<String, String> d = to.details();
        d.put("state", state);
        d.put("reason", truncate(reason == null ? "" : reason, 1000));
        next.ifPresent(n -> d.put("next-attempt", n.toString()));
        audit.append(c, List.of(AuditEvent.of(ActorRef.gateway(), AuditAction.DELIVERY_OUTCOME, to.reference(), d)));
    }

    @Override
    public int releaseClaims(ChannelKind channel, Collection<Long> deliveryIds, String reason, Instant now) {
        List<Long> ids = List.copyOf(deliveryIds);
        int released = 0;
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + ID_CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            released += update("UPDATE delivery SET state = ?, next_attempt_at = ?, last_error = ?, updated_at = ?,"
                    + " claimed_by = NULL, claim_expires_at = NULL WHERE channel = ? AND state = ? AND claimed_by = ?"
                    + " AND id IN (" + marks + ")", ps -> {
                ps.setString(1, DeliveryState.PENDING.name());
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setString(3, truncate(reason, 1000));
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setString(5, channel.name());
                ps.setString(6, DeliveryState.SENDING.name());
                ps.setString(7, lease.nodeId());
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(8 + i, chunk.get(i));
                }
            });
        }
        return released;
    }

    @Override
    public int resumeInterrupted(Instant now) {
        return update("UPDATE delivery SET state = ?, next_attempt_at = ?, last_error = ?, updated_at = ?,"
                + " claimed_by = NULL, claim_expires_at = NULL WHERE state = ?"
                + " AND (claimed_by = ? OR claimed_by IS NULL OR claim_expires_at IS NULL OR claim_expires_at <= ?)", ps -> {
            ps.setString(1, DeliveryState.PENDING.name());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, "interrupted by a restart; resumed");
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setString(5, DeliveryState.SENDING.name());
            ps.setString(6, lease.nodeId());
            ps.setTimestamp(7, Timestamp.from(now));
        });
    }

    @Override
    public Optional<Instant> nextDue(ChannelKind channel) {
        List<Instant> found = query("SELECT MIN(next_attempt_at) FROM delivery WHERE channel = ? AND state = ?", ps -> {
            ps.setString(1, channel.name());
            ps.setString(2, DeliveryState.PENDING.name());
        }, rs -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant());
        return found.stream().filter(java.util.Objects::nonNull).findFirst();
    }

    @Override
    public List<Delivery> deliveries(String reference) {
        return query("SELECT " + DELIVERY_COLUMNS + DELIVERY_FROM + " WHERE d.reference = ? ORDER BY d.hop_id, d.id",
                ps -> ps.setString(1, reference), JdbcNoticeStore::readDelivery);
    }

    /** The organisation took part in the notice: originated it, made a hop of it or has a delivery of it. */
    private static final String TOOK_PART = "(n.originator_org = ?"
            + " OR EXISTS (SELECT 1 FROM hop h2 WHERE h2.reference = n.reference AND h2.sender_org = ?)"
            + " OR EXISTS (SELECT 1 FROM delivery d2 WHERE d2.reference = n.reference AND d2.recipient_org = ?))";

    @Override
    public Optional<StoredNotice> noticeVisibleTo(String reference, String organisationId) {
        return query("SELECT * FROM notice n WHERE n.reference = ? AND " + TOOK_PART, ps -> {
            ps.setString(1, reference);
            ps.setString(2, organisationId);
            ps.setString(3, organisationId);
            ps.setString(4, organisationId);
        }, JdbcNoticeStore::readNotice).stream().findFirst();
    }

    @Override
    public List<Delivery> deliveriesVisibleTo(String reference, String organisationId) {
        return query("SELECT " + DELIVERY_COLUMNS + DELIVERY_FROM + " JOIN notice n ON n.reference = d.reference"
                        + " WHERE d.reference = ? AND (n.originator_org = ? OR d.recipient_org = ? OR h.sender_org = ?)"
                        + " ORDER BY d.hop_id, d.id", ps -> {
                    ps.setString(1, reference);
                    ps.setString(2, organisationId);
                    ps.setString(3, organisationId);
                    ps.setString(4, organisationId);
                }, JdbcNoticeStore::readDelivery);
    }

    @Override
    public List<StoredNotice> noticesVisibleTo(String organisationId, int max) {
        return query("SELECT * FROM notice n WHERE " + TOOK_PART + " ORDER BY n.created_at DESC, n.reference DESC"
                        + " FETCH FIRST " + Math.max(0, max) + " ROWS ONLY", ps -> {
                    ps.setString(1, organisationId);
                    ps.setString(2, organisationId);
                    ps.setString(3, organisationId);
                }, JdbcNoticeStore::readNotice);
    }

    @Override
    public List<StoredNotice> noticesSince(Instant since, int max) {
        return query("SELECT * FROM notice n WHERE n.created_at >= ? ORDER BY n.created_at DESC, n.reference DESC"
                + " FETCH FIRST " + Math.max(0, max) + " ROWS ONLY", ps -> ps.setTimestamp(1, Timestamp.from(since)),
                JdbcNoticeStore::readNotice);
    }

    @Override
    public List<Delivery> deliveriesInState(DeliveryState state, int max) {
        return query("SELECT " + DELIVERY_COLUMNS + DELIVERY_FROM + " WHERE d.state = ? ORDER BY d.updated_at, d.id"
                + " FETCH FIRST " + Math.max(0, max) + " ROWS ONLY", ps -> ps.setString(1, state.name()), JdbcNoticeStore::readDelivery);
    }

    @Override
    public Optional<Delivery> delivery(long deliveryId) {
        return query("SELECT " + DELIVERY_COLUMNS + DELIVERY_FROM + " WHERE d.id = ?", ps -> ps.setLong(1, deliveryId),
                JdbcNoticeStore::readDelivery).stream().findFirst();
    }

    @Override
    public boolean requeueFailed(long deliveryId, String reason, Instant now, AuditEvent entry) {
        return inTransaction(c -> {
            int changed = Sql.update(c, "UPDATE delivery SET state = ?, attempts = 0, last_error = ?, next_attempt_at = ?, updated_at = ?"
                    + " WHERE id = ? AND state = ?", ps -> {
                        ps.setString(1, DeliveryState.PENDING.name());
                        ps.setString(2, truncate(reason, 1000));
                        ps.setTimestamp(3, Timestamp.from(now));
                        ps.setTimestamp(4, Timestamp.from(now));
                        ps.setLong(5, deliveryId);
                        ps.setString(6, DeliveryState.FAILED.name());
                    });
            if (changed == 1) {
                // the resend and its record go together: a re-queued delivery nobody can account for is never left
                audit.append(c, List.of(entry));
            }
            return changed == 1;
        });
    }

    @Override
    public List<StoredRefusal> refusals(String reference) {
        return query("SELECT hop_id, recipient_org, poc_id, channel, reason, created_at FROM refusal WHERE reference = ?"
                + " ORDER BY hop_id, id", ps -> ps.setString(1, reference), rs -> new StoredRefusal(rs.getLong(1),
                rs.getString(2), Optional.ofNullable(rs.getString(3)),
                Optional.ofNullable(rs.getString(4)).map(ChannelKind::valueOf), rs.getString(5),
                rs.getTimestamp(6).toInstant()));
    }

    @Override
    public List<Hop> hops(String reference) {
        return query("SELECT id, reference, action, sender_org, sender_poc, created_at FROM hop WHERE reference = ? ORDER BY id",
                ps -> ps.setString(1, reference), rs -> new Hop(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
    }

    @Override
    public void keepDeadLetter(String routeId, String exchangeId, String body, String error, Instant now) {
        update("INSERT INTO dead_letter (route_id, exchange_id, body, error, created_at) VALUES (?,?,?,?,?)", ps -> {
            ps.setString(1, routeId);
            ps.setString(2, exchangeId);
            ps.setString(3, body);
            ps.setString(4, truncate(error, 4000));
            ps.setTimestamp(5, Timestamp.from(now));
        });
    }

    @Override
    public int deadLetterCount() {
        return query("SELECT COUNT(*) FROM dead_letter", ps -> { }, rs -> rs.getInt(1)).get(0);
    }

    private static Delivery readDelivery(ResultSet rs) throws SQLException {
        Timestamp next = rs.getTimestamp(13);
        return new Delivery(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), ChannelKind.valueOf(rs.getString(8)), rs.getString(9),
                DeliveryRole.valueOf(rs.getString(10)), DeliveryState.valueOf(rs.getString(11)), rs.getInt(12),
                Optional.ofNullable(next).map(Timestamp::toInstant), Optional.ofNullable(rs.getString(14)),
                Optional.ofNullable(rs.getString(15)), rs.getTimestamp(16).toInstant());
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    // --- every statement in its own or an explicit transaction, through the stores' shared helper ---

    private <T> T inTransaction(Sql.Work<T> work) {
        return sql.inTransaction(work);
    }

    private int update(String statement, Sql.Binder binder) {
        return sql.update(statement, binder);
    }

    private <T> List<T> query(String statement, Sql.Binder binder, Sql.Reader<T> reader) {
        return sql.query(statement, binder, reader);
    }
}
