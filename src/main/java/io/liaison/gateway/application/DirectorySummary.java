package io.liaison.gateway.application;

import java.util.List;

/**
 * The directory as a reader sees it: organisations, their sectors and members, and their points of
 * contact with the kinds of channel each has. Addresses and numbers are shown to NISC only.
 */
public record DirectorySummary(List<OrganisationEntry> organisations) {
    public DirectorySummary {
        organisations = List.copyOf(organisations);
    }

    public record OrganisationEntry(String id, String kind, String name, List<String> sectors, List<String> members,
                                    List<ContactEntry> contacts) {
        public OrganisationEntry {
            sectors = List.copyOf(sectors);
            members = List.copyOf(members);
            contacts = List.copyOf(contacts);
        }
    }

    /** @param channels "email", "sms", "fax" — or with the address ("sms +8190…") for NISC */
    public record ContactEntry(String id, String name, String role, boolean standby, List<String> channels, boolean encrypted,
                               List<String> people) {
        public ContactEntry {
            channels = List.copyOf(channels);
            people = List.copyOf(people);
        }
    }
}
