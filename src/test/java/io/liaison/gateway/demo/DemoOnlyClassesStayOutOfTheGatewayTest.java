package io.liaison.gateway.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.DemoOnly;
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
 * The build check that keeps the in-process test servers out of the gateway's own code: GreenMail may
 * be used only by the demo-only packages (demo, peers, bench), and no other class names those packages
 * in its code. The commands that start them (demo, bench, exercise --simulated) name them only as
 * strings and load them when present, so liaison-gateway-server.jar, built without those packages and
 * without GreenMail, still starts, and a gateway started by any command never loads an in-process server.
 */
class DemoOnlyClassesStayOutOfTheGatewayTest {
    private static final Path SOURCES = Path.of("src/main/java/io/liaison/gateway");
    private static final Set<String> DEMO_ONLY = Set.of("demo", "peers", "bench");

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
    void onlyTheDemoOnlyPackagesUseTheMockIdentityProvider() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : javaFiles()) {
            if (!demoOnly(f) && read(f).contains("no.nav.security")) {
                offenders.add(SOURCES.relativize(f).toString());
            }
        }
        assertEquals(List.of(), offenders, "mock-oauth2-server (demo.DemoIdentityProvider) is left out of the server jar");
    }

    @Test
    void noGatewayClassNamesTheDemoOnlyPackagesExceptAsAString() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : javaFiles()) {
            String code = codeWithoutStringsOrComments(read(f));
            boolean names = DEMO_ONLY.stream().anyMatch(p -> code.contains("io.liaison.gateway." + p + "."));
            if (!demoOnly(f) && (names || code.contains("com.icegreen"))) {
                offenders.add(SOURCES.relativize(f).toString().replace('\\', '/'));
            }
        }
        assertEquals(List.of(), offenders,
                "the server jar has no demo, peers, bench or GreenMail classes: load them by name (app.DemoOnly)");
    }

    @Test
    void theStringCheckStillSeesAStaticReference() {
        String main = "class Main { // io.liaison.gateway.demo.Demo\n"
                + " String s = \"io.liaison.gateway.demo.DemoCommand\"; Object o = io.liaison.gateway.bench.BenchCommand.class; }";
        String code = codeWithoutStringsOrComments(main);
        assertTrue(code.contains("io.liaison.gateway.bench.BenchCommand"), code);
        assertFalse(code.contains("io.liaison.gateway.demo."), code);
    }

    @Test
    void theEntryPointsNameTheDemoOnlyClassesThatExist() {
        for (String name : List.of(DemoOnly.DEMO_COMMAND, DemoOnly.BENCH_COMMAND, DemoOnly.SIMULATED_EXERCISE)) {
            assertTrue(DemoOnly.find(name).isPresent(), name + " is named by the gateway but does not exist");
        }
    }

    @Test
    void theCheckSeesTheSources() throws IOException {
        assertTrue(javaFiles().size() > 100, "run from the project folder");
        assertTrue(javaFiles().stream().anyMatch(f -> demoOnly(f) && read(f).contains("com.icegreen")),
                "the demo does use GreenMail, so the check above is looking at the right files");
    }

    /** Source text with string literals, text blocks and comments blanked: what the compiler links. */
    private static String codeWithoutStringsOrComments(String source) {
        return source.replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"")
                .replaceAll("\"(?:\\\\.|[^\"\\\\\n])*\"", "\"\"")
                .replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("//[^\n]*", " ");
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
