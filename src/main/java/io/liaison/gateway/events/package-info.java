/**
 * The event port (docs/seams.md §4): changes a live console shows — a notice accepted, a delivery
 * sent, retried or failed, a confirmation, an escalation step, inbound quarantined or accepted — are
 * published as {@link io.liaison.gateway.events.GatewayEvent}s. One process fans them out in memory;
 * several nodes on PostgreSQL relay them through {@code LISTEN/NOTIFY} (issue 14). Domain code may
 * publish; it never waits for a subscriber.
 */
package io.liaison.gateway.events;
