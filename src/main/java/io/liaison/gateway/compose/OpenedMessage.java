package io.liaison.gateway.compose;

import java.util.Arrays;
import java.util.Optional;

/**
 * What opening a protected message yielded: the inner MIME entity exactly as signed, and whether a
 * signature by the expected signer verified.
 *
 * @param innerEntity       the decrypted MIME entity (headers and body), bytes as sent
 * @param signatureValid    true only if a signature by the expected signer's certificate verified
 * @param signerFingerprint fingerprint of that signer when {@code signatureValid}
 */
public record OpenedMessage(byte[] innerEntity, boolean signatureValid, Optional<String> signerFingerprint) {

    public OpenedMessage {
        innerEntity = innerEntity.clone();
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
                && signerFingerprint.equals(that.signerFingerprint);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(innerEntity) + Boolean.hashCode(signatureValid) + signerFingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "OpenedMessage[" + innerEntity.length + " bytes, signatureValid=" + signatureValid
                + ", signer=" + signerFingerprint.orElse("none") + "]";
    }
}
