package io.liaison.gateway.application;

import java.util.Objects;

/** A person's id in the directory ({@code people[].id}). */
public record PersonId(String value) {
    public PersonId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a person id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
