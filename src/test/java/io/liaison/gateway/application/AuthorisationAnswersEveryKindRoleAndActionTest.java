package io.liaison.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.OrganisationKind;
import io.liaison.gateway.directory.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every cell the README shows (organisation kind × role × action) is what {@link Authorisation#decide}
 * answers for an actor of that kind and role; and the rules a reader relies on hold, stated here on
 * their own so that a change to the table that breaks one fails by name.
 */
class AuthorisationAnswersEveryKindRoleAndActionTest {
    private static final Authorisation TABLE = Authorisation.standard();

    static Stream<Arguments> everyCell() throws Exception {
        List<String> lines = AuthorisationTableIsTheReadmeTableTest.readmeTable().lines().toList();
        List<Arguments> cells = new ArrayList<>();
        List<Authorisation.Row> rows = TABLE.rows();
        for (Action action : Action.values()) {
            String line = lines.stream().filter(l -> l.startsWith("| " + action.description() + " |")).findFirst()
                    .orElseThrow(() -> new AssertionError("README has no line for " + action));
            String[] marks = line.substring(line.indexOf(" | ") + 3).split(" \\| ");
            assertEquals(rows.size(), marks.length, "cells in README line for " + action);
            for (int i = 0; i < rows.size(); i++) {
                cells.add(Arguments.of(rows.get(i).kind(), rows.get(i).role(), action, marks[i].strip().startsWith("✓")));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}: allowed={3}")
    @MethodSource("everyCell")
    void theReadmeCellIsTheAnswer(OrganisationKind kind, Role role, Action action, boolean allowed) {
        assertEquals(allowed ? Verdict.ALLOWED : Verdict.FORBIDDEN, TABLE.decide(actor(kind, role), action));
    }

    @Test
    void onlyANiscApproverApprovesAReshareAndOnlyTheDutyOfficerProposesOne() {
        for (Authorisation.Row r : TABLE.rows()) {
            boolean approver = r.kind() == OrganisationKind.NISC && r.role() == Role.APPROVER;
            boolean duty = r.kind() == OrganisationKind.NISC && r.role() == Role.DUTY_OFFICER;
            assertEquals(approver, r.allowed().contains(Action.APPROVE_RESHARE), r.toString());
            assertEquals(duty, r.allowed().contains(Action.PROPOSE_RESHARE), r.toString());
            assertEquals(duty, r.allowed().contains(Action.RESEND_DELIVERY), r.toString());
        }
    }

    @Test
    void operatorsNeverSendOrForwardAndReadersNeverAct() {
        for (Authorisation.Row r : TABLE.rows()) {
            if (r.kind() == OrganisationKind.OPERATOR || r.role() == Role.READER) {
                assertTrue(!r.allowed().contains(Action.SEND_NOTICE) && !r.allowed().contains(Action.FORWARD_NOTICE), r.toString());
            }
            if (r.role() == Role.READER) {
                assertTrue(Stream.of(Action.CONFIRM_NOTICE, Action.RESEND_DELIVERY, Action.FILE_INCIDENT_REPORT,
                        Action.APPROVE_RESHARE, Action.PROPOSE_RESHARE).noneMatch(r.allowed()::contains), r.toString());
            }
        }
    }

    @Test
    void aNoticeTheOrganisationDidNotReceiveIsNotFoundNeverForbidden() {
        Actor soc = actor(OrganisationKind.OPERATOR, Role.SOC);
        assertEquals(Verdict.NOT_FOUND, TABLE.decide(soc, Action.VIEW_NOTICE, false));
        assertEquals(Verdict.ALLOWED, TABLE.decide(soc, Action.VIEW_NOTICE, true));
        // what the table forbids is forbidden whether or not the notice exists: that reveals nothing
        assertEquals(Verdict.FORBIDDEN, TABLE.decide(soc, Action.FORWARD_NOTICE, false));
    }

    @Test
    void theGatewayItselfIsAllowedEverything() {
        for (Action a : Action.values()) {
            assertEquals(Verdict.ALLOWED, TABLE.decide(Actor.gateway(), a));
        }
    }

    @Test
    void everyRoleThatFitsAKindHasARow() {
        for (OrganisationKind kind : OrganisationKind.values()) {
            for (Role role : Role.values()) {
                if (role.fits(kind)) {
                    assertTrue(TABLE.rows().stream().anyMatch(r -> r.kind() == kind && r.role() == role), kind + " " + role);
                }
            }
        }
    }

    static Actor actor(OrganisationKind kind, Role role) {
        return new Actor(Optional.of(new PersonId("someone")), "a-poc", "an-org", kind, role, Via.CONSOLE);
    }
}
