package io.liaison.gateway.keys.rollover;

import io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate;
import io.liaison.gateway.keys.smime.SmimeRecipientCertificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a key announcement tells: the gateway's current certificates (the announcement is signed by the
 * current key, and says so) and the next ones, with the switch and retirement dates. Public material only.
 *
 * @param currentOpenPgp the certificate of the key that signs the announcement
 * @param nextOpenPgp    the certificate contacts are to import
 * @param currentSmime   the current S/MIME certificate, when the gateway has one
 * @param nextSmime      its successor, present exactly when {@code currentSmime} is
 * @param switchAt       from when the gateway signs with the next keys
 * @param retireAt       from when messages encrypted to the current keys are refused
 */
public record NextGatewayKeys(OpenPgpRecipientCertificate currentOpenPgp, OpenPgpRecipientCertificate nextOpenPgp,
                              Optional<SmimeRecipientCertificate> currentSmime, Optional<SmimeRecipientCertificate> nextSmime,
                              Instant switchAt, Instant retireAt) {

    public NextGatewayKeys {
        Objects.requireNonNull(currentOpenPgp, "currentOpenPgp");
        Objects.requireNonNull(nextOpenPgp, "nextOpenPgp");
        Objects.requireNonNull(switchAt, "switchAt");
        Objects.requireNonNull(retireAt, "retireAt");
        if (currentSmime.isPresent() != nextSmime.isPresent()) {
            throw new IllegalArgumentException("an S/MIME certificate is replaced by another or not at all");
        }
    }

    /** The announcement is known by the next OpenPGP key: each contact gets it once per new key. */
    public String announcementKey() {
        return nextOpenPgp.fingerprint();
    }
}
