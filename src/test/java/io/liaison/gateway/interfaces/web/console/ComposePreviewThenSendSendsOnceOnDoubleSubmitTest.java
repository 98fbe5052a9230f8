package io.liaison.gateway.interfaces.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.application.NoticeSummary;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NISC's duty officer composes an early warning, sees the preview (the exact recipients, the refusals
 * with reasons, the markings per channel) with nothing sent, then sends; the same form submitted again
 * (a double click, a reload) answers with the first notice and sends nothing twice. A form without a
 * title is refused naming the field, and nothing is stored.
 */
class ComposePreviewThenSendSendsOnceOnDoubleSubmitTest {
    @TempDir
    Path work;

    private static final String TITLE = "コンソールからの早期警戒 / Early warning from the console";

    @Test
    void previewShowsRecipientsAndSendingTwiceSendsOnce() throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(work)) {
            Map<String, List<String>> form = ConsoleFixture.form("step", "preview", "kind", "early-warning", "level", "TLP:AMBER",
                    "title", TITLE, "summary", "電力制御系への攻撃の兆候", "body", "本文 / body", "sectors", "electric-power");
            HttpResponse<String> preview = console.post("sato", "/compose", form);
            assertEquals(200, preview.statusCode(), preview.body());
            assertTrue(preview.body().contains("east-power") && preview.body().contains("power-ceptoar"), preview.body());
            assertTrue(preview.body().contains("TLP:AMBER"), "the markings per channel");
            assertEquals(0, sent(console).size(), "a preview sends nothing");

            String key = ConsoleFixture.hidden(preview.body(), "key");
            Map<String, List<String>> send = ConsoleFixture.form("step", "send", "key", key, "kind", "early-warning", "level", "TLP:AMBER",
                    "title", TITLE, "summary", "電力制御系への攻撃の兆候", "body", "本文 / body", "sectors", "electric-power");
            HttpResponse<String> first = console.post("sato", "/compose", send);
            HttpResponse<String> second = console.post("sato", "/compose", send);
            assertEquals(200, first.statusCode(), first.body());
            assertEquals(200, second.statusCode(), second.body());
            String reference = reference(first.body());
            assertEquals(reference, reference(second.body()), "the second submit shows the first notice");
            assertEquals(List.of(reference), sent(console).stream().map(NoticeSummary::reference).toList(), "sent once");
        }
    }

    @Test
    void aFormWithoutTitleIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(work)) {
            HttpResponse<String> r = console.post("sato", "/compose", ConsoleFixture.form("step", "send", "key",
                    "console-00000000-0000-0000-0000-000000000001", "kind", "early-warning", "summary", "s", "body", "b",
                    "sectors", "electric-power"));
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("class=\"field\">title<"), r.body());
            assertEquals(0, sent(console).size());
        }
    }

    private static List<NoticeSummary> sent(ConsoleFixture console) {
        return console.gateway.application().noticeStatus().inbox(console.gateway.application().actors().resolveLocal("sato")).stream()
                .filter(n -> n.title().equals(TITLE)).toList();
    }

    private static String reference(String html) {
        Matcher m = Pattern.compile("class=\"reference\">([A-Z0-9-]+)<").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }
}
