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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint × every role over HTTP: allowed (A), forbidden (403) or not found (404) as the
 * authorisation table and the notice's recipients say; 401 without a token; 403 for a read token asking
 * to act. The notice was sent by NISC to the power sector: west-power (kobayashi) never received it, so
 * it does not even learn it exists.
 */
class ApiAnswersEveryEndpointForEveryRoleTest {
    @TempDir
    Path work;

    /** Columns: sato (NISC duty), kimura (NISC approver), yamada (METI liaison), ito (power CEPTOAR), nakamura (East SOC), kobayashi (West SOC). */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("GET /notices", "A A A A A A");
        EXPECTED.put("GET /notices/{ref}", "A A A A A 404");
        // the sample notice names nisc-duty as its sender: a liaison or CEPTOAR may preview only its own notices
        EXPECTED.put("POST /notices/preview", "A 403 403 403 403 403");
        EXPECTED.put("POST /notices/{ref}/confirm", "A 403 A A A 404");
        EXPECTED.put("POST /notices/{ref}/forward", "403 403 A A 403 403");
        EXPECTED.put("POST /notices/{ref}/resend", "A 403 403 403 403 403");
        EXPECTED.put("GET /board", "A A 403 403 403 403");
        EXPECTED.put("GET /quarantine", "A 403 403 403 403 403");
        EXPECTED.put("GET /statistics?period=FY2026", "A A A 403 403 403");
        EXPECTED.put("GET /directory", "A A A A A A");
        // only an operator's SOC files a report, for its own organisation
        EXPECTED.put("POST /incidents", "403 403 403 403 A A");
        // no such incident: 404 for whoever may read incidents, west-power included (it learns nothing); 403 by the table
        EXPECTED.put("GET /incidents/east-power/INC-1", "404 404 403 403 404 404");
    }

    @Test
    void everyEndpointAnswersEveryRoleAsTheTableSays() throws Exception {
        try (ApiFixture api = new ApiFixture(work)) {
            String yaml = Files.readString(Path.of("keys-sample/notices/early-warning-power.yaml"));
            HttpResponse<String> sent = api.as("sato", "POST", "/api/v1/notices", ApiFixture.noticeJson(yaml), "matrix-send-0001");
            assertEquals(201, sent.statusCode(), sent.body());
            String ref = new JsonObject(sent.body()).getString("reference");

            List<String> mismatches = new ArrayList<>();
            int key = 0;
            for (Map.Entry<String, String> row : EXPECTED.entrySet()) {
                String[] methodPath = row.getKey().split(" ", 2);
                String path = "/api/v1" + methodPath[1].replace("{ref}", ref);
                String[] expected = row.getValue().split(" ");
                String body = bodyFor(methodPath[1], yaml);
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
                if (methodPath[0].equals("POST") && !methodPath[1].equals("/notices/preview")) {
                    HttpResponse<String> readOnly = api.call("POST", path, Optional.of(api.readTokens.get("sato")), Optional.ofNullable(body),
                            Map.of("Idempotency-Key", "read-scope-" + key));
                    if (readOnly.statusCode() != 403) {
                        mismatches.add(row.getKey() + " with a read token: expected 403, got " + readOnly.statusCode());
                    }
                }
            }
            assertEquals(List.of(), mismatches);
        }
    }

    private static String bodyFor(String path, String yaml) {
        if (path.equals("/notices/preview")) {
            return ApiFixture.noticeJson(yaml);
        }
        if (path.endsWith("/forward")) {
            return new JsonObject().put("to", new io.vertx.core.json.JsonArray()).put("toMembers", true).encode();
        }
        if (path.endsWith("/confirm")) {
            return "{}";
        }
        if (path.equals("/incidents")) {
            return "{\"incident\":\"MATRIX-1\",\"contact\":{\"person\":\"SOC\",\"means\":[{\"phone\":\"+81312340001\"}]}}";
        }
        return path.endsWith("/resend") ? "" : null;
    }
}
