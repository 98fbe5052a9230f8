package io.liaison.gateway.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build check that keeps the in-process test servers out of the gateway's own code path: GreenMail
 * may be used only by the demo-only packages (demo, peers, bench), and those packages are reached only
 * from the commands that start them (demo, bench, exercise --simulated). A gateway started by serve,
 * send, forward or any other command never loads a GreenMail class or an in-process server.
 */
class DemoOnlyClassesStayOutOfTheGatewayTest {
    private static final Path SOURCES = Path.of("src/main/java/io/liaison/gateway");
    private static final Set<String> DEMO_ONLY = Set.of("demo", "peers", "bench");
    /** The command-line entry points that start a demo-only job; nothing else may name those packages. */
    private static final Set<String> ENTRY_POINTS = Set.of("app/Main.java", "exercise/ExerciseCommand.java");

    @Test
    void onlyTheDemoOnlyPackagesUseGreenMail() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : javaFiles()) {
            if (!demoOnly(f) && read(f).contains("com.icegreen")) {
                offenders.add(SOURCES.relativize(f).toString());
            }
        }
        assertEquals(List.of(), offenders, "GreenMail is for the demo and tests only");
    }

    @Test
    void theGatewayReachesTheDemoOnlyPackagesOnlyFromTheCommandsThatStartThem() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : javaFiles()) {
            String relative = SOURCES.relativize(f).toString().replace('\\', '/');
            String text = read(f);
            boolean names = text.contains("io.liaison.gateway.demo.") || text.contains("io.liaison.gateway.peers.");
            if (!demoOnly(f) && names && !ENTRY_POINTS.contains(relative)) {
                offenders.add(relative);
            }
        }
        assertEquals(List.of(), offenders, "only demo/bench/exercise --simulated may start in-process servers");
    }

    @Test
    void theCheckSeesTheSources() throws IOException {
        assertTrue(javaFiles().size() > 100, "run from the project folder");
        assertTrue(javaFiles().stream().anyMatch(f -> demoOnly(f) && read(f).contains("com.icegreen")),
                "the demo does use GreenMail, so the check above is looking at the right files");
    }

    private static boolean demoOnly(Path f) {
        return DEMO_ONLY.contains(SOURCES.relativize(f).getName(0).toString());
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> s = Files.walk(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
