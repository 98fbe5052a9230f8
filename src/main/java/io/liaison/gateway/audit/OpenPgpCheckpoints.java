package io.liaison.gateway.audit;

import io.liaison.gateway.keys.GatewayKeyException;
import io.liaison.gateway.keys.GatewayKeySchedule;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPDetachedSignatureProcessor;
import org.bouncycastle.openpgp.api.OpenPGPSignature;

/**
 * Checkpoints signed with the gateway's OpenPGP key: a detached, ASCII-armoured signature over
 * {@link AuditChain#checkpointPayload}, which {@code gpg --verify} checks against the gateway's certificate.
 */
public final class OpenPgpCheckpoints {
    private OpenPgpCheckpoints() {
    }

    /** Signs with {@code key}. */
    public static CheckpointSigner signer(OpenPgpGatewayKey key) {
        return signer(GatewayKeySchedule.single(key));
    }

    /**
     * Signs each checkpoint with the key that signs everything else the gateway sends at the checkpoint's own
     * time: during a rollover the old key before {@code gateway.key.switch-at}, the next key from then on, so an
     * auditor checks the record against the same certificate the recipients were told to trust that day.
     */
    public static CheckpointSigner signer(GatewayKeySchedule<OpenPgpGatewayKey> schedule) {
        return (sequence, hash, at) -> {
            OpenPgpGatewayKey key = schedule.signingKeyAt(at);
            try {
                return new AuditCheckpoint(sequence, hash, at, key.fingerprint(),
                        key.signDetached(AuditChain.checkpointPayload(sequence, hash), at));
            } catch (GatewayKeyException e) {
                throw new AuditException("the audit checkpoint at entry #" + sequence + " could not be signed: " + e.getMessage(), e);
            }
        };
    }

    /**
     * Accepts a checkpoint signed by any of {@code certificates} (the gateway's current certificate and,
     * after a key rollover, the ones before it) over exactly its own sequence and hash.
     */
    public static CheckpointVerifier verifier(List<OpenPgpRecipientCertificate> certificates) {
        return cp -> {
            OpenPGPDetachedSignatureProcessor processor = new OpenPGPDetachedSignatureProcessor(OpenPgpGatewayKey.implementation());
            certificates.forEach(c -> processor.addVerificationCertificate(c.certificate()));
            processor.verifyNotBefore(new Date(0L)).verifyNotAfter(new Date(Long.MAX_VALUE / 2));
            List<OpenPGPSignature.OpenPGPDocumentSignature> verified;
            try {
                processor.addSignatures(new ByteArrayInputStream(cp.signature().getBytes(StandardCharsets.US_ASCII)));
                verified = processor.process(new ByteArrayInputStream(AuditChain.checkpointPayload(cp.sequence(), cp.hash())));
            } catch (IOException | RuntimeException e) {
                return Optional.of("its signature cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            if (verified.isEmpty()) {
                return Optional.of("it is not signed by the gateway key (" + fingerprints(certificates) + ")");
            }
            for (OpenPGPSignature.OpenPGPDocumentSignature s : verified) {
                try {
                    if (s.isValid()) {
                        return Optional.empty();
                    }
                } catch (PGPException e) {
                    // judged invalid below
                }
            }
            return Optional.of("its signature does not match sequence #" + cp.sequence() + " and hash " + cp.hash()
                    + " (forged or altered)");
        };
    }

    private static String fingerprints(List<OpenPgpRecipientCertificate> certificates) {
        return String.join(", ", certificates.stream().map(OpenPgpRecipientCertificate::fingerprint).toList());
    }

}
