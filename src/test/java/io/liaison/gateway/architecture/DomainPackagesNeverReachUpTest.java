package io.liaison.gateway.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The arrows of docs/seams.md §1, read from the compiled classes: the domain packages never refer to
 * the wiring ({@code app}), the application layer or the doors ({@code interfaces}). A domain class
 * that needs something of the wiring declares a port (as {@code exercise.ExerciseChain}) and the
 * wiring hands it in.
 */
class DomainPackagesNeverReachUpTest {
    static final Path CLASSES = Path.of("target/classes");
    static final String ROOT = "io/liaison/gateway/";
    static final Set<String> DOMAIN = Set.of("intake", "policy", "numbering", "marking", "compose", "dispatch", "track",
            "inbound", "reshare", "exercise", "stats", "directory", "keys", "store", "files", "yaml", "audit", "metrics", "events");
    static final Set<String> ABOVE_THE_DOMAIN = Set.of("app", "application", "interfaces");

    @Test
    void noDomainClassRefersToTheWiringTheApplicationLayerOrADoor() {
        List<String> offences = new ArrayList<>();
        for (Path f : ClassReferences.classFiles(CLASSES.resolve(ROOT))) {
            String owner = topPackage(CLASSES.relativize(f).toString().replace('\\', '/'));
            if (!DOMAIN.contains(owner)) {
                continue;
            }
            for (String ref : ClassReferences.of(f)) {
                if (ref.startsWith(ROOT) && ABOVE_THE_DOMAIN.contains(topPackage(ref))) {
                    offences.add(CLASSES.relativize(f) + " -> " + ref);
                }
            }
        }
        assertEquals(List.of(), offences, "domain packages must not import app, application or interfaces");
    }

    @Test
    void theReaderSeesAnArrowThatIsThere() {
        // the wiring refers to the domain; if the reader saw nothing, the check above would pass vacuously
        Set<String> refs = ClassReferences.of(CLASSES.resolve(ROOT + "app/Main.class"));
        assertTrue(refs.contains(ROOT + "interfaces/cli/SendCommand"), refs.toString());
        assertTrue(refs.contains("picocli/CommandLine"), refs.toString());
    }

    static String topPackage(String internalName) {
        String rest = internalName.substring(ROOT.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? "" : rest.substring(0, slash);
    }
}
