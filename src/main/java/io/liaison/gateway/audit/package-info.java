/**
 * The tamper-evident audit trail (docs/seams.md §3): who decided or did what, to which notice, when,
 * each entry chained to the one before by SHA-256 and the chain head signed at checkpoints by the
 * gateway key. Domain code receives an {@link io.liaison.gateway.audit.AuditLog} as a constructor
 * argument; it never reaches up for one.
 */
package io.liaison.gateway.audit;
