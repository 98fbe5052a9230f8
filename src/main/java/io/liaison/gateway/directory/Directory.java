package io.liaison.gateway.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The validated directory. Immutable; built only by {@link DirectoryLoader}, so every reference in it
 * resolves.
 *
 * <p>A directory is its own unchanging {@link Supplier}: components read the directory through a
 * {@code Supplier<Directory>} at each use, so the running gateway hands them its {@link CurrentDirectory}
 * (replaced whole by a reload) while tools and tests hand them a directory as it is.
 *
 * @param dependents             for each sector, the sectors that depend on it (a failure in the key spreads to the values)
 * @param contactsByOrganisation derived from {@code pointsOfContact}, whatever is passed: each organisation's POCs
 *                               in directory order
 * @param agreementsByParties    derived from {@code agreements}, whatever is passed: keyed by provider and recipient
 * @param people                 the people who act for the points of contact, by person id
 */
public record Directory(
        Map<String, Sector> sectors,
        Map<String, Set<String>> dependents,
        Map<String, Organisation> organisations,
        Map<String, PointOfContact> pointsOfContact,
        List<HandlingAgreement> agreements,
        Map<String, List<PointOfContact>> contactsByOrganisation,
        Map<String, List<HandlingAgreement>> agreementsByParties,
        Map<String, Person> people) implements Supplier<Directory> {

    public Directory {
        sectors = Map.copyOf(new LinkedHashMap<>(sectors));
        dependents = Map.copyOf(dependents);
        organisations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(organisations));
        pointsOfContact = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pointsOfContact));
        agreements = List.copyOf(agreements);
        // Indexed once here: the policy asks for every organisation's contacts and agreements per notice,
        // and scanning the whole directory each time made planning a 10,000-contact fan-out take seconds.
        contactsByOrganisation = group(pointsOfContact.values(), PointOfContact::organisationId);
        agreementsByParties = group(agreements, a -> parties(a.provider(), a.recipient()));
        people = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(people));
    }

    public Directory(Map<String, Sector> sectors, Map<String, Set<String>> dependents, Map<String, Organisation> organisations,
                     Map<String, PointOfContact> pointsOfContact, List<HandlingAgreement> agreements) {
        this(sectors, dependents, organisations, pointsOfContact, agreements, Map.of());
    }

    public Directory(Map<String, Sector> sectors, Map<String, Set<String>> dependents, Map<String, Organisation> organisations,
                     Map<String, PointOfContact> pointsOfContact, List<HandlingAgreement> agreements, Map<String, Person> people) {
        this(sectors, dependents, organisations, pointsOfContact, agreements, Map.of(), Map.of(), people);
    }

    private static <T> Map<String, List<T>> group(java.util.Collection<T> items, java.util.function.Function<T, String> key) {
        Map<String, List<T>> grouped = new java.util.HashMap<>();
        for (T item : items) {
            grouped.computeIfAbsent(key.apply(item), k -> new java.util.ArrayList<>()).add(item);
        }
        grouped.replaceAll((k, v) -> List.copyOf(v));
        return java.util.Collections.unmodifiableMap(grouped);
    }

    private static String parties(String provider, String recipient) {
        return provider + '\u0000' + recipient;
    }

    public Optional<Organisation> organisation(String id) {
        return Optional.ofNullable(organisations.get(id));
    }

    public Optional<PointOfContact> pointOfContact(String id) {
        return Optional.ofNullable(pointsOfContact.get(id));
    }

    /** The organisation's POCs in directory order, standby ones included. */
    public List<PointOfContact> pointsOfContactOf(String organisationId) {
        return contactsByOrganisation.getOrDefault(organisationId, List.of());
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
        return agreementsByParties.getOrDefault(parties(provider, recipient), List.of());
    }

    /** Sectors that depend on {@code sectorId}; empty when none are listed. */
    public Set<String> dependentsOf(String sectorId) {
        return dependents.getOrDefault(sectorId, Set.of());
    }

    public Optional<Person> person(String id) {
        return Optional.ofNullable(people.get(id));
    }

    /** The person an OpenID Connect provider authenticated, by issuer and subject only. */
    public Optional<Person> personWithLogin(OidcIdentity login) {
        return people.values().stream().filter(p -> p.oidc().filter(login::equals).isPresent()).findFirst();
    }

    /** The person whose login e-mail this is (any case). */
    public Optional<Person> personWithEmail(String email) {
        return people.values().stream().filter(p -> p.email().filter(email::equalsIgnoreCase).isPresent()).findFirst();
    }

    /** The people who act for a point of contact, in directory order. */
    public List<Person> peopleOf(String pocId) {
        return people.values().stream().filter(p -> p.pocId().equals(pocId)).toList();
    }

    /** The single NISC organisation. */
    public Organisation nisc() {
        return organisationsOfKind(OrganisationKind.NISC).get(0);
    }

    /** This directory: it never changes. */
    @Override
    public Directory get() {
        return this;
    }
}
