package io.liaison.gateway.application;

/** The authorisation's answer. NOT_FOUND hides that a notice exists from an organisation that did not receive it. */
public enum Verdict {
    ALLOWED, FORBIDDEN, NOT_FOUND
}
