package io.liaison.gateway.keys.smime;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;

/**
 * What an S/MIME recipient's software can read beyond the baseline (AES-256-CBC, RSA PKCS #1 v1.5 key
 * transport or ECDH key agreement). Known either from the directory ({@code smime_capabilities}) or
 * from the sMIMECapabilities extension (RFC 4262) of the recipient's certificate.
 */
public enum SmimeCapability {
    /** AES-256-GCM in AuthEnvelopedData (RFC 5083/5084): authenticated encryption. */
    AES256_GCM("aes256-gcm", NISTObjectIdentifiers.id_aes256_GCM),
    /** RSAES-OAEP key transport (RFC 8017, RFC 3560) instead of PKCS #1 v1.5. */
    RSAES_OAEP("rsaes-oaep", PKCSObjectIdentifiers.id_RSAES_OAEP);

    private final String yamlName;
    private final ASN1ObjectIdentifier oid;

    SmimeCapability(String yamlName, ASN1ObjectIdentifier oid) {
        this.yamlName = yamlName;
        this.oid = oid;
    }

    /** The spelling used in the directory. */
    public String yamlName() {
        return yamlName;
    }

    /** The identifier a certificate's sMIMECapabilities extension lists it by. */
    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    public static Optional<SmimeCapability> parse(String text) {
        return Arrays.stream(values()).filter(c -> c.yamlName.equals(text)).findFirst();
    }

    public static Optional<SmimeCapability> byOid(ASN1ObjectIdentifier oid) {
        return Arrays.stream(values()).filter(c -> c.oid.equals(oid)).findFirst();
    }

    public static String acceptedNames() {
        return String.join(", ", Arrays.stream(values()).map(SmimeCapability::yamlName).toList());
    }
}
