package io.liaison.gateway.compose;

import java.time.Instant;

/**
 * Content signed once by a {@link MessageProtector}, ready to be encrypted to any number of
 * recipients. Opaque: only the protector that made it can use it.
 */
public interface PreparedContent {

    /** The signature's date, and the instant at which recipients' certificates are judged. */
    Instant at();
}
