-- PostgreSQL indexes no referencing column by itself; H2 makes an index for every foreign key. These are
-- the foreign keys V1-V8_12 left without one (V6 added delivery.hop_id portably): joins from a referenced
-- row to its referencing rows (an inbound message's acknowledgement or report, a hop's refusals) and the
-- check a referenced row's update makes would otherwise read the whole referencing table.
CREATE INDEX refusal_hop ON refusal (hop_id);
CREATE INDEX acknowledgement_inbound ON acknowledgement (inbound_id);
CREATE INDEX incident_report_inbound ON incident_report (inbound_id);
CREATE INDEX incident_report_relay ON incident_report (relay_reference);
CREATE INDEX confirmed_recipient_confirmation ON confirmed_recipient (confirmation_id);
CREATE INDEX reshare_proposal_report ON reshare_proposal (incident_report_id);
CREATE INDEX inbound_replay_key_inbound ON inbound_replay_key (inbound_id);
