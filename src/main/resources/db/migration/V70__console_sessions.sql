-- The console's server-side sessions (issue 13, docs/seams.md §6). Portable SQL (H2 and PostgreSQL).
-- Neither a session id nor a login's state is stored, only SHA-256 of it (hex): a copy of this table
-- logs nobody in. Who the person is (point of contact, organisation, role) is not stored either: the
-- directory decides at every request from the provider's issuer and subject.
CREATE TABLE console_session (
    id_sha256       CHAR(64)      PRIMARY KEY,
    issuer          VARCHAR(500)  NOT NULL,
    subject         VARCHAR(256)  NOT NULL,
    provider        VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Logins sent to a provider and not yet back: one use (deleted as the callback reads them), short-lived.
-- The nonce and the PKCE verifier live here for those minutes, never in the browser.
CREATE TABLE console_login (
    state_sha256    CHAR(64)      PRIMARY KEY,
    provider        VARCHAR(64)   NOT NULL,
    nonce           VARCHAR(128)  NOT NULL,
    code_verifier   VARCHAR(128)  NOT NULL,
    next_path       VARCHAR(2000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX console_login_created ON console_login (created_at);
