-- Who proposed a re-share (a person id, else the point of contact), so that the approval can be
-- refused to the same person (four eyes). Empty for proposals stored before it was recorded.
ALTER TABLE reshare_proposal ADD COLUMN proposed_by VARCHAR(140);
