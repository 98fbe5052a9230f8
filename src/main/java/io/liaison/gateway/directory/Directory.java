package io.liaison.gateway.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The validated directory. Immutable; built only by {@link DirectoryLoader}, so every reference in it
 * resolves.
 *
 * @param dependents for each sector, the sectors that depend on it (a failure in the key spreads to the values)
 */
public record Directory(
        Map<String, Sector> sectors,
        Map<String, Set<String>> dependents,
        Map<String, Organisation> organisations,
        Map<String, PointOfContact> pointsOfContact,
        List<HandlingAgreement> agreements) {

    public Directory {
        sectors = Map.copyOf(new LinkedHashMap<>(sectors));
        dependents = Map.copyOf(dependents);
        organisations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(organisations));
        pointsOfContact = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pointsOfContact));
        agreements = List.copyOf(agreements);
    }

    public Optional<Organisation> organisation(String id) {
        return Optional.ofNullable(organisations.get(id));
    }

    public Optional<PointOfContact> pointOfContact(String id) {
        return Optional.ofNullable(pointsOfContact.get(id));
    }

    /** The organisation's POCs in directory order, standby ones included. */
    public List<PointOfContact> pointsOfContactOf(String organisationId) {
        return pointsOfContact.values().stream().filter(p -> p.organisationId().equals(organisationId)).toList();
    }

    /** The POCs that receive on first delivery (not standby). */
    public List<PointOfContact> activePointsOfContactOf(String organisationId) {
        return pointsOfContactOf(organisationId).stream().filter(p -> !p.standby()).toList();
    }

    public List<Organisation> organisationsOfKind(OrganisationKind kind) {
        return organisations.values().stream().filter(o -> o.kind() == kind).toList();
    }

    /** Agreements under which {@code provider} sends to {@code recipient}, any validity. */
    public List<HandlingAgreement> agreementsBetween(String provider, String recipient) {
        return agreements.stream().filter(a -> a.provider().equals(provider) && a.recipient().equals(recipient)).toList();
    }

    /** Sectors that depend on {@code sectorId}; empty when none are listed. */
    public Set<String> dependentsOf(String sectorId) {
        return dependents.getOrDefault(sectorId, Set.of());
    }

    /** The single NISC organisation. */
    public Organisation nisc() {
        return organisationsOfKind(OrganisationKind.NISC).get(0);
    }
}
