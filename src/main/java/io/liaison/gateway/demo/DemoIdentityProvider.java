package io.liaison.gateway.demo;

import java.net.InetAddress;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * A real OpenID Connect provider in-process for {@code demo --console} and the tests: NAV's
 * mock-oauth2-server on loopback, issuer id {@value #ISSUER_ID}, with its interactive login form where a
 * person types the subject the directory knows them by ({@code sato}, {@code kimura}, {@code yamada} in the
 * sample directory). It signs real ID tokens with its own key published at its JWKS endpoint, and honours
 * the nonce and PKCE the gateway sends, so the gateway's login is the production code path. Any client id
 * and secret are accepted. Demo only: it is not in {@code liaison-gateway-server.jar}.
 */
public final class DemoIdentityProvider implements AutoCloseable {
    public static final String ISSUER_ID = "demo";
    /** The port of the sample directory's issuer ({@code http://127.0.0.1:8089/demo}). */
    public static final int SAMPLE_PORT = 8089;

    private final MockOAuth2Server server;

    private DemoIdentityProvider(MockOAuth2Server server) {
        this.server = server;
    }

    /** Starts on {@code port} of 127.0.0.1 (0: a free one). */
    public static DemoIdentityProvider start(int port) {
        MockOAuth2Server server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));
        // Named "127.0.0.1", not the loopback's host name "localhost": the provider's issuer and endpoints are built
        // from it, and the sample directory's persons log in with issuer http://127.0.0.1:8089/demo.
        try {
            server.start(InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1}), port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return new DemoIdentityProvider(server);
    }

    /** The issuer, as the gateway's settings and the directory's persons name it, e.g. {@code http://127.0.0.1:8089/demo}. */
    public String issuer() {
        String url = server.issuerUrl(ISSUER_ID).toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public int port() {
        return server.baseUrl().port();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
