package io.liaison.gateway.compose.openpgp;

import io.liaison.gateway.compose.PreparedContent;
import java.time.Instant;

/**
 * An inner MIME entity already signed by the gateway: the packets of a one-pass-signed OpenPGP
 * message (one-pass signature, literal data, signature), unarmored. Encrypting these packets as
 * they are gives the same message a combined sign-and-encrypt would, so the signature can be
 * shared by every recipient.
 */
final class SignedContent implements PreparedContent {
    private final byte[] packets;
    private final Instant at;
    private final PgpMimeProtector owner;

    SignedContent(byte[] packets, Instant at, PgpMimeProtector owner) {
        this.packets = packets;
        this.at = at;
        this.owner = owner;
    }

    /** Shared, not copied: at thousands of recipients a second the copy would matter, and only this package reads it. */
    byte[] packets() {
        return packets;
    }

    PgpMimeProtector owner() {
        return owner;
    }

    @Override
    public Instant at() {
        return at;
    }

    @Override
    public String toString() {
        return "PGP-signed content of " + packets.length + " bytes at " + at;
    }
}
