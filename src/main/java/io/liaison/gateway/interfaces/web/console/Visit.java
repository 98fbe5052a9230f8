package io.liaison.gateway.interfaces.web.console;

import io.liaison.gateway.application.Actor;
import io.liaison.gateway.application.Application;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** One request to a page as its handler sees it: who acts (from the session door), their words, the form. */
record Visit(RoutingContext ctx, Actor actor, Labels labels, String csrf, Application app, java.time.ZoneId zone, java.time.Clock clock) {
    static final int MAX_FIELD = 20_000;

    String param(String name) {
        String v = ctx.pathParam(name);
        if (v == null || v.isBlank() || v.length() > 200) {
            throw new FormException(name, labels.format("error.field.missing", name));
        }
        return v;
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(ctx.request().getParam(name)).filter(v -> !v.isBlank());
    }

    /** A form field, trimmed; empty when absent or blank. Too long a field is bad input, named. */
    Optional<String> field(String name) {
        String v = ctx.request().getFormAttribute(name);
        if (v != null && v.length() > MAX_FIELD) {
            throw new FormException(name, labels.format("error.field.long", name, MAX_FIELD));
        }
        return Optional.ofNullable(v).map(String::strip).filter(s -> !s.isEmpty());
    }

    String required(String name) {
        return field(name).orElseThrow(() -> new FormException(name, labels.format("error.field.missing", name)));
    }

    boolean checked(String name) {
        return field(name).isPresent();
    }

    String time(java.time.Instant at) {
        return io.liaison.gateway.time.DisplayTime.format(at, zone);
    }

    String t(String key) {
        return labels.get(key);
    }

    /** Bad input on a form: the field it names and why; the page says so and nothing is stored. */
    static final class FormException extends RuntimeException {
        private final String field;

        FormException(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
