package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.testing.GatewayHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Camel routes come from inside the artifact, or from the absolute folder gateway.routes.dir names;
 * never from a routes/ folder that happens to be in the working directory (a route planted there would
 * run with every bean of the gateway).
 */
class RoutesLoadFromTheArtifactOrAnAbsoluteFolderOnlyTest {
    @TempDir
    Path work;

    @Test
    void aRoutesFolderInTheWorkingDirectoryIsNotRead() {
        assertTrue(Files.isDirectory(Path.of("routes")), "the tests run where a routes/ folder lies");
        assertEquals("classpath:routes/*.yaml", Gateway.routesPattern(settings(new Properties())));
    }

    @Test
    void theConfiguredAbsoluteFolderIsTheOneLoaded() throws Exception {
        Path folder = Files.createDirectories(work.resolve("routes"));
        // A route naming a bean the gateway does not have: Camel refuses to start it, so the start shows it was read.
        Files.writeString(folder.resolve("marker.yaml"), """
                - route:
                    id: marker
                    from:
                      uri: direct:marker
                      steps:
                        - bean:
                            ref: beanOnlyThisFolderNames
                """);
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Properties p = h.overrides();
            p.setProperty("gateway.routes.dir", folder.toAbsolutePath().toString());
            assertEquals("file:" + folder.toAbsolutePath().normalize() + "/*.yaml", Gateway.routesPattern(settings(p)));
            Exception e = assertThrows(Exception.class,
                    () -> Gateway.builder(GatewaySettings.load(Optional.empty(), p)).clock(h.clock).start().close());
            assertTrue(causes(e).contains("beanOnlyThisFolderNames"), causes(e));
        }
    }

    @Test
    void aRelativeRoutesFolderIsRefusedNamingTheSetting() {
        Properties p = new Properties();
        p.setProperty("gateway.routes.dir", "routes");
        GatewaySettings.SettingsException e = assertThrows(GatewaySettings.SettingsException.class,
                () -> Gateway.routesPattern(settings(p)));
        assertTrue(e.getMessage().contains("gateway.routes.dir") && e.getMessage().contains("absolute"), e.getMessage());
    }

    @Test
    void aClassPathThatAlsoHoldsTheWorkingDirectorysRoutesIsRefused() throws Exception {
        Path planted = Files.createDirectories(work.resolve("cwd/routes"));
        Files.writeString(planted.resolve("planted.yaml"), "- route:\n    from:\n      uri: timer:planted\n");
        try (java.net.URLClassLoader classes = new java.net.URLClassLoader(new java.net.URL[] {
                Path.of("target/classes").toUri().toURL(), work.resolve("cwd").toUri().toURL()}, null)) {
            GatewaySettings.SettingsException e = assertThrows(GatewaySettings.SettingsException.class,
                    () -> Gateway.routesPattern(settings(new Properties()), classes));
            assertTrue(e.getMessage().contains("routes/ found in 2 places"), e.getMessage());
        }
    }

    private static GatewaySettings settings(Properties p) {
        return GatewaySettings.load(Optional.empty(), p);
    }

    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" / ");
        }
        return all.toString();
    }
}
