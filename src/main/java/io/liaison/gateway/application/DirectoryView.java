package io.liaison.gateway.application;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.Organisation;
import io.liaison.gateway.directory.PointOfContact;
import java.util.List;

/** The current directory, read-only. */
public final class DirectoryView {
    private final ApplicationParts parts;
    private final Guard guard;

    DirectoryView(ApplicationParts parts, Guard guard) {
        this.parts = parts;
        this.guard = guard;
    }

    public DirectorySummary view(Actor actor) {
        guard.require(actor, Action.VIEW_DIRECTORY, "directory");
        boolean addresses = guard.authorisation().seesEveryNotice(actor);
        Directory d = parts.directory().get();
        return new DirectorySummary(d.organisations().values().stream().map(o -> entry(d, o, addresses)).toList());
    }

    private static DirectorySummary.OrganisationEntry entry(Directory d, Organisation o, boolean addresses) {
        List<DirectorySummary.ContactEntry> contacts = d.pointsOfContactOf(o.id()).stream().map(p -> contact(d, p, addresses)).toList();
        return new DirectorySummary.OrganisationEntry(o.id(), o.kind().yamlName(), o.displayName(), o.sectors(), o.members(), contacts);
    }

    private static DirectorySummary.ContactEntry contact(Directory d, PointOfContact p, boolean addresses) {
        List<String> channels = p.channels().stream()
                .map(c -> addresses ? c.kind().yamlName() + " " + c.address() : c.kind().yamlName()).toList();
        List<String> people = d.peopleOf(p.id()).stream().map(x -> x.name() + " (" + x.role().yamlName() + ")").toList();
        return new DirectorySummary.ContactEntry(p.id(), p.name(), p.role(), p.standby(), channels, p.certificate().isPresent(), people);
    }
}
