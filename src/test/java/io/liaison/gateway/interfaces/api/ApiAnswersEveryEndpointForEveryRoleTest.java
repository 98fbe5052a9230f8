package io.liaison.gateway.interfaces.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint × every role over HTTP: allowed (A), forbidden (403) or not found (404) as the
 * authorisation table and the notice's recipients say; 401 without a token; 403 for a read token asking
 * to act. The notice was sent by NISC to the power sector: west-power (kobayashi) never received it, so
 * it does not even learn it exists. The rows are keyed by the route table's own method and path, and the
 * test fails first if {@link ApiRoutes} has a route without a row (or a row names no route): the next
 * endpoint cannot be forgotten here.
 */
class ApiAnswersEveryEndpointForEveryRoleTest {
    @TempDir
    Path work;

    /** Columns: sato (NISC duty), kimura (NISC approver), yamada (METI liaison), ito (power CEPTOAR), nakamura (East SOC), kobayashi (West SOC). */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();
    /** A query string a route needs to be asked at all. */
    private static final Map<String, String> QUERY = Map.of("GET /statistics", "?period=FY2026");

    static {
        // the sample notice names nisc-duty as its sender: nobody else may send it (or preview it)
        EXPECTED.put("POST /notices", "A 403 403 403 403 403");
        EXPECTED.put("POST /notices/preview", "A 403 403 403 403 403");
        EXPECTED.put("GET /notices", "A A A A A A");
        EXPECTED.put("GET /notices/{reference}", "A A A A A 404");
        EXPECTED.put("POST /notices/{reference}/forward", "403 403 A A 403 403");
        EXPECTED.put("POST /notices/{reference}/confirm", "A 403 A A A 404");
        EXPECTED.put("POST /notices/{reference}/resend", "A 403 403 403 403 403");
        EXPECTED.put("POST /deliveries/{id}/resend", "A 403 403 403 403 403");
        EXPECTED.put("GET /board", "A A 403 403 403 403");
        EXPECTED.put("GET /quarantine", "A 403 403 403 403 403");
        // only an operator's SOC files a report, for its own organisation
        EXPECTED.put("POST /incidents", "403 403 403 403 A A");
        // no such incident: 404 for whoever may read incidents, west-power included (it learns nothing); 403 by the table
        EXPECTED.put("GET /incidents/{organisation}/{incident}", "404 404 403 403 404 404");
        // re-shares are NISC's alone: the duty officer proposes, the approver decides (approve or reject), both read
        EXPECTED.put("POST /reshares", "A 403 403 403 403 403");
        EXPECTED.put("GET /reshares", "A A 403 403 403 403");
        EXPECTED.put("GET /reshares/{label}", "A A 403 403 403 403");
        EXPECTED.put("POST /reshares/{label}/approve", "403 A 403 403 403 403");
        EXPECTED.put("POST /reshares/{label}/reject", "403 A 403 403 403 403");
        EXPECTED.put("GET /statistics", "A A A 403 403 403");
        EXPECTED.put("GET /directory", "A A A A A A");
    }

    private static final String MATRIX_REPORT = "{\"incident\":\"MATRIX-R\",\"summary\":\"制御系サーバの不審な通信\","
            + "\"contact\":{\"person\":\"SOC\",\"means\":[{\"phone\":\"+81312340001\"}]}}";

    @Test
    void everyEndpointAnswersEveryRoleAsTheTableSays() throws Exception {
        try (ApiFixture api = new ApiFixture(work)) {
            Set<String> routes = new TreeSet<>();
            ApiRoutes.of(api.gateway.application()).forEach(r -> routes.add(r.method().name() + " " + r.path()));
            Set<String> withoutRow = new TreeSet<>(routes);
            withoutRow.removeAll(EXPECTED.keySet());
            Set<String> withoutRoute = new TreeSet<>(EXPECTED.keySet());
            withoutRoute.removeAll(routes);
            assertEquals(Set.of(), withoutRow, "routes in ApiRoutes with no row in this matrix: add one per route");
            assertEquals(Set.of(), withoutRoute, "rows naming no route in ApiRoutes");

            String yaml = Files.readString(Path.of("keys-sample/notices/early-warning-power.yaml"));
            HttpResponse<String> sent = api.as("sato", "POST", "/api/v1/notices", ApiFixture.noticeJson(yaml), "matrix-send-0001");
            assertEquals(201, sent.statusCode(), sent.body());
            String ref = new JsonObject(sent.body()).getString("reference");
            HttpResponse<String> status = api.as("sato", "GET", "/api/v1/notices/" + ref, null, null);
            String deliveryId = String.valueOf(new JsonObject(status.body()).getJsonArray("deliveries").getJsonObject(0).getLong("id"));
            // two proposals: one for the approval row, one for the rejection row (a decided proposal is final)
            assertEquals(201, api.as("nakamura", "POST", "/api/v1/incidents", MATRIX_REPORT, "matrix-incident-r").statusCode());
            String toApprove = propose(api, "matrix-propose-1");
            String toReject = propose(api, "matrix-propose-2");

            List<String> mismatches = new ArrayList<>();
            int key = 0;
            for (Map.Entry<String, String> row : EXPECTED.entrySet()) {
                String[] methodPath = row.getKey().split(" ", 2);
                String route = methodPath[1];
                String path = "/api/v1" + route.replace("{reference}", ref).replace("{id}", deliveryId)
                        .replace("{organisation}", "east-power").replace("{incident}", "INC-1")
                        .replace("{label}", route.endsWith("/reject") ? toReject : toApprove)
                        + QUERY.getOrDefault(row.getKey(), "");
                String[] expected = row.getValue().split(" ");
                String body = bodyFor(methodPath[0], route, yaml);
                for (int i = 0; i < ApiFixture.PEOPLE.size(); i++) {
                    String person = ApiFixture.PEOPLE.get(i);
                    HttpResponse<String> r = api.as(person, methodPath[0], path, body, "matrix-" + (++key) + "-key");
                    String seen = r.statusCode() < 300 || r.statusCode() == 422 || r.statusCode() == 409 ? "A" : String.valueOf(r.statusCode());
                    if (!seen.equals(expected[i])) {
                        mismatches.add(row.getKey() + " as " + person + ": expected " + expected[i] + ", got " + r.statusCode() + " " + r.body());
                    }
                    // without a token: 401, whoever would have asked
                    if (i == 0) {
                        HttpResponse<String> anonymous = api.call(methodPath[0], path, Optional.empty(), Optional.ofNullable(body),
                                Map.of("Idempotency-Key", "anonymous-" + key));
                        if (anonymous.statusCode() != 401) {
                            mismatches.add(row.getKey() + " without a token: expected 401, got " + anonymous.statusCode());
                        }
                    }
                }
                if (methodPath[0].equals("POST") && !route.equals("/notices/preview")) {
                    HttpResponse<String> readOnly = api.call("POST", path, Optional.of(api.readTokens.get("sato")), Optional.ofNullable(body),
                            Map.of("Idempotency-Key", "read-scope-" + key));
                    if (readOnly.statusCode() != 403) {
                        mismatches.add(row.getKey() + " with a read token: expected 403, got " + readOnly.statusCode());
                    }
                }
            }
            assertEquals(List.of(), mismatches);
            // the rows that act did what they say: kimura approved one proposal and rejected the other
            assertEquals("SENT", new JsonObject(api.as("sato", "GET", "/api/v1/reshares/" + toApprove, null, null).body()).getString("state"));
            assertEquals("REJECTED", new JsonObject(api.as("sato", "GET", "/api/v1/reshares/" + toReject, null, null).body()).getString("state"));
        }
    }

    /**
     * The two endpoints outside the route table: the OpenAPI document and the event stream answer every role's
     * token (act or read) and nobody without one. What each organisation hears on the stream is
     * {@link EventStreamTellsEachOrganisationOnlyItsOwnChangesTest}'s matter.
     */
    @Test
    void theOpenApiDocumentAndTheEventStreamAnswerEveryRoleAndNobodyWithoutAToken() throws Exception {
        try (ApiFixture api = new ApiFixture(work)) {
            List<String> mismatches = new ArrayList<>();
            for (String person : ApiFixture.PEOPLE) {
                for (Map<String, String> tokens : List.of(api.actTokens, api.readTokens)) {
                    String token = tokens.get(person);
                    String scope = tokens == api.actTokens ? "act" : "read";
                    HttpResponse<String> doc = api.call("GET", "/api/openapi.json", Optional.of(token), Optional.empty(), Map.of());
                    if (doc.statusCode() != 200 || !new JsonObject(doc.body()).containsKey("paths")) {
                        mismatches.add("GET /api/openapi.json as " + person + " (" + scope + "): " + doc.statusCode());
                    }
                    String stream = firstLineOfTheEventStream(api, Optional.of(token));
                    if (!stream.equals("200 text/event-stream : connected")) {
                        mismatches.add("GET /api/v1/events as " + person + " (" + scope + "): " + stream);
                    }
                }
            }
            for (Optional<String> nobody : List.of(Optional.<String>empty(), Optional.of("lgw_not-a-token"))) {
                int doc = api.call("GET", "/api/openapi.json", nobody, Optional.empty(), Map.of()).statusCode();
                String stream = firstLineOfTheEventStream(api, nobody);
                if (doc != 401 || !stream.startsWith("401 ")) {
                    mismatches.add("without a usable token " + nobody + ": openapi " + doc + ", events " + stream);
                }
            }
            assertEquals(List.of(), mismatches);
        }
    }

    /** Status, content type and first line of the stream, then the connection is dropped (the stream never ends). */
    private static String firstLineOfTheEventStream(ApiFixture api, Optional<String> token) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(api.server.baseUrl() + "/api/v1/events")).timeout(java.time.Duration.ofSeconds(20));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<java.util.stream.Stream<String>> r = java.net.http.HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofLines());
        try (java.util.stream.Stream<String> lines = r.body()) {
            String type = r.headers().firstValue("Content-Type").orElse("-").replaceAll(";.*", "");
            return r.statusCode() + " " + type + " " + (r.statusCode() == 200 ? lines.findFirst().orElse("") : "");
        }
    }

    private static String propose(ApiFixture api, String key) throws Exception {
        HttpResponse<String> r = api.as("sato", "POST", "/api/v1/reshares", reshareRequest(), key);
        assertEquals(201, r.statusCode(), r.body());
        return new JsonObject(r.body()).getString("label");
    }

    private static String reshareRequest() {
        return new JsonObject().put("incident", "east-power/MATRIX-R").put("grounds", "threat").encode();
    }

    private static String bodyFor(String method, String path, String yaml) {
        if (method.equals("GET")) {
            return null;
        }
        if (path.equals("/notices") || path.equals("/notices/preview")) {
            return ApiFixture.noticeJson(yaml);
        }
        if (path.endsWith("/forward")) {
            return new JsonObject().put("to", new io.vertx.core.json.JsonArray()).put("toMembers", true).encode();
        }
        if (path.equals("/incidents")) {
            return "{\"incident\":\"MATRIX-1\",\"contact\":{\"person\":\"SOC\",\"means\":[{\"phone\":\"+81312340001\"}]}}";
        }
        if (path.equals("/reshares")) {
            return reshareRequest();
        }
        if (path.endsWith("/reject")) {
            return "{\"reason\":\"the matrix asks every role\"}";
        }
        return path.endsWith("/resend") ? "" : "{}";
    }
}
