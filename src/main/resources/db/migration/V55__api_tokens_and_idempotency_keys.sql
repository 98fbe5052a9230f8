-- API tokens for machines and for the CLI acting as an API client (issue 13). Portable SQL (H2 and PostgreSQL).
-- The secret is never stored: only SHA-256 of it (hex). A token acts for one point of contact of one
-- organisation, optionally as one person of the directory; its scope is 'read' or 'act'.
CREATE TABLE api_token (
    id              VARCHAR(32)   PRIMARY KEY,
    secret_sha256   CHAR(64)      NOT NULL,
    organisation_id VARCHAR(64)   NOT NULL,
    poc_id          VARCHAR(64)   NOT NULL,
    person_id       VARCHAR(256),
    scope           VARCHAR(8)    NOT NULL,
    label           VARCHAR(200)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_token_scope CHECK (scope IN ('read', 'act'))
);
CREATE INDEX api_token_organisation ON api_token (organisation_id);

-- Idempotency keys of the API's actions that send: the first answer is kept, a replay gets it again.
-- Keys are per caller (the token's point of contact), so two organisations never collide.
CREATE TABLE idempotency_key (
    caller          VARCHAR(128)  NOT NULL,
    idem_key        VARCHAR(200)  NOT NULL,
    request_sha256  CHAR(64)      NOT NULL,
    status          INT           NOT NULL,
    content_type    VARCHAR(100)  NOT NULL,
    body            VARCHAR(100000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (caller, idem_key)
);
