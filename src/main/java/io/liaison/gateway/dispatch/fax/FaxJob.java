package io.liaison.gateway.dispatch.fax;

import io.liaison.gateway.compose.fax.RenderedFax;
import io.liaison.gateway.marking.Tlp;
import java.util.Objects;
import java.util.Optional;

/**
 * One fax to send: the rendered pages and where they go.
 *
 * @param deliveryId the gateway's delivery, so a resent job keeps its name
 * @param exercise exercise traffic, marked as such wherever the bridge can
 * @param subaddress a T.33 subaddress (digits) for a machine behind an extension, if any
 */
public record FaxJob(String reference, long deliveryId, Tlp level, boolean exercise, FaxNumber number,
                     Optional<String> subaddress, RenderedFax fax) {
    public FaxJob {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(subaddress, "subaddress");
        Objects.requireNonNull(fax, "fax");
    }

    /** A file-name-safe name, stable across retries of the same delivery: {@code <reference>-d<delivery id>}. */
    public String name() {
        return reference.replaceAll("[^A-Za-z0-9._-]", "_") + "-d" + deliveryId;
    }
}
