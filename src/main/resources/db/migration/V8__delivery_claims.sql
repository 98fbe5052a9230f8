-- A claim names the gateway that made it and how long it holds. At start a gateway resumes only its own
-- claims and expired ones (a claim of no gateway was made before this column existed: resumed too), never
-- those another gateway on the same database is handing over right now.
ALTER TABLE delivery ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE delivery ADD COLUMN claim_expires_at TIMESTAMP WITH TIME ZONE;
