package io.liaison.gateway.interfaces.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.testing.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/v1/events: East Power hears its delivery go out; West Power, which was not sent the notice, hears nothing of it. */
class EventStreamTellsEachOrganisationOnlyItsOwnChangesTest {
    @TempDir
    Path work;

    @Test
    void eachOrganisationHearsOnlyItsOwnChanges() throws Exception {
        try (ApiFixture api = new ApiFixture(work)) {
            List<String> east = listen(api, "nakamura");
            List<String> west = listen(api, "kobayashi");
            Await.until(() -> east.size() + west.size(), n -> n >= 2, Duration.ofSeconds(20), "both streams connected");

            String yaml = Files.readString(Path.of("keys-sample/notices/early-warning-power.yaml"));
            api.as("sato", "POST", "/api/v1/notices", ApiFixture.noticeJson(yaml), "events-send-0001");

            Await.until(() -> String.join("\n", east), s -> s.contains("event: delivery.sent"), Duration.ofSeconds(60),
                    "East Power told its delivery went out");
            assertTrue(String.join("\n", east).contains("\"organisation\":\"east-power\""), east.toString());
            assertFalse(String.join("\n", east).contains("\"organisation\":\"meti\""), "another organisation's change: " + east);
            assertFalse(west.stream().anyMatch(l -> l.startsWith("event:")), "West Power was not sent the notice: " + west);
        }
    }

    private static List<String> listen(ApiFixture api, String person) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.server.baseUrl() + "/api/v1/events"))
                .header("Authorization", "Bearer " + api.actTokens.get(person)).build();
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(lines::add));
        return lines;
    }
}
