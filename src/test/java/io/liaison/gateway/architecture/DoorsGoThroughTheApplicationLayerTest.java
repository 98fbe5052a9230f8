package io.liaison.gateway.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Doors ({@code interfaces.*}) reach the gateway through the application layer: they never refer to a
 * store, a dispatcher, Camel or the wiring's insides. Two kinds of exception, each listed here by class
 * so that nothing new slips in:
 * <ul>
 *   <li>the wiring entry a local command needs to start a gateway on this host: {@code app.Gateway},
 *       {@code app.GatewaySettings} and its exceptions (allowed to every door);</li>
 *   <li>commands that still read the ledger without starting a gateway (status, incident show, stats,
 *       audit verify/export), until the API or an operations use case serves them (issue 13 item 2:
 *       the acting ones become API clients).</li>
 * </ul>
 */
class DoorsGoThroughTheApplicationLayerTest {
    private static final String ROOT = DomainPackagesNeverReachUpTest.ROOT;
    private static final Set<String> WIRING_ENTRY = Set.of(ROOT + "app/Gateway", ROOT + "app/GatewaySettings",
            ROOT + "app/GatewaySettings$SettingsException", ROOT + "app/Gateway$Builder",
            // host-local wiring a command needs: the gateway's key files (keys check/announce), serve's
            // management port, and loading the demo-only classes by name (exercise --simulated)
            ROOT + "app/GatewayKeys", ROOT + "app/ManagementEndpoint", ROOT + "app/DemoOnly",
            // serve starts the HTTP doors; token create/list/revoke is local administration on the host
            ROOT + "app/HttpDoors", ROOT + "app/TokenAdministration",
            // serve's local administrator token file: serve writes it, token … reads it to reach serve's loopback door
            ROOT + "app/HttpDoors$Served", ROOT + "app/LocalAdministrator", ROOT + "app/LocalAdministrator$Published",
            ROOT + "app/TokenAdministration$HeldByServe",
            // value types of the token port that the API and token command show (to move beside the
            // application layer's values: a door should not name the store package at all)
            ROOT + "store/ApiToken", ROOT + "store/ApiTokenScope",
            // the same for the console's session records, kept through application.ConsoleSessions
            ROOT + "store/ConsoleSession", ROOT + "store/PendingLogin");

    /** Door class (internal name, without nested suffix) → the forbidden packages it may still reach, and why. */
    private static final Map<String, Set<String>> STILL_LOCAL = Map.of(
            ROOT + "interfaces/cli/StatusCommand", Set.of("store"),
            ROOT + "interfaces/cli/IncidentCommand", Set.of("store"),
            ROOT + "interfaces/cli/StatsCommand", Set.of("store"),
            // audit verify/export read the chain on the host; the VerifyAudit/ExportAudit use cases are to come
            ROOT + "interfaces/cli/AuditCommand", Set.of("store"));

    @Test
    void doorsReferToNoStoreDispatcherCamelOrWiringBeyondTheEntry() {
        Map<String, Set<String>> offences = new TreeMap<>();
        for (Path f : ClassReferences.classFiles(DomainPackagesNeverReachUpTest.CLASSES.resolve(ROOT + "interfaces"))) {
            String door = DomainPackagesNeverReachUpTest.CLASSES.relativize(f).toString().replace('\\', '/').replace(".class", "");
            String outer = door.contains("$") ? door.substring(0, door.indexOf('$')) : door;
            for (String ref : ClassReferences.of(f)) {
                String forbidden = forbidden(ref);
                if (forbidden == null || WIRING_ENTRY.contains(ref)
                        || STILL_LOCAL.getOrDefault(outer, Set.of()).contains(forbidden)) {
                    continue;
                }
                offences.computeIfAbsent(door, k -> new TreeSet<>()).add(ref);
            }
        }
        assertEquals(Map.of(), offences, "doors go through io.liaison.gateway.application (docs/seams.md §1)");
    }

    /** The forbidden area a reference falls in, or null. */
    private static String forbidden(String ref) {
        if (ref.startsWith("org/apache/camel/")) {
            return "camel";
        }
        if (!ref.startsWith(ROOT)) {
            return null;
        }
        String top = DomainPackagesNeverReachUpTest.topPackage(ref);
        return List.of("store", "dispatch", "app").contains(top) ? top : null;
    }
}
