-- Which point of contact was sent which new gateway key (keys announce), so each is told once: a second run
-- announces only to contacts added since. One row per (fingerprint of the next OpenPGP key, point of contact).
CREATE TABLE key_announcement (
    key_fingerprint VARCHAR(100)             NOT NULL,
    poc_id          VARCHAR(100)             NOT NULL,
    reference       VARCHAR(64)              NOT NULL,
    announced_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (key_fingerprint, poc_id)
);
