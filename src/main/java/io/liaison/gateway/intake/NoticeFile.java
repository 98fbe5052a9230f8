package io.liaison.gateway.intake;

/** A notice as submitted: where it came from (for error messages) and its YAML bytes. */
public record NoticeFile(String source, byte[] yaml) {
}
