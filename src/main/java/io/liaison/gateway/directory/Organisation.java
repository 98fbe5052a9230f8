package io.liaison.gateway.directory;

import java.util.List;
import java.util.Optional;

/**
 * An organisation in the directory.
 *
 * @param sectors for a ministry, the sectors it owns; for a CEPTOAR or operator, the sectors it belongs to
 * @param members for a CEPTOAR, its member operators; for the council, its member CEPTOARs
 * @param nameJa the organisation's Japanese name (directory field {@code name_ja}), when it has one
 */
public record Organisation(String id, OrganisationKind kind, String name, List<String> sectors, List<String> members,
                           Optional<String> nameJa) {
    public Organisation {
        sectors = List.copyOf(sectors);
        members = List.copyOf(members);
        nameJa = nameJa == null ? Optional.empty() : nameJa;
    }

    public Organisation(String id, OrganisationKind kind, String name, List<String> sectors, List<String> members) {
        this(id, kind, name, sectors, members, Optional.empty());
    }

    /**
     * The name as people read it: {@code 東日本電力株式会社 / East Power Co.} when the organisation has a Japanese
     * name, else the name alone. Sectors are shown the same way (Japanese first), so one sheet reads alike.
     */
    public String displayName() {
        return nameJa.map(ja -> ja + " / " + name).orElse(name);
    }

    public boolean isIn(String sectorId) {
        return sectors.contains(sectorId);
    }
}
