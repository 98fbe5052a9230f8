package io.liaison.gateway.compose.smime;

import io.liaison.gateway.compose.PreparedContent;
import java.time.Instant;

/**
 * An inner MIME entity already signed by the gateway: the complete multipart/signed entity (its
 * Content-Type header line and body), serialised once so every recipient's envelope holds the same
 * bytes and the signature is computed once.
 */
final class SmimeSignedContent implements PreparedContent {
    private final byte[] entity;
    private final Instant at;
    private final SmimeProtector owner;

    SmimeSignedContent(byte[] entity, Instant at, SmimeProtector owner) {
        this.entity = entity;
        this.at = at;
        this.owner = owner;
    }

    /** Shared, not copied: only this package reads it, and fan-out reads it once per recipient. */
    byte[] entity() {
        return entity;
    }

    SmimeProtector owner() {
        return owner;
    }

    @Override
    public Instant at() {
        return at;
    }

    @Override
    public String toString() {
        return "S/MIME-signed content of " + entity.length + " bytes at " + at;
    }
}
