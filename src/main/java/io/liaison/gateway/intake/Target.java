package io.liaison.gateway.intake;

import java.util.List;

/** Whom a notice concerns: sectors and/or named organisations, optionally widened to dependent sectors. */
public record Target(List<String> sectors, List<String> organisations, boolean includeDependentSectors) {
    public Target {
        sectors = List.copyOf(sectors);
        organisations = List.copyOf(organisations);
    }
}
