/**
 * The fan-out benchmark ({@code bench} command): generated points of contact, a discarding SMTP
 * server, the in-process SMSC, the real gateway between them, and a GnuPG per-recipient script as
 * the baseline. Measures; never part of the gateway's own path.
 */
package io.liaison.gateway.bench;
