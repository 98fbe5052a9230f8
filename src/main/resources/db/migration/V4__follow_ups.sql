-- Updates and cancellations refer to the notice they supersede or cancel (CAP msgType + references).
ALTER TABLE notice ADD COLUMN follow_up_type VARCHAR(10);
ALTER TABLE notice ADD COLUMN references_ref VARCHAR(64);
CREATE INDEX notice_references ON notice (references_ref);
