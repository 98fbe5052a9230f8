package io.liaison.gateway.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage port of the intake. The raw message is stored before anything reads it; each verdict is
 * one transaction with what it records, so a message is acted on whole or not at all.
 */
public interface InboundStore {

    /**
     * Stores the raw bytes, or finds the earlier copy of the very same bytes (then counts the sighting).
     *
     * @param truncated the raw bytes were cut to the storable size; {@code originalSize} is the real size
     */
    Recorded record(byte[] raw, boolean truncated, long originalSize, String source, Instant now);

    /** The stored message and whether this call stored it (false: the same bytes were there already). */
    record Recorded(StoredInbound message, boolean firstTime) {
    }

    /** Header fields read from the stored message, for listings and replay checks; any may be absent. */
    void describe(long id, Optional<String> messageId, Optional<String> claimedFrom, Optional<String> subject,
                  Optional<Instant> headerDate);

    /**
     * Which replay key of a verified message another message ({@code exceptId} aside) already recorded for
     * the same signer certificate: its Message-ID or its signed content. Only keys recorded with
     * {@link #recordReplayKeys} count, so unsigned or spoofed mail can never make a genuine reply a replay.
     */
    Optional<ReplayKey> replaySeen(String signerFingerprint, String messageId, String innerSha256, long exceptId);

    /** Records a verified message's replay keys (idempotent for the same message judged again after a crash). */
    void recordReplayKeys(long id, String signerFingerprint, String messageId, String innerSha256, Instant now);

    /** A replay key's kind. */
    enum ReplayKey { MESSAGE_ID, CONTENT }

    /**
     * How many quarantine notices were sent since {@code since}: to {@code claimedPoc}'s point of contact, or
     * to anyone when empty. Read from the verdicts stored, so the rate limit holds across a restart.
     */
    int quarantineNoticesSince(Optional<String> claimedPoc, Instant since);

    /** Records why no quarantine notice went out for a quarantined message, for the duty officer. */
    void noticeSuppressed(long id, String why);

    /** Quarantines: never acted on. {@code signer} and {@code innerSha256} are set when that far was reached. */
    void quarantine(long id, ReasonCode reason, String detail, Optional<String> claimedPoc, Optional<VerifiedSender> signer,
                    Optional<String> innerSha256, Optional<String> noticeReference, Instant now);

    /** Records an acknowledgement and marks the message accepted, in one transaction. */
    void acceptAcknowledgement(long id, VerifiedSender signer, String innerSha256, String reference, Optional<String> note,
                               Instant now);

    /** The next number a report of this incident gets (第N報): one more than the reports stored. */
    int nextReportNumber(String incidentKey);

    /** Records an incident report (creating its incident on the first) and marks the message accepted, in one transaction. */
    void acceptReport(long id, VerifiedSender signer, String innerSha256, NewIncidentReport report, Instant now);

    Optional<StoredInbound> find(long id);

    /** The raw bytes as stored (cut to the storable size when {@code raw_truncated}). */
    Optional<byte[]> raw(long id);

    /** Most recent first. */
    /** Quarantined messages, newest first, at most {@code max}: the duty officer's quarantine review. */
    List<StoredInbound> quarantined(int max);

    List<StoredInbound> recent(int max);

    /** Every acknowledgement of a notice, oldest first; the first per organisation is the one that counts. */
    List<AcknowledgementRecord> acknowledgements(String reference);

    /** An incident's reports in order (第1報 first); empty when unknown. */
    List<IncidentReportRecord> reports(String incidentKey);

    /** The incident keys whose key or reporter id matches, newest first, for the CLI's suggestions. */
    List<String> incidentKeys(String organisationId);
}
