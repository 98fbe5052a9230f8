/** PGP/MIME (RFC 3156) adapter of the compose port, on Bouncy Castle's openpgp.api. */
package io.liaison.gateway.compose.openpgp;
