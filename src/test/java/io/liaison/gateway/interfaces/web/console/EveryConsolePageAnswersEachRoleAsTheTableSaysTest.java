package io.liaison.gateway.interfaces.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.intake.NoticeFile;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page × every role over HTTP: 200, 403 or 404 as the authorisation table and the notice's
 * recipients say. NISC's early warning went to the power sector: West Power's SOC (kobayashi) never
 * received it, and its page is a 404 exactly like a reference that does not exist. Without a session a
 * GET goes to the login and a POST is 401. Every page carries the strict CSP and no inline script or
 * style (checked by the fixture on every answer).
 */
class EveryConsolePageAnswersEachRoleAsTheTableSaysTest {
    @TempDir
    Path work;

    /** Columns: sato, kimura, yamada, ito, nakamura, kobayashi. */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("/board", "200 200 403 403 403 403");
        EXPECTED.put("/notices/{ref}", "200 200 200 200 200 404");
        EXPECTED.put("/notices/NISC-EW-2026-99999", "404 404 404 404 404 404");
        EXPECTED.put("/compose", "200 403 200 200 403 403");
        EXPECTED.put("/inbox", "200 200 200 200 200 200");
        EXPECTED.put("/incidents", "200 200 403 403 200 200");
        EXPECTED.put("/incidents/new", "403 403 403 403 200 200");
        EXPECTED.put("/incidents/east-power/INC-1", "404 404 403 403 404 404");
        EXPECTED.put("/quarantine", "200 403 403 403 403 403");
        EXPECTED.put("/reshare", "200 200 403 403 403 403");
        EXPECTED.put("/reshare/RS-0001", "404 404 403 403 403 403");
        EXPECTED.put("/reshare?state=all", "200 200 403 403 403 403");
        EXPECTED.put("/stats", "200 200 200 403 403 403");
        EXPECTED.put("/directory", "200 200 200 200 200 200");
    }

    @Test
    void everyPageAnswersEveryRoleAsTheTableSays() throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(work)) {
            String yaml = Files.readString(Path.of("keys-sample/notices/early-warning-power.yaml"));
            String ref = console.gateway.application().sendNotice().send(console.gateway.application().actors().resolveLocal("sato"),
                    new NoticeFile("ew.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))).reference();
            List<String> mismatches = new ArrayList<>();
            for (Map.Entry<String, String> row : EXPECTED.entrySet()) {
                String path = row.getKey().replace("{ref}", ref);
                String[] expected = row.getValue().split(" ");
                for (int i = 0; i < ConsoleFixture.PEOPLE.size(); i++) {
                    HttpResponse<String> r = console.get(ConsoleFixture.PEOPLE.get(i), path);
                    if (!String.valueOf(r.statusCode()).equals(expected[i])) {
                        mismatches.add(path + " as " + ConsoleFixture.PEOPLE.get(i) + ": expected " + expected[i] + ", got " + r.statusCode());
                    }
                }
                HttpResponse<String> anonymous = console.get(null, path);
                if (anonymous.statusCode() != 302 || !anonymous.headers().firstValue("Location").orElse("").startsWith("/login?next=")) {
                    mismatches.add(path + " without a session: expected 302 to /login, got " + anonymous.statusCode());
                }
            }
            assertEquals(List.of(), mismatches);

            // the 404 of a notice not received says nothing about it: the same page as for no notice at all
            String notReceived = console.get("kobayashi", "/notices/" + ref).body();
            assertTrue(!notReceived.contains(ref.substring(ref.length() - 5)) || !notReceived.contains("Signs of"), notReceived);
            assertEquals(401, console.post(null, "/notices/" + ref + "/confirm", ConsoleFixture.form()).statusCode());

            // each role's home
            assertEquals("/board", console.get("sato", "/").headers().firstValue("Location").orElse(""));
            assertEquals("/inbox", console.get("nakamura", "/").headers().firstValue("Location").orElse(""));
            // the header names who acts, and the TLP badge marks the notice
            String page = console.get("nakamura", "/notices/" + ref).body();
            assertTrue(page.contains("nakamura") && page.contains("east-power"), page);
            assertTrue(page.contains("class=\"tlp tlp-amber\""), page);
            // the assets are served by the gateway
            HttpResponse<String> css = console.get(null, "/assets/console.css");
            assertEquals(200, css.statusCode());
            assertEquals(200, console.get(null, "/assets/console.js").statusCode());
        }
    }
}
