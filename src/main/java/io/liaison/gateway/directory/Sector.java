package io.liaison.gateway.directory;

/** A critical-infrastructure sector; the list is configuration, never code. */
public record Sector(String id, String name, String nameJa) {
}
