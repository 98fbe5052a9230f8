package io.liaison.gateway.store;

import java.util.Locale;

/** What an API token may do: read only, or also act (send, forward, confirm, approve). */
public enum ApiTokenScope {
    READ, ACT;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code read} or {@code act}; anything else is refused naming it. */
    public static ApiTokenScope parse(String value) {
        for (ApiTokenScope s : values()) {
            if (s.yamlName().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("scope must be 'read' or 'act', was '" + value + "'");
    }
}
