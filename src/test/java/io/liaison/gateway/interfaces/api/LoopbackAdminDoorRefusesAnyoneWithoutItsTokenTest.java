package io.liaison.gateway.interfaces.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.HttpDoors;
import io.liaison.gateway.app.LocalAdministrator;
import io.liaison.gateway.application.ApiTokens;
import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.store.ApiTokenScope;
import io.liaison.gateway.testing.GatewayHarness;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrator door answers a loopback caller without serve's token 401 and does nothing; a request
 * relayed by a proxy, or from another address, gets the very 404 of a path that does not exist, so its routes
 * are not revealed off the host. An organisation's API token is not the administrator's.
 */
class LoopbackAdminDoorRefusesAnyoneWithoutItsTokenTest {
    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void wrongMissingOrForeignTokensAreRefusedAndNothingIsIssued() throws Exception {
        try (GatewayHarness harness = GatewayHarness.start(work)) {
            Gateway gateway = harness.gateway();
            Path tokenFile = work.resolve("admin-token");
            try (HttpDoors.Served served = HttpDoors.serve(gateway, harness.settings().with("gateway.http.port", "0")
                    .with(LocalAdministrator.SETTING, tokenFile.toString()))) {
                String url = served.http().baseUrl() + "/api/v1/admin/tokens";
                String adminToken = LocalAdministrator.read(tokenFile).orElseThrow().token();
                String create = "{\"for\":\"east-power-soc\",\"scope\":\"act\"}";
                ApiTokens tokens = HttpDoors.tokens(gateway);
                String apiToken = tokens.issue(gateway.application().actors().resolveLocal("nisc-duty"), "nisc-duty", Optional.empty(),
                        ApiTokenScope.ACT, Duration.ofDays(1), "test").text();
                long issuedBefore = created(gateway);

                assertEquals(401, post(url, Optional.empty(), create, Map.of("Acting-As", "nisc-duty")).statusCode());
                assertEquals(401, post(url, Optional.of("lgwadmin_" + "B".repeat(43)), create, Map.of("Acting-As", "nisc-duty")).statusCode());
                assertEquals(401, post(url, Optional.of(adminToken + "x"), create, Map.of("Acting-As", "nisc-duty")).statusCode());
                assertEquals(401, post(url, Optional.of(apiToken), create, Map.of("Acting-As", "nisc-duty")).statusCode(),
                        "an API token, even NISC's, is not the administrator's");
                assertEquals(401, send("GET", url, Optional.of(apiToken), null, Map.of("Acting-As", "nisc-duty")).statusCode());

                HttpResponse<String> noSuchPath = send("GET", served.http().baseUrl() + "/api/v1/no-such-thing", Optional.empty(), null,
                        Map.of());
                HttpResponse<String> proxied = post(url, Optional.of(adminToken), create,
                        Map.of("Acting-As", "nisc-duty", "X-Forwarded-For", "203.0.113.9"));
                assertEquals(404, proxied.statusCode(), "relayed by a proxy on this host: not local, whatever the socket says");
                assertEquals(noSuchPath.body().replace("/api/v1/no-such-thing", "X"), proxied.body().replace("/api/v1/admin/tokens", "X"),
                        "the same answer as a path that does not exist");

                HttpResponse<String> nobody = post(url, Optional.of(adminToken), create, Map.of());
                assertEquals(400, nobody.statusCode(), nobody.body());
                assertTrue(nobody.body().contains("Acting-As"), nobody.body());
                assertEquals(issuedBefore, created(gateway), "nothing was issued");

                HttpResponse<String> ok = post(url, Optional.of(adminToken), create, Map.of("Acting-As", "nisc-duty"));
                assertEquals(201, ok.statusCode(), ok.body());
                assertEquals(issuedBefore + 1, created(gateway));
            }
        }
    }

    /** Only when this host has a non-loopback IPv4 address to reach a server listening on every address. */
    @Test
    void aCallerOnAnotherAddressGetsNotFoundEvenWithTheToken() throws Exception {
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (java.net.SocketException e) { return false; } })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()).findFirst();
        Assumptions.assumeTrue(external.isPresent(), "no non-loopback address on this host");
        try (GatewayHarness harness = GatewayHarness.start(work)) {
            Gateway gateway = harness.gateway();
            Path tokenFile = work.resolve("admin-token");
            try (HttpDoors.Served served = HttpDoors.serve(gateway, harness.settings().with("gateway.http.port", "0")
                    .with("gateway.http.host", "0.0.0.0").with(LocalAdministrator.SETTING, tokenFile.toString()))) {
                String adminToken = LocalAdministrator.read(tokenFile).orElseThrow().token();
                String remote = "http://" + external.get().getHostAddress() + ":" + served.http().port() + "/api/v1/admin/tokens";
                HttpResponse<String> answer = send("GET", remote, Optional.of(adminToken), null, Map.of("Acting-As", "nisc-duty"));
                assertEquals(404, answer.statusCode(), answer.body());
                String local = "http://127.0.0.1:" + served.http().port() + "/api/v1/admin/tokens";
                assertEquals(200, send("GET", local, Optional.of(adminToken), null, Map.of("Acting-As", "nisc-duty")).statusCode(),
                        "the same request from loopback is served");
            }
        }
    }

    private static long created(Gateway gateway) {
        return gateway.audit().read(Optional.empty(), Optional.empty()).stream()
                .filter(e -> e.action().equals(AuditAction.TOKEN_CREATED.verb())).count();
    }

    private HttpResponse<String> post(String url, Optional<String> token, String json, Map<String, String> headers) throws Exception {
        return send("POST", url, token, json, headers);
    }

    private HttpResponse<String> send(String method, String url, Optional<String> token, String json, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        headers.forEach(b::header);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
