package io.liaison.gateway.inbound;

import java.util.Arrays;
import java.util.List;

/**
 * A decrypted message: the inner MIME entity exactly as signed, and what each signature over it is worth.
 *
 * @param signatures empty when the content was not signed at all
 */
public record OpenedInbound(byte[] innerEntity, List<SignatureCheck> signatures) {
    public OpenedInbound {
        innerEntity = innerEntity.clone();
        signatures = List.copyOf(signatures);
    }

    @Override
    public byte[] innerEntity() {
        return innerEntity.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpenedInbound that && Arrays.equals(innerEntity, that.innerEntity) && signatures.equals(that.signatures);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(innerEntity) + signatures.hashCode();
    }

    @Override
    public String toString() {
        return "OpenedInbound[" + innerEntity.length + " bytes, " + signatures + "]";
    }
}
