package io.liaison.gateway.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.interfaces.http.GatewayHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code demo --console} tells the story, then keeps serving: /health answers, / sends a visitor to the login,
 * the API token printed for the NISC duty officer reads the duty board with the story's notices, and stopping
 * it lets the story's own verdict through.
 */
class DemoConsoleServesTheConsoleAndTheApiUntilStoppedTest {
    @Test
    void servesHealthRedirectsToLoginAndAPrintedTokenWorksUntilStopped() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<GatewayHttpServer> started = new CompletableFuture<>();
        Properties ports = new Properties();
        ports.setProperty("gateway.http.port", "0");
        ports.setProperty("gateway.management.port", "0");
        CompletableFuture<Boolean> story = CompletableFuture.supplyAsync(() -> {
            try {
                return DemoCommand.runConsole(out, Optional.empty(), ports, 0, stop, started::complete);
            } catch (Exception e) {
                started.completeExceptionally(e);
                throw new IllegalStateException(e);
            }
        });
        try {
            String base = started.get(240, TimeUnit.SECONDS).baseUrl();
            String text = printed.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("Console: " + base + "/"), text);
            assertTrue(text.contains("management: metrics at"), "the management URL is printed");
            for (String person : new String[] {"sato", "kimura", "yamada", "ito", "nakamura", "kobayashi"}) {
                assertTrue(Pattern.compile("(?m)^  " + person + " .*API token: lgw_").matcher(text).find(), person + " in\n" + text);
            }
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());

            HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(home.statusCode() == 302 || home.statusCode() == 303, "redirected, was " + home.statusCode() + " " + home.body());
            assertTrue(home.headers().firstValue("Location").orElse("").startsWith("/login"), home.headers().toString());

            Matcher sato = Pattern.compile("(?m)^  sato .*API token: (lgw_\\S+)").matcher(text);
            assertTrue(sato.find());
            HttpResponse<String> board = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/board"))
                    .header("Authorization", "Bearer " + sato.group(1)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, board.statusCode(), board.body());
            assertTrue(board.body().contains("NISC-"), board.body());
        } finally {
            stop.countDown();
        }
        assertTrue(story.get(120, TimeUnit.SECONDS), "the story's own checks passed:\n" + printed.toString(StandardCharsets.UTF_8));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("stopping: console, API and gateway"));
    }
}
