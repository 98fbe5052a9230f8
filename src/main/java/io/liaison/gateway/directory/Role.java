package io.liaison.gateway.directory;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a person does for their point of contact. Held in the directory beside the person, never taken
 * from an identity provider's claims; each role belongs to the organisation kinds it makes sense for,
 * so a directory that makes an operator's analyst an "approver" is refused rather than half-believed.
 */
public enum Role {
    /** NISC's duty officer: sends notices, watches the duty board, resends, proposes re-shares. */
    DUTY_OFFICER(EnumSet.of(OrganisationKind.NISC)),
    /** A second NISC person who approves re-shares (four eyes: never the proposer). */
    APPROVER(EnumSet.of(OrganisationKind.NISC)),
    /** A ministry's (or agency's) liaison to NISC: forwards to its sectors' CEPTOARs, originates provisions. */
    LIAISON(EnumSet.of(OrganisationKind.MINISTRY, OrganisationKind.AGENCY)),
    /** A CEPTOAR's coordinator or the council's secretariat: relays to members, originates provisions. */
    COORDINATOR(EnumSet.of(OrganisationKind.CEPTOAR, OrganisationKind.COUNCIL)),
    /** An operator's security operations centre: confirms notices and files incident reports. */
    SOC(EnumSet.of(OrganisationKind.OPERATOR)),
    /** Reads what the organisation received; acts on nothing. */
    READER(EnumSet.allOf(OrganisationKind.class));

    private final Set<OrganisationKind> kinds;

    Role(Set<OrganisationKind> kinds) {
        this.kinds = kinds;
    }

    /** The organisation kinds a person with this role may belong to. */
    public Set<OrganisationKind> kinds() {
        return kinds;
    }

    public boolean fits(OrganisationKind kind) {
        return kinds.contains(kind);
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        return Arrays.stream(values()).filter(r -> r.yamlName().equals(text)).findFirst();
    }
}
