package io.liaison.gateway.compose.openpgp;

import java.util.Date;
import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.PreferredAEADCiphersuites;
import org.bouncycastle.bcpg.sig.PreferredAlgorithms;
import org.bouncycastle.openpgp.api.MessageEncryptionMechanism;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;

/**
 * Which encrypted-data container and cipher to use for one recipient. Bouncy Castle's own
 * negotiator is not reachable when the signed packets are encrypted directly, so this restates its
 * rule for a single recipient: SEIPDv2 (AEAD) only when the certificate announces it, otherwise
 * SEIPDv1, which GnuPG 2.2 and every other implementation still in use can read. Only AES is
 * offered; AES-128 is the one cipher every implementation must have.
 */
final class EncryptionChoice {
    private static final int[] AES = {
        SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_192, SymmetricKeyAlgorithmTags.AES_128
    };

    private EncryptionChoice() {
    }

    static MessageEncryptionMechanism forRecipient(OpenPGPCertificate certificate, Date at) {
        OpenPGPCertificate.OpenPGPPrimaryKey primary = certificate.getPrimaryKey();
        Features features = primary.getFeatures(at);
        if (features != null && features.supportsSEIPDv2()) {
            return MessageEncryptionMechanism.aead(aeadChoice(primary.getAEADCipherSuitePreferences(at)));
        }
        return MessageEncryptionMechanism.integrityProtected(aesChoice(primary.getSymmetricCipherPreferences(at)));
    }

    private static PreferredAEADCiphersuites.Combination aeadChoice(PreferredAEADCiphersuites preferences) {
        if (preferences != null) {
            for (PreferredAEADCiphersuites.Combination combination : preferences.getAlgorithms()) {
                if (isAes(combination.getSymmetricAlgorithm())) {
                    return combination;
                }
            }
        }
        // RFC 9580 makes AES-128 with OCB the combination every SEIPDv2 reader has.
        return new PreferredAEADCiphersuites.Combination(SymmetricKeyAlgorithmTags.AES_128, AEADAlgorithmTags.OCB);
    }

    private static int aesChoice(PreferredAlgorithms preferences) {
        if (preferences != null) {
            for (int algorithm : preferences.getPreferences()) {
                if (isAes(algorithm)) {
                    return algorithm;
                }
            }
        }
        return SymmetricKeyAlgorithmTags.AES_128;
    }

    private static boolean isAes(int algorithm) {
        for (int aes : AES) {
            if (aes == algorithm) {
                return true;
            }
        }
        return false;
    }
}
