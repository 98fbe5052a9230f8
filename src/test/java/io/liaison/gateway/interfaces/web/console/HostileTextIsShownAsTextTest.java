package io.liaison.gateway.interfaces.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.intake.NoticeFile;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notice whose title and body carry markup is shown as text on every page that shows it (the board,
 * the inbox, the notice): the escaping builder turns it into entities, and the fixture finds no inline
 * script. The labels exist in both languages and the switch goes only to a local page.
 */
class HostileTextIsShownAsTextTest {
    @TempDir
    Path work;

    private static final String HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    @Test
    void markupInANoticeIsEscapedOnEveryPage() throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(work)) {
            String yaml = "kind: early-warning\nlevel: TLP:RED\nfrom: nisc-duty\ntitle: \"" + HOSTILE.replace("'", "'")
                    + " & \\\"quoted\\\"\"\nsummary: s\nbody: |\n  \" style=\"color:red\" " + HOSTILE + "\ntarget:\n  sectors: [electric-power]\n";
            String ref = console.gateway.application().sendNotice().send(console.gateway.application().actors().resolveLocal("sato"),
                    new NoticeFile("hostile.yaml", yaml.getBytes(StandardCharsets.UTF_8))).reference();
            for (String path : new String[] {"/board", "/inbox", "/notices/" + ref}) {
                HttpResponse<String> r = console.get("sato", path);
                assertEquals(200, r.statusCode(), path);
                assertFalse(r.body().contains("<script>alert"), path + ": " + r.body());
                assertFalse(r.body().contains("<img src=x"), path);
                assertTrue(r.body().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), path + ": " + r.body());
            }
            assertTrue(console.get("sato", "/notices/" + ref).body().contains("class=\"tlp tlp-red\""));
        }
    }

    @Test
    void bothLanguagesHaveEveryLabelAndTheSwitchStaysLocal() throws Exception {
        Properties ja = new Properties();
        Properties en = new Properties();
        try (var a = getClass().getResourceAsStream("/console/console_ja.properties");
             var b = getClass().getResourceAsStream("/console/console_en.properties")) {
            ja.load(new java.io.InputStreamReader(a, StandardCharsets.UTF_8));
            en.load(new java.io.InputStreamReader(b, StandardCharsets.UTF_8));
        }
        assertEquals(new java.util.TreeSet<>(ja.stringPropertyNames()), new java.util.TreeSet<>(en.stringPropertyNames()));
        try (ConsoleFixture console = new ConsoleFixture(work)) {
            HttpResponse<String> to = console.get("sato", "/console/language?to=en&next=/board");
            assertEquals(303, to.statusCode());
            assertEquals("/board", to.headers().firstValue("Location").orElse(""));
            assertTrue(to.headers().firstValue("Set-Cookie").orElse("").startsWith(ConsoleDoor.LANGUAGE_COOKIE + "=en"));
            assertEquals("/", console.get("sato", "/console/language?to=en&next=//evil.example/").headers().firstValue("Location")
                    .orElse(""));
            assertTrue(console.get("sato", "/board", Map.of("Cookie", ConsoleDoor.LANGUAGE_COOKIE + "=en")).body().contains("Duty board"));
            assertTrue(console.get("sato", "/board").body().contains("当番ボード"));
        }
    }
}
