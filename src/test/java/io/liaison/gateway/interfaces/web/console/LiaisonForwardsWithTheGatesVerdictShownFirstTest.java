package io.liaison.gateway.interfaces.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.intake.NoticeFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * METI's liaison opens a notice NISC sent to METI alone, asks to forward it to the power CEPTOAR and
 * first sees the gate's verdict (who would get it, on which channel) with nothing sent; then forwards it
 * once. The duty officer's console hears the change on /console/events as it happens; the confirm button
 * records the liaison's confirmation.
 */
class LiaisonForwardsWithTheGatesVerdictShownFirstTest {
    @TempDir
    Path work;

    private static final String NOTICE = "kind: provision\nlevel: TLP:AMBER\nfrom: nisc-duty\ntitle: 省庁向け情報提供 / For the ministry\n"
            + "summary: 省庁向け\nbody: |\n  本文\ntarget:\n  organisations: [meti]\n";

    @Test
    void verdictFirstThenForwardOnceAndTheBoardHearsIt() throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(work)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest events = HttpRequest.newBuilder(URI.create(console.server.baseUrl() + "/console/events"))
                    .header(ConsoleFixture.PERSON_HEADER, "sato").build();
            HttpResponse<Stream<String>> stream = http.send(events, HttpResponse.BodyHandlers.ofLines());
            assertEquals("text/event-stream", stream.headers().firstValue("Content-Type").orElse(""));
            CompletableFuture<String> heard = CompletableFuture.supplyAsync(() ->
                    stream.body().filter(l -> l.startsWith("data:")).findFirst().orElse(""));

            String ref = console.gateway.application().sendNotice().send(console.gateway.application().actors().resolveLocal("sato"),
                    new NoticeFile("meti.yaml", NOTICE.getBytes(StandardCharsets.UTF_8))).reference();
            assertTrue(heard.get(60, TimeUnit.SECONDS).contains(ref), "the duty officer's console hears the change");

            HttpResponse<String> verdict = console.post("yamada", "/notices/" + ref + "/forward",
                    ConsoleFixture.form("step", "preview", "to", "power-ceptoar"));
            assertEquals(200, verdict.statusCode(), verdict.body());
            assertTrue(verdict.body().contains("power-ceptoar"), verdict.body());
            assertEquals(1, hops(console, ref), "the verdict sends nothing");

            String key = ConsoleFixture.hidden(verdict.body(), "key");
            var send = ConsoleFixture.form("step", "send", "key", key, "to", "power-ceptoar");
            assertEquals(200, console.post("yamada", "/notices/" + ref + "/forward", send).statusCode());
            assertEquals(200, console.post("yamada", "/notices/" + ref + "/forward", send).statusCode());
            assertEquals(2, hops(console, ref), "forwarded once, however often the form was sent");

            HttpResponse<String> confirmed = console.post("yamada", "/notices/" + ref + "/confirm", ConsoleFixture.form("note", "確認"));
            assertEquals(200, confirmed.statusCode(), confirmed.body());
            assertTrue(console.get("sato", "/notices/" + ref).body().contains("meti-liaison"));
            stream.body().close();
        }
    }

    private static int hops(ConsoleFixture console, String ref) {
        return console.gateway.application().noticeStatus().detail(console.gateway.application().actors().resolveLocal("sato"), ref)
                .chain().size();
    }
}
