package io.liaison.gateway.application;

import static io.liaison.gateway.application.Action.APPROVE_RESHARE;
import static io.liaison.gateway.application.Action.CONFIRM_NOTICE;
import static io.liaison.gateway.application.Action.FILE_INCIDENT_REPORT;
import static io.liaison.gateway.application.Action.FORWARD_NOTICE;
import static io.liaison.gateway.application.Action.PREVIEW_NOTICE;
import static io.liaison.gateway.application.Action.PROPOSE_RESHARE;
import static io.liaison.gateway.application.Action.REJECT_RESHARE;
import static io.liaison.gateway.application.Action.RESEND_DELIVERY;
import static io.liaison.gateway.application.Action.REVIEW_QUARANTINE;
import static io.liaison.gateway.application.Action.SEND_NOTICE;
import static io.liaison.gateway.application.Action.VIEW_DIRECTORY;
import static io.liaison.gateway.application.Action.VIEW_DUTY_BOARD;
import static io.liaison.gateway.application.Action.VIEW_INBOX;
import static io.liaison.gateway.application.Action.VIEW_INCIDENT;
import static io.liaison.gateway.application.Action.VIEW_NOTICE;
import static io.liaison.gateway.application.Action.VIEW_RESHARE;
import static io.liaison.gateway.application.Action.VIEW_STATISTICS;

import io.liaison.gateway.directory.OrganisationKind;
import io.liaison.gateway.directory.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what: one table of (organisation kind × role) → actions, held here as data and printed
 * into the README by a test, so the README and the gateway cannot disagree. The answer for a notice is
 * NOT_FOUND, never FORBIDDEN, when the actor's organisation neither originated, passed on nor received
 * it: an operator must not learn that a notice it did not get exists.
 */
public final class Authorisation {
    /** One row of the table: a kind of organisation, a role in it, and what that role may do. */
    public record Row(OrganisationKind kind, Role role, Set<Action> allowed) {
        public Row {
            allowed = Collections.unmodifiableSet(EnumSet.copyOf(allowed));
        }
    }

    private static final Set<Action> READ = EnumSet.of(VIEW_NOTICE, VIEW_INBOX, VIEW_DIRECTORY);

    private static final Authorisation STANDARD = new Authorisation(List.of(
            row(OrganisationKind.NISC, Role.DUTY_OFFICER, SEND_NOTICE, PREVIEW_NOTICE, CONFIRM_NOTICE, RESEND_DELIVERY,
                    VIEW_INCIDENT, PROPOSE_RESHARE, VIEW_RESHARE, VIEW_DUTY_BOARD, REVIEW_QUARANTINE, VIEW_STATISTICS),
            row(OrganisationKind.NISC, Role.APPROVER, APPROVE_RESHARE, REJECT_RESHARE, VIEW_RESHARE, VIEW_INCIDENT, VIEW_DUTY_BOARD,
                    VIEW_STATISTICS),
            row(OrganisationKind.NISC, Role.READER, VIEW_DUTY_BOARD, VIEW_STATISTICS),
            row(OrganisationKind.MINISTRY, Role.LIAISON, SEND_NOTICE, PREVIEW_NOTICE, FORWARD_NOTICE, CONFIRM_NOTICE,
                    VIEW_STATISTICS),
            row(OrganisationKind.MINISTRY, Role.READER, VIEW_STATISTICS),
            row(OrganisationKind.AGENCY, Role.LIAISON, SEND_NOTICE, PREVIEW_NOTICE, FORWARD_NOTICE, CONFIRM_NOTICE),
            row(OrganisationKind.AGENCY, Role.READER),
            row(OrganisationKind.CEPTOAR, Role.COORDINATOR, SEND_NOTICE, PREVIEW_NOTICE, FORWARD_NOTICE, CONFIRM_NOTICE),
            row(OrganisationKind.CEPTOAR, Role.READER),
            row(OrganisationKind.COUNCIL, Role.COORDINATOR, SEND_NOTICE, PREVIEW_NOTICE, FORWARD_NOTICE, CONFIRM_NOTICE),
            row(OrganisationKind.COUNCIL, Role.READER),
            row(OrganisationKind.OPERATOR, Role.SOC, CONFIRM_NOTICE, FILE_INCIDENT_REPORT, VIEW_INCIDENT),
            row(OrganisationKind.OPERATOR, Role.READER, VIEW_INCIDENT)));

    private final List<Row> rows;
    private final Map<OrganisationKind, Map<Role, Set<Action>>> table = new EnumMap<>(OrganisationKind.class);

    private Authorisation(List<Row> rows) {
        this.rows = List.copyOf(rows);
        for (Row r : rows) {
            if (!r.role().fits(r.kind())) {
                throw new IllegalStateException("the table gives " + r.role() + " to " + r.kind() + ", which cannot hold it");
            }
            table.computeIfAbsent(r.kind(), k -> new EnumMap<>(Role.class)).put(r.role(), r.allowed());
        }
    }

    /** Every role can read what its organisation received and the directory; the row adds the rest. */
    private static Row row(OrganisationKind kind, Role role, Action... more) {
        Set<Action> allowed = EnumSet.copyOf(READ);
        allowed.addAll(List.of(more));
        return new Row(kind, role, allowed);
    }

    public static Authorisation standard() {
        return STANDARD;
    }

    /** The table's rows in order, for the README and the console's help page. */
    public List<Row> rows() {
        return rows;
    }

    /** ALLOWED or FORBIDDEN by the table alone; the gateway itself is allowed everything. */
    public Verdict decide(Actor actor, Action action) {
        if (actor.isGateway()) {
            return Verdict.ALLOWED;
        }
        Set<Action> allowed = table.getOrDefault(actor.kind(), Map.of()).getOrDefault(actor.role(), Set.of());
        return allowed.contains(action) ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    /**
     * For an action on one notice: FORBIDDEN by the table first (that reveals nothing about the notice),
     * then NOT_FOUND unless the notice exists for the actor's organisation ({@code visible}, from a
     * query scoped to the organisation).
     */
    public Verdict decide(Actor actor, Action action, boolean visible) {
        Verdict byTable = decide(actor, action);
        if (byTable != Verdict.ALLOWED) {
            return byTable;
        }
        return visible ? Verdict.ALLOWED : Verdict.NOT_FOUND;
    }

    /** NISC is the hub: it sees every notice; every other organisation only those it took part in. */
    public boolean seesEveryNotice(Actor actor) {
        return actor.isGateway() || actor.kind() == OrganisationKind.NISC;
    }

    /** The table as a Markdown table: one row per action, one column per organisation kind and role. */
    public String markdown() {
        StringBuilder md = new StringBuilder("| Action |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Row r : rows) {
            md.append(' ').append(r.kind().yamlName()).append(' ').append(r.role().yamlName()).append(" |");
            rule.append(":-:|");
        }
        md.append('\n').append(rule).append('\n');
        for (Action a : Action.values()) {
            List<String> cells = new ArrayList<>();
            for (Row r : rows) {
                cells.add(r.allowed().contains(a) ? "✓" : "·");
            }
            md.append("| ").append(a.description()).append(" | ").append(String.join(" | ", cells)).append(" |\n");
        }
        return md.toString();
    }
}
