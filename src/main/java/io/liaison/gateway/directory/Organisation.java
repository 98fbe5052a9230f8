package io.liaison.gateway.directory;

import java.util.List;

/**
 * An organisation in the directory.
 *
 * @param sectors for a ministry, the sectors it owns; for a CEPTOAR or operator, the sectors it belongs to
 * @param members for a CEPTOAR, its member operators; for the council, its member CEPTOARs
 */
public record Organisation(String id, OrganisationKind kind, String name, List<String> sectors, List<String> members) {
    public Organisation {
        sectors = List.copyOf(sectors);
        members = List.copyOf(members);
    }

    public boolean isIn(String sectorId) {
        return sectors.contains(sectorId);
    }
}
