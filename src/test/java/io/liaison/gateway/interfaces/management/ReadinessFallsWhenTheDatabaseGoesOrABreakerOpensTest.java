package io.liaison.gateway.interfaces.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.ManagementEndpoint;
import io.liaison.gateway.testing.Await;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /health/ready answers 503 and names the part that is down: the e-mail channel whose breaker opened on an
 * SMTP server that is down, or a database that is gone; /health/live stays 200 meanwhile (the process serves).
 */
class ReadinessFallsWhenTheDatabaseGoesOrABreakerOpensTest {
    @TempDir
    Path work;

    @Test
    void anOpenBreakerMakesTheGatewayUnreadyAndNamesTheChannel() throws Exception {
        try (GatewayHarness h = GatewayHarness.withMailDown(work)) {
            Gateway gateway = h.gatewayWith("gateway.breaker.email.failure-threshold", "1");
            try (ManagementEndpoint endpoint = endpoint(h, gateway)) {
                ManagementClient client = new ManagementClient(endpoint.server().orElseThrow().address());
                HttpResponse<String> before = client.get("health/ready");
                assertEquals(200, before.statusCode(), before.body());
                assertTrue(before.body().contains("{\"name\":\"channel.email\",\"status\":\"UP\""), before.body());

                gateway.send(Notices.earlyWarning());
                HttpResponse<String> after = Await.until(() -> get(client, "health/ready"), r -> r.statusCode() == 503,
                        Duration.ofSeconds(30), "readiness down once the e-mail breaker opens");
                assertTrue(after.body().startsWith("{\"status\":\"DOWN\""), after.body());
                assertTrue(after.body().contains("{\"name\":\"channel.email\",\"status\":\"DOWN\",\"detail\":\"circuit open until"),
                        after.body());
                assertTrue(after.body().contains("{\"name\":\"database\",\"status\":\"UP\""), after.body());
                assertTrue(after.body().contains("{\"name\":\"channel.sms\",\"status\":\"UP\""), after.body());
                assertEquals(1.0, client.valueOf("liaison_breaker_open{channel=\"email\"}"));
                assertEquals(200, client.get("health/live").statusCode(), "the process still serves");
            }
        }
    }

    @Test
    @org.junit.jupiter.api.condition.DisabledIfSystemProperty(named = "liaison.test.database", matches = "postgresql",
            disabledReason = "loses the database by deleting H2's files and SHUTDOWN; on PostgreSQL the next test drops it")
    void aDatabaseThatIsGoneMakesTheGatewayUnready() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            try (ManagementEndpoint endpoint = endpoint(h, gateway)) {
                ManagementClient client = new ManagementClient(endpoint.server().orElseThrow().address());
                HttpResponse<String> before = client.get("health/ready");
                assertEquals(200, before.statusCode(), before.body());
                assertTrue(before.body().contains("{\"name\":\"database\",\"status\":\"UP\",\"detail\":\"reachable, schema version"),
                        before.body());

                // The database files vanish and the database is shut: what a lost volume looks like to the gateway.
                deleteDatabaseFiles();
                try (Connection c = gateway.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
                deleteDatabaseFiles();

                HttpResponse<String> after = Await.until(() -> get(client, "health/ready"), r -> r.statusCode() == 503,
                        Duration.ofSeconds(20), "readiness down once the database is gone");
                assertTrue(after.body().contains("{\"name\":\"database\",\"status\":\"DOWN\""), after.body());
                assertEquals(200, client.get("health/live").statusCode());
            }
        }
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "liaison.test.database", matches = "postgresql",
            disabledReason = "PostgreSQL's pool waits 30 s for a server that is gone; H2 is the test above")
    void aPostgreSqlDatabaseDroppedUnderTheGatewayMakesItUnreadyWithinSeconds() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            try (ManagementEndpoint endpoint = endpoint(h, gateway)) {
                ManagementClient client = new ManagementClient(endpoint.server().orElseThrow().address());
                assertEquals(200, client.get("health/ready").statusCode());

                io.liaison.gateway.testing.PostgreSqlCluster.shared().dropDatabase(h.settings().get("gateway.db.url"));

                long asked = System.nanoTime();
                HttpResponse<String> after = client.get("health/ready");
                Duration answeredIn = Duration.ofNanos(System.nanoTime() - asked);
                assertEquals(503, after.statusCode(), after.body());
                assertTrue(after.body().contains("{\"name\":\"database\",\"status\":\"DOWN\""), after.body());
                // an orchestrator's probe (Kubernetes: 1 s by default, often raised to a few) gets its answer
                assertTrue(answeredIn.compareTo(Duration.ofSeconds(5)) < 0, "answered in " + answeredIn);
                assertEquals(200, client.get("health/live").statusCode());
            }
        }
    }

    private void deleteDatabaseFiles() throws Exception {
        try (Stream<Path> files = Files.list(work)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("gateway.")).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static ManagementEndpoint endpoint(GatewayHarness h, Gateway gateway) throws Exception {
        return ManagementEndpoint.start(ManagementEndpoint.settings(h.settings().with("gateway.management.port", "0")),
                gateway.observability());
    }

    private static HttpResponse<String> get(ManagementClient client, String path) {
        try {
            return client.get(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
