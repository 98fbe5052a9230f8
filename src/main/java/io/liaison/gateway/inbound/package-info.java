/** Inbound: mail addressed to the gateway is stored raw, decrypted, verified against the directory, then acted on or quarantined. */
package io.liaison.gateway.inbound;
