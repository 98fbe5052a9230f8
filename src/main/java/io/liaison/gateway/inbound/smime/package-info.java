/**
 * The S/MIME (RFC 8551, signed then enveloped) inbound opener: decrypts with the gateway key, tells
 * which registered certificate signed.
 */
package io.liaison.gateway.inbound.smime;
