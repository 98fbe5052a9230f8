package io.liaison.gateway.keys.openpgp;

import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPImplementation;
import org.bouncycastle.openpgp.operator.PGPContentSignerBuilder;

/**
 * Bouncy Castle's lightweight implementation, except that Ed25519 signatures reuse the decoded signing
 * key ({@link ReusedEd25519Signing}). Bouncy Castle decodes the private key for every signature and
 * with it recomputes the public key, a second scalar multiplication as costly as the signature; where
 * every recipient of a fan-out gets its own signed text (its confirmation code is in it), that was a
 * third of the signing time.
 */
final class GatewayOpenPgpImplementation extends BcOpenPGPImplementation {
    private final ReusedEd25519Signing.KeyCache ed25519Keys = new ReusedEd25519Signing.KeyCache();

    @Override
    public PGPContentSignerBuilder pgpContentSignerBuilder(int publicKeyAlgorithm, int hashAlgorithmId) {
        if (publicKeyAlgorithm == PublicKeyAlgorithmTags.Ed25519 || publicKeyAlgorithm == PublicKeyAlgorithmTags.EDDSA_LEGACY) {
            return new ReusedEd25519Signing(publicKeyAlgorithm, hashAlgorithmId, ed25519Keys);
        }
        return super.pgpContentSignerBuilder(publicKeyAlgorithm, hashAlgorithmId);
    }
}
