package io.liaison.gateway.interfaces.http;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where and how the console and API listen.
 *
 * @param host          {@code gateway.http.host}: loopback unless set (a reverse proxy or an explicit address opens it)
 * @param port          {@code gateway.http.port}; 0 picks a free port (tests)
 * @param maxBodyBytes  {@code gateway.http.max-body-bytes}: a larger request body is refused with 413 before it is read whole
 * @param tls           {@code gateway.http.tls.*}, when the gateway terminates TLS itself
 */
public record HttpSettings(String host, int port, int maxBodyBytes, Optional<Tls> tls) {

    public HttpSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("setting gateway.http.port: must be 0..65535, was " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("setting gateway.http.max-body-bytes: must be at least 1024, was " + maxBodyBytes);
        }
    }

    public static HttpSettings loopback(int port) {
        return new HttpSettings("127.0.0.1", port, 1024 * 1024, Optional.empty());
    }

    /**
     * @param keyStore      a PKCS#12 file with the server's key and certificate chain ({@code gateway.http.tls.key-store})
     * @param password      its password, read from the environment variable or file the settings name (never the settings file itself)
     * @param clientCertificates {@code none}, {@code request} or {@code require} ({@code gateway.http.tls.client-auth})
     * @param trustStore    the PKCS#12 trust store of client certificate issuers, when client certificates are asked for
     */
    public record Tls(Path keyStore, String password, ClientAuth clientCertificates, Optional<Path> trustStore) {
        @Override
        public String toString() {
            return "Tls[keyStore=" + keyStore + ", clientCertificates=" + clientCertificates + ", trustStore=" + trustStore + "]";
        }
    }

    public enum ClientAuth { NONE, REQUEST, REQUIRE }
}
