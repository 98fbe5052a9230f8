package io.liaison.gateway.interfaces.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/** The OpenAPI 3 document, made from the same route table the router is: the two cannot drift apart. */
final class OpenApiDocument {
    private OpenApiDocument() {
    }

    static JsonObject of(List<ApiRoute> routes) {
        JsonObject paths = new JsonObject();
        for (ApiRoute r : routes) {
            JsonObject op = new JsonObject().put("summary", r.summary())
                    .put("operationId", operationId(r))
                    .put("x-token-scope", r.acts() ? "act" : "read");
            JsonArray params = new JsonArray();
            r.parameters().forEach(p -> params.add(new JsonObject().put("name", p).put("in", "path").put("required", true)
                    .put("schema", new JsonObject().put("type", "string"))));
            r.query().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(q -> params.add(new JsonObject()
                    .put("name", q.getKey()).put("in", "query").put("required", false).put("description", q.getValue())
                    .put("schema", new JsonObject().put("type", "string"))));
            if (r.sends()) {
                params.add(new JsonObject().put("name", "Idempotency-Key").put("in", "header").put("required", true)
                        .put("description", "8-200 characters; a replay returns the first answer")
                        .put("schema", new JsonObject().put("type", "string")));
            }
            if (!params.isEmpty()) {
                op.put("parameters", params);
            }
            if (!r.bodyFields().isEmpty()) {
                JsonObject props = new JsonObject();
                r.bodyFields().stream().sorted().forEach(f -> props.put(f, new JsonObject()));
                op.put("requestBody", new JsonObject().put("required", true).put("content", new JsonObject().put("application/json",
                        new JsonObject().put("schema", new JsonObject().put("type", "object").put("additionalProperties", false)
                                .put("properties", props)))));
            }
            JsonObject problem = new JsonObject().put("content", new JsonObject().put("application/problem+json",
                    new JsonObject().put("schema", new JsonObject().put("$ref", "#/components/schemas/Problem"))));
            op.put("responses", new JsonObject()
                    .put(String.valueOf(r.status()), new JsonObject().put("description", "done")
                            .put("content", new JsonObject().put("application/json", new JsonObject())))
                    .put("400", problem.copy().put("description", "invalid input; names the field"))
                    .put("401", problem.copy().put("description", "no usable token"))
                    .put("403", problem.copy().put("description", "not allowed for the caller's role or token scope"))
                    .put("404", problem.copy().put("description", "not found, or not received by the caller's organisation"))
                    .put("422", problem.copy().put("description", "understood but refused by a rule (the detail says which)")));
            if (r.sends()) {
                op.getJsonObject("responses").put("409", problem.copy().put("description",
                        "the Idempotency-Key was used for another request, or the resource was decided already"
                                + " (a re-share proposal approved or rejected); nothing was done"));
            }
            String path = "/api/v1" + r.path();
            JsonObject item = paths.getJsonObject(path, new JsonObject());
            item.put(r.method().name().toLowerCase(Locale.ROOT), op);
            paths.put(path, item);
        }
        return new JsonObject()
                .put("openapi", "3.0.3")
                .put("info", new JsonObject().put("title", "Liaison Gateway API").put("version", "1"))
                .put("paths", paths)
                .put("components", new JsonObject()
                        .put("securitySchemes", new JsonObject().put("token", new JsonObject().put("type", "http").put("scheme", "bearer")))
                        .put("schemas", new JsonObject().put("Problem", new JsonObject().put("type", "object")
                                .put("properties", new JsonObject().put("type", new JsonObject().put("type", "string"))
                                        .put("title", new JsonObject().put("type", "string"))
                                        .put("status", new JsonObject().put("type", "integer"))
                                        .put("detail", new JsonObject().put("type", "string"))
                                        .put("field", new JsonObject().put("type", "string"))))))
                .put("security", new JsonArray().add(new JsonObject().put("token", new JsonArray())));
    }

    private static String operationId(ApiRoute r) {
        String base = r.path().replaceAll("\\{[a-zA-Z]+}", "by").replaceAll("[^a-zA-Z]+", " ").strip();
        StringBuilder id = new StringBuilder(r.method().name().toLowerCase(Locale.ROOT));
        for (String w : base.split(" ")) {
            if (!w.isEmpty()) {
                id.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return id.toString();
    }
}
