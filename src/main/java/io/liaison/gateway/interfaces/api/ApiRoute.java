package io.liaison.gateway.interfaces.api;

import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Set;

/**
 * One endpoint: the single source of both the router and the OpenAPI document.
 *
 * @param path         under {@code /api/v1}, with {@code {name}} parameters
 * @param acts         needs a token of scope {@code act} (it changes something); read tokens get 403
 * @param sends        sends something out: an {@code Idempotency-Key} header is required and a replay returns the first answer
 * @param bodyFields   the JSON fields the body may carry (empty: no body)
 * @param status       the status of a success
 * @param query        the query parameters it reads, each with what it means (for the OpenAPI document)
 */
record ApiRoute(HttpMethod method, String path, String summary, boolean acts, boolean sends, Set<String> bodyFields,
                int status, Handler handler, java.util.Map<String, String> query) {

    ApiRoute(HttpMethod method, String path, String summary, boolean acts, boolean sends, Set<String> bodyFields, int status,
             Handler handler) {
        this(method, path, summary, acts, sends, bodyFields, status, handler, java.util.Map.of());
    }

    /** The same route, documenting one more query parameter. */
    ApiRoute query(String name, String description) {
        java.util.Map<String, String> more = new java.util.TreeMap<>(query);
        more.put(name, description);
        return new ApiRoute(method, path, summary, acts, sends, bodyFields, status, handler, java.util.Map.copyOf(more));
    }

    @FunctionalInterface
    interface Handler {
        Object handle(ApiCall call);
    }

    List<String> parameters() {
        return java.util.regex.Pattern.compile("\\{([a-zA-Z]+)}").matcher(path).results().map(m -> m.group(1)).toList();
    }

    /** The path as Vert.x routes it: {@code /notices/:reference}. */
    String vertxPath() {
        return "/api/v1" + path.replaceAll("\\{([a-zA-Z]+)}", ":$1");
    }
}
