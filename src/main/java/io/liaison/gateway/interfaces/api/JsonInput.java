package io.liaison.gateway.interfaces.api;

import io.liaison.gateway.interfaces.http.Problem;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request's JSON body, read strictly: the content type must be {@code application/json}, the body one
 * JSON object, every field known to the endpoint and of the right type. Each refusal is a 400/415 problem
 * naming the field, raised before the use case runs, so nothing is stored.
 */
final class JsonInput {
    private final JsonObject body;

    private JsonInput(JsonObject body) {
        this.body = body;
    }

    static JsonInput read(RoutingContext ctx, Set<String> known) {
        String type = Optional.ofNullable(ctx.request().getHeader("Content-Type")).orElse("");
        String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw Problem.of(415, "unsupported-media-type", "Unsupported content type",
                    "send the body as application/json, was " + (media.isEmpty() ? "none" : media) + "; nothing was stored")
                    .field("Content-Type").raise();
        }
        String text = ctx.body() == null ? "" : ctx.body().asString("UTF-8");
        Object parsed;
        try {
            parsed = io.vertx.core.json.Json.decodeValue(text == null ? "" : text);
        } catch (DecodeException e) {
            throw Problem.badRequest("body", "malformed JSON: " + shorten(e.getMessage()) + "; nothing was stored").raise();
        }
        if (!(parsed instanceof JsonObject o)) {
            throw Problem.badRequest("body", "the body must be a JSON object; nothing was stored").raise();
        }
        Set<String> unknown = new TreeSet<>(o.fieldNames());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw Problem.badRequest(unknown.iterator().next(), "unknown field(s) " + unknown + "; this endpoint takes "
                    + new TreeSet<>(known) + "; nothing was stored").raise();
        }
        return new JsonInput(o);
    }

    /** The body as read (its fields already checked against the endpoint's), for a use case that reads a whole document. */
    JsonObject object() {
        return body;
    }

    String requiredText(String field) {
        return optionalText(field).orElseThrow(() -> Problem.badRequest(field, "field '" + field + "' is required").raise());
    }

    Optional<String> optionalText(String field) {
        Object v = body.getValue(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw Problem.badRequest(field, "field '" + field + "' must be a string").raise();
        }
        return Optional.of(s);
    }

    boolean flag(String field) {
        Object v = body.getValue(field);
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean b)) {
            throw Problem.badRequest(field, "field '" + field + "' must be true or false").raise();
        }
        return b;
    }

    List<String> texts(String field) {
        Object v = body.getValue(field);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof JsonArray a)) {
            throw Problem.badRequest(field, "field '" + field + "' must be a list of strings").raise();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!(a.getValue(i) instanceof String s)) {
                throw Problem.badRequest(field + "[" + i + "]", "entry " + i + " of '" + field + "' must be a string").raise();
            }
            out.add(s);
        }
        return out;
    }

    private static String shorten(String message) {
        String m = message == null ? "" : message.replaceAll("\\s+", " ");
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
