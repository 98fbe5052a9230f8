-- Replay keys are recorded only for a message that verified (good signature by a registered signer,
-- From of the signer's organisation, inside the time window) and is about to be acted on, each scoped
-- to the signer's certificate. Unsigned or spoofed mail can therefore not "use up" the Message-ID or
-- the content of a genuine reply. (Versioned 8.12: issue 12, beside whatever 8 others add.)
CREATE TABLE inbound_replay_key (
    signer_fingerprint  VARCHAR(100)  NOT NULL,
    -- MESSAGE_ID: SHA-256 of the trimmed Message-ID; CONTENT: SHA-256 of the signed entity.
    kind                VARCHAR(20)   NOT NULL,
    key_sha256          VARCHAR(64)   NOT NULL,
    inbound_id          BIGINT        NOT NULL REFERENCES inbound_message (id),
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (signer_fingerprint, kind, key_sha256)
);

-- Why no quarantine notice went out for a quarantined message (rate limit, Auto-Submitted, own address …),
-- for the duty officer; empty when one was sent or nobody was registered to tell.
ALTER TABLE inbound_message ADD COLUMN notice_suppressed VARCHAR(400);
CREATE INDEX inbound_notice_sent ON inbound_message (decided_at, claimed_poc);
