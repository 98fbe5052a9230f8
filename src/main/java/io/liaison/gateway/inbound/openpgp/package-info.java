/** The OpenPGP (PGP/MIME, RFC 3156) inbound opener: decrypts with the gateway key, tells which registered key signed. */
package io.liaison.gateway.inbound.openpgp;
