package io.liaison.gateway.keys.smime;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle provider instance the S/MIME code uses. Passed explicitly to every builder
 * rather than installed with Security.addProvider, so the JVM's provider list is not changed for the
 * rest of the gateway (Camel, Jakarta Mail's TLS) behind its back.
 */
public final class SmimeCrypto {
    private static final Provider PROVIDER = new BouncyCastleProvider();

    private SmimeCrypto() {
    }

    public static Provider provider() {
        return PROVIDER;
    }
}
