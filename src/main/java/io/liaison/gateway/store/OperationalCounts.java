package io.liaison.gateway.store;

import io.liaison.gateway.directory.ChannelKind;

/**
 * What the gauges and the readiness check read from the store: small counts over indexed columns and the
 * schema's state, read when the management endpoint is asked, never on the delivery path.
 */
public interface OperationalCounts {

    /** Deliveries of {@code channel} waiting for their first attempt or a retry. */
    long pendingDeliveries(ChannelKind channel);

    /** Organisations with an escalation watch still open: a notice's confirmation awaited from them. */
    long unconfirmedOrganisations();

    /** Whether the database answers and its schema is still the one migrated at start. Never throws. */
    DatabaseState databaseState();

    /**
     * @param detail what an operator reads (the schema version, or why the database is not usable); no secret,
     *               no JDBC URL with its password
     */
    record DatabaseState(boolean usable, String detail) {
    }
}
