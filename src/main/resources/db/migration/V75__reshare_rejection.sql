-- A NISC approver's "no" to a re-share proposal (issue 13): state REJECTED, who (the point of contact, and the
-- person when known, for four eyes), when, and the reason the proposer reads. Final, like SENT: a corrected
-- re-share is a new proposal. Portable SQL (H2 and PostgreSQL).
ALTER TABLE reshare_proposal ADD COLUMN rejected_by VARCHAR(64);
ALTER TABLE reshare_proposal ADD COLUMN rejected_by_person VARCHAR(140);
ALTER TABLE reshare_proposal ADD COLUMN rejected_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE reshare_proposal ADD COLUMN rejection_reason VARCHAR(1000);

-- The list of proposals by state, newest first (GET /api/v1/reshares?state=pending, the console's /reshare).
CREATE INDEX reshare_proposal_state ON reshare_proposal (state, proposed_at);
