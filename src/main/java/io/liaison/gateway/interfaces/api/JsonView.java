package io.liaison.gateway.interfaces.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the application layer's answers (records of records, lists, maps, optionals, instants) as
 * JSON, field for field: the API shows what the use case returned, nothing more. An empty Optional is
 * left out; instants are ISO-8601 UTC.
 */
final class JsonView {
    private JsonView() {
    }

    static Object of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Optional<?> o) {
            return o.map(JsonView::of).orElse(null);
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Instant || value instanceof LocalDate || value instanceof Duration || value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof Collection<?> c) {
            JsonArray a = new JsonArray();
            c.forEach(v -> a.add(of(v)));
            return a;
        }
        if (value instanceof Map<?, ?> m) {
            JsonObject o = new JsonObject();
            m.forEach((k, v) -> {
                Object j = of(v);
                if (j != null) {
                    o.put(String.valueOf(k), j);
                }
            });
            return o;
        }
        if (value.getClass().isRecord()) {
            JsonObject o = new JsonObject();
            for (RecordComponent rc : value.getClass().getRecordComponents()) {
                try {
                    rc.getAccessor().setAccessible(true);
                    Object j = of(rc.getAccessor().invoke(value));
                    if (j != null) {
                        o.put(rc.getName(), j);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot render " + value.getClass().getSimpleName() + "." + rc.getName(), e);
                }
            }
            return o;
        }
        return value.toString();
    }
}
