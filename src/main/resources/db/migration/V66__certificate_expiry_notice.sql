-- A point of contact told that its certificate expires soon: once per certificate and warning threshold
-- (e.g. 30 days), claimed before the notice is stored, so neither a restart nor a second node repeats it.
CREATE TABLE certificate_expiry_notice (
    certificate_fingerprint VARCHAR(100)             NOT NULL,
    poc_id                  VARCHAR(100)             NOT NULL,
    threshold_days          INTEGER                  NOT NULL,
    reference               VARCHAR(64),
    told_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (certificate_fingerprint, poc_id, threshold_days)
);
