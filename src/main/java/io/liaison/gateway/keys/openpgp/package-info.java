/** OpenPGP adapter for the key ports, on Bouncy Castle's high-level openpgp.api. */
package io.liaison.gateway.keys.openpgp;
