package io.liaison.gateway.compose;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What opening a protected message yielded: the inner MIME entity exactly as signed, whether a
 * signature by the expected signer verified, and the handling marking bound inside that signature.
 *
 * @param innerEntity       the decrypted MIME entity (headers and body), bytes as sent
 * @param signatureValid    true only if a signature by the expected signer's certificate verified
 * @param signerFingerprint fingerprint of that signer when {@code signatureValid}
 * @param signedMark        the marking inside that valid signature (OpenPGP notations or the S/MIME
 *                          ESS security label); empty when the signature is not valid, carries none,
 *                          or carries one that cannot be read. Check it with {@link HandlingMarkCheck}.
 */
public record OpenedMessage(byte[] innerEntity, boolean signatureValid, Optional<String> signerFingerprint,
                            Optional<HandlingMark> signedMark) {

    public OpenedMessage {
        innerEntity = innerEntity.clone();
        Objects.requireNonNull(signerFingerprint, "signerFingerprint");
        Objects.requireNonNull(signedMark, "signedMark");
        if (!signatureValid && (signerFingerprint.isPresent() || signedMark.isPresent())) {
            // A mark or signer taken from a signature that did not verify would be attacker-chosen.
            throw new IllegalArgumentException("signer and marking are reported only for a valid signature");
        }
    }

    /** Without a marking: content that was signed but not marked. */
    public OpenedMessage(byte[] innerEntity, boolean signatureValid, Optional<String> signerFingerprint) {
        this(innerEntity, signatureValid, signerFingerprint, Optional.empty());
    }

    @Override
    public byte[] innerEntity() {
        return innerEntity.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpenedMessage that
                && Arrays.equals(innerEntity, that.innerEntity)
                && signatureValid == that.signatureValid
                && signerFingerprint.equals(that.signerFingerprint)
                && signedMark.equals(that.signedMark);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(innerEntity), signatureValid, signerFingerprint, signedMark);
    }

    @Override
    public String toString() {
        return "OpenedMessage[" + innerEntity.length + " bytes, signatureValid=" + signatureValid
                + ", signer=" + signerFingerprint.orElse("none") + ", mark=" + signedMark.map(HandlingMark::toString).orElse("none") + "]";
    }
}
