/** The fax channel: a {@link io.liaison.gateway.dispatch.fax.FaxBridge} port with e-mail-to-fax (RFC 3192) and spool-directory adapters. */
package io.liaison.gateway.dispatch.fax;
