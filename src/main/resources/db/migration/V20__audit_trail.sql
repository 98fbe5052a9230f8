-- The audit trail (docs/seams.md §3): one row per entry, chained by SHA-256; portable SQL (H2 and PostgreSQL).
-- details holds the entry's details as canonical JSON (keys sorted, no spaces); the hash covers them.
CREATE TABLE audit_entry (
    sequence        BIGINT        PRIMARY KEY,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_person    VARCHAR(256),
    actor_poc       VARCHAR(64),
    actor_org       VARCHAR(64),
    action          VARCHAR(64)   NOT NULL,
    reference       VARCHAR(64),
    details         VARCHAR(1000000) NOT NULL,
    previous_hash   CHAR(64)      NOT NULL,
    hash            CHAR(64)      NOT NULL
);
CREATE INDEX audit_entry_reference ON audit_entry (reference);
CREATE INDEX audit_entry_at ON audit_entry (at);

-- The chain head, one row: appenders lock it (SELECT ... FOR UPDATE), so the chain stays one line even
-- with several gateway nodes on one database.
CREATE TABLE audit_head (
    id              INT           PRIMARY KEY,
    last_sequence   BIGINT        NOT NULL,
    last_hash       CHAR(64)      NOT NULL,
    CONSTRAINT audit_head_one_row CHECK (id = 1)
);
INSERT INTO audit_head (id, last_sequence, last_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Signed chain heads: the gateway key's detached OpenPGP signature (ASCII armour) over "<sequence> <hash>".
CREATE TABLE audit_checkpoint (
    sequence        BIGINT        PRIMARY KEY,
    hash            CHAR(64)      NOT NULL,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    signer          VARCHAR(64)   NOT NULL,
    signature       VARCHAR(8000) NOT NULL
);
