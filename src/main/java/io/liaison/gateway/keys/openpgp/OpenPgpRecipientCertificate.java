package io.liaison.gateway.keys.openpgp;

import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.SampleKeys;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.util.encoders.Hex;

/** An OpenPGP certificate of a point of contact. */
public final class OpenPgpRecipientCertificate implements RecipientCertificate {
    private final OpenPGPCertificate certificate;
    private final String fingerprint;

    public OpenPgpRecipientCertificate(OpenPGPCertificate certificate) {
        this.certificate = certificate;
        this.fingerprint = Hex.toHexString(certificate.getFingerprint()).toUpperCase();
    }

    /** For the OpenPGP composer only; the rest of the gateway works with the interface. */
    public OpenPGPCertificate certificate() {
        return certificate;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public Optional<Instant> expiresAt() {
        Date expiry = certificate.getExpirationTime();
        return Optional.ofNullable(expiry).map(Date::toInstant);
    }

    @Override
    public boolean usableForEncryptionAt(Instant at) {
        Date when = Date.from(at);
        if (certificate.getRevocation(when) != null) {
            return false;
        }
        Optional<Instant> expiry = expiresAt();
        if (expiry.isPresent() && !at.isBefore(expiry.get())) {
            return false;
        }
        return !certificate.getEncryptionKeys(when).isEmpty();
    }

    @Override
    public boolean isSample() {
        return certificate.getAllUserIds().stream().anyMatch(u -> SampleKeys.isSampleUserId(u.getUserId()));
    }

    @Override
    public String toString() {
        return "OpenPGP certificate " + fingerprint;
    }
}
