package io.liaison.gateway.dispatch;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The client side of TLS for the gateway's own protocol sessions (SMTP STARTTLS, SMPP over TLS): TLS 1.2
 * or 1.3 only, and the server's certificate must chain to a trusted root and name the host the settings
 * give (checked as HTTPS checks a host). Trusted roots are the JVM's, or those of a truststore file
 * ({@code gateway.tls.truststore.file}) when a relay or SMSC has a private CA.
 */
public final class TlsClient {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SSLSocketFactory factory;
    private final String trust;

    private TlsClient(SSLSocketFactory factory, String trust) {
        this.factory = factory;
        this.trust = trust;
    }

    /** Trusts the JVM's roots ({@code javax.net.ssl.trustStore} or the JDK's cacerts). */
    public static TlsClient jvmDefault() {
        return new TlsClient((SSLSocketFactory) SSLSocketFactory.getDefault(), "the JVM's trusted roots");
    }

    /**
     * Trusts exactly the certificates of a truststore file (PKCS #12 or JKS).
     *
     * @param password the store's integrity password, or null for a PKCS #12 store of certificates only
     * @throws IllegalArgumentException naming the file when it cannot be read or holds no certificate
     */
    public static TlsClient trusting(Path truststore, char[] password) {
        Objects.requireNonNull(truststore, "truststore");
        if (!Files.isReadable(truststore)) {
            throw new IllegalArgumentException(truststore + ": the truststore file cannot be read");
        }
        try {
            KeyStore store = KeyStore.getInstance(truststore.toFile(), password);
            if (store.size() == 0) {
                throw new IllegalArgumentException(truststore + ": the truststore holds no certificate");
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return new TlsClient(context.getSocketFactory(), "the truststore " + truststore);
        } catch (IOException | GeneralSecurityException e) {
            // The reason only: a wrong password is reported as such by the JDK, and the password itself never appears.
            throw new IllegalArgumentException(truststore + ": the truststore cannot be loaded ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /**
     * Runs the TLS handshake over an already connected socket and returns the secured socket.
     *
     * @throws IOException when the handshake fails: an untrusted certificate, a certificate for another
     *                     host, no common protocol; nothing is sent over the socket then
     */
    public SSLSocket secure(Socket connected, String host, int port) throws IOException {
        SSLSocket tls = (SSLSocket) factory.createSocket(connected, host, port, true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setProtocols(Arrays.stream(PROTOCOLS)
                .filter(p -> Arrays.asList(tls.getSupportedProtocols()).contains(p)).toArray(String[]::new));
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    @Override
    public String toString() {
        return "TLS 1.2+ trusting " + trust;
    }
}
