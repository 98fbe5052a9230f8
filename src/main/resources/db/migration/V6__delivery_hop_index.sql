-- The escalator finds a new hop's recipient organisations through its deliveries (delivery.hop_id).
-- PostgreSQL does not index a referencing column by itself; H2 already has one for the foreign key,
-- as it has for delivery.reference beside delivery_reference.
CREATE INDEX delivery_hop ON delivery (hop_id);
