package io.liaison.gateway.reshare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.audit.AuditException;
import io.liaison.gateway.testing.GatewayHarness;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-share proposal and its audit entry are one transaction: when the trail cannot be written (here its
 * head row is gone, which the trail refuses to write past), no proposal is left that the record does not
 * show — an approver could otherwise approve, and send, something no entry says was ever proposed.
 */
class AReshareProposalIsStoredWithItsAuditEntryOrNotAtAllTest {
    @TempDir
    Path work;

    @Test
    void aProposalWhoseEntryCannotBeWrittenIsNotStored() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway g = h.gateway();
            Reports.fromEastPower(g, h.clock.instant(), Reports.fragmentary("EP-2026-0300", false) + "tlp: TLP:AMBER\n");
            execute(g, "DELETE FROM audit_head");

            assertThrows(AuditException.class, () -> g.reshare().propose(new ReshareRequest("east-power/EP-2026-0300",
                    Optional.empty(), Grounds.THREAT, Optional.empty(), List.of(), false, List.of())));
            assertEquals(0, count(g, "SELECT COUNT(*) FROM reshare_proposal"), "no proposal without its entry");
        }
    }

    private static void execute(Gateway g, String sql) throws Exception {
        try (Connection c = g.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(Gateway g, String sql) throws Exception {
        try (Connection c = g.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
