package io.liaison.gateway.compose;

import io.liaison.gateway.keys.RecipientCertificate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Picks the protector a point of contact's certificate needs: PGP/MIME for an OpenPGP certificate,
 * S/MIME for an X.509 one. When the gateway has no protector for a certificate's kind (say, no S/MIME
 * signing key configured) the recipient is refused, never sent plaintext. Immutable.
 */
public final class ProtectorSelector {
    private final Map<ProtectionKind, MessageProtector> protectors;

    private ProtectorSelector(Map<ProtectionKind, MessageProtector> protectors) {
        this.protectors = protectors;
    }

    /** One protector per kind; a second of the same kind is a wiring mistake. */
    public static ProtectorSelector of(MessageProtector... protectors) {
        Map<ProtectionKind, MessageProtector> byKind = new EnumMap<>(ProtectionKind.class);
        for (MessageProtector protector : protectors) {
            Objects.requireNonNull(protector, "protector");
            if (byKind.put(protector.kind(), protector) != null) {
                throw new IllegalArgumentException("two protectors of kind " + protector.kind());
            }
        }
        if (byKind.isEmpty()) {
            throw new IllegalArgumentException("at least one protector is needed");
        }
        return new ProtectorSelector(byKind);
    }

    /**
     * @throws ProtectionRefusedException with {@link RefusalReason#WRONG_KIND} when no protector here
     *                                    accepts the certificate
     */
    public MessageProtector forCertificate(RecipientCertificate certificate) throws ProtectionRefusedException {
        for (MessageProtector protector : protectors.values()) {
            if (protector.accepts(certificate)) {
                return protector;
            }
        }
        throw new ProtectionRefusedException(certificate.fingerprint(), RefusalReason.WRONG_KIND,
                "the gateway has no protector for " + certificate + " (configured: " + kinds() + ")");
    }

    public List<ProtectionKind> kinds() {
        return new ArrayList<>(protectors.keySet());
    }
}
