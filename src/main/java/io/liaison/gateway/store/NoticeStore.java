package io.liaison.gateway.store;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.numbering.ReferenceNumber;
import io.liaison.gateway.policy.DeliveryPlan;
import io.liaison.gateway.policy.PlannedHop;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway's ledger. Each write is one transaction, so a notice is stored whole with its
 * deliveries and refusals, or not at all.
 */
public interface NoticeStore {

    /** Numbers the notice from the persisted counter of {@code series} and stores it with its first hop. */
    default ReferenceNumber accept(NoticeDraft draft, String originatorOrg, String series, DeliveryPlan plan, Instant now) {
        return accept(draft, originatorOrg, series, plan, List.of(), now);
    }

    /**
     * As {@link #accept(NoticeDraft, String, String, DeliveryPlan, Instant)}, with further hops stored in the
     * same transaction after the first (an update travelling the original's forwards).
     */
    ReferenceNumber accept(NoticeDraft draft, String originatorOrg, String series, DeliveryPlan plan, List<PlannedHop> onward,
                           Instant now);

    /** Stores a forward hop with its deliveries and refusals; returns the hop id. */
    long recordForward(String reference, String senderOrg, String senderPoc, DeliveryPlan plan, Instant now);

    Optional<StoredNotice> notice(String reference);

    /** Organisations that delivered (or are delivering) this notice to {@code organisationId}. */
    Set<String> providersOf(String reference, String organisationId);

    /** Organisations with at least one delivery of this notice. */
    Set<String> reachedOrganisations(String reference);

    /**
     * Claims up to {@code max} pending deliveries of {@code channel} due at {@code now}, moving them to
     * SENDING so no other dispatcher takes them.
     */
    List<Delivery> claimDue(ChannelKind channel, Instant now, int max);

    /**
     * Records many acceptances of one channel in one transaction. Only deliveries of that channel still
     * SENDING change, so replaying acceptances after a crash never overwrites a later outcome. For an SMS
     * delivery that changes, the same transaction keeps each of its {@link Acceptance#serverIds() message
     * ids} as a part, so the SMSC's receipts find it. Returns how many changed.
     */
    int markAllSent(ChannelKind channel, List<Acceptance> acceptances);

    /**
     * {@link #markAllSent(ChannelKind, List)} for several channels at once, in one transaction: all of them
     * are recorded, or none. Returns how many changed in all.
     */
    int markAllSent(Map<ChannelKind, List<Acceptance>> byChannel);

    /**
     * A claimed delivery waits for a retry at {@code nextAttempt}. Written only while the claim is still
     * this gateway's (SENDING in its name): a claim that expired may be another gateway's by now.
     */
    void markRetry(long deliveryId, String reason, Instant nextAttempt, Instant now);

    /** A claimed delivery failed for good; as {@link #markRetry}, only while the claim is this gateway's. */
    void markFailed(long deliveryId, String reason, Instant now);

    /**
     * Claimed deliveries of {@code channel} that are still SENDING in this gateway's name go back to
     * PENDING, due now, with the reason: a dispatcher's run broke off before their outcome. Returns how many.
     */
    int releaseClaims(ChannelKind channel, Collection<Long> deliveryIds, String reason, Instant now);

    /**
     * At start, after a stop mid-hand-over: deliveries left SENDING by this gateway's own claims, by claims
     * that expired, or by claims naming no gateway, go back to PENDING, due now; claims another gateway
     * holds are left to it. Returns how many.
     */
    int resumeInterrupted(Instant now);

    /**
     * Extends every claim this gateway holds (deliveries still SENDING in its name) to {@code until}, in
     * one transaction whatever their number; returns how many. A gateway renews while it works, so only
     * a gateway that stopped, or lost the database, lets its claims expire.
     */
    int renewClaims(Instant until);

    /**
     * Claims of any gateway that expired by {@code now} go back to PENDING, due now, with a reason naming
     * whose claim it was: that gateway stopped or lost the database, and has stopped handing over (it checks
     * its lease before each hand-over). Returns how many.
     */
    int releaseExpiredClaims(Instant now);

    /** The earliest time a pending delivery of {@code channel} becomes due, if any. */
    Optional<Instant> nextDue(ChannelKind channel);

    List<Delivery> deliveries(String reference);

    /** How many of the notice's deliveries are in each state (states with none are left out), counted by the store. */
    Map<DeliveryState, Long> deliveryCounts(String reference);

    List<StoredRefusal> refusals(String reference);

    List<Hop> hops(String reference);

    List<StoredNotice> notices();

    /** Updates and cancellations that refer to {@code reference}, oldest first. */
    List<StoredNotice> followUpsOf(String reference);

    /**
     * The notice if {@code organisationId} originated it, passed it on or received it; empty otherwise,
     * so a door never learns that a notice it may not see exists (scoped in the query, docs/seams.md §2).
     */
    Optional<StoredNotice> noticeVisibleTo(String reference, String organisationId);

    /**
     * The deliveries of the notice {@code organisationId} may see: every one if it originated the
     * notice; otherwise those to itself and those on hops it made (its own forwards and relays).
     */
    List<Delivery> deliveriesVisibleTo(String reference, String organisationId);

    /** Notices {@code organisationId} originated, passed on or received, newest first, at most {@code max}. */
    List<StoredNotice> noticesVisibleTo(String organisationId, int max);

    /** Notices created at or after {@code since}, newest first, at most {@code max}: the duty board's notices in flight. */
    List<StoredNotice> noticesSince(Instant since, int max);

    /** Deliveries in {@code state} across notices, oldest change first, at most {@code max}. */
    List<Delivery> deliveriesInState(DeliveryState state, int max);

    Optional<Delivery> delivery(long deliveryId);

    /**
     * A FAILED delivery goes back to PENDING, due {@code now}, with its attempts counted afresh (a resend), and
     * {@code entry} ({@code delivery.resent}) is appended to the audit trail in the same transaction.
     * Only a delivery still FAILED changes, and only then is the entry written; false otherwise.
     */
    boolean requeueFailed(long deliveryId, String reason, Instant now, io.liaison.gateway.audit.AuditEvent entry);

    /** Keeps what Camel's dead-letter channel hands over. */
    void keepDeadLetter(String routeId, String exchangeId, String body, String error, Instant now);

    int deadLetterCount();
}
