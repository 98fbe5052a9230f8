package io.liaison.gateway.yaml;

import org.yaml.snakeyaml.error.YAMLException;

/** A document exceeds one of its {@link YamlLimits}; {@link #limit()} says which, the message says where. */
public final class YamlLimitException extends YAMLException {
    /** The limit exceeded, one per component of {@link YamlLimits}. */
    public enum Limit { DEPTH, ALIASES, NUMBER_CHARS, STRING_CHARS, CODE_POINTS }

    private final Limit limit;

    public YamlLimitException(Limit limit, String message) {
        super(message);
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }
}
