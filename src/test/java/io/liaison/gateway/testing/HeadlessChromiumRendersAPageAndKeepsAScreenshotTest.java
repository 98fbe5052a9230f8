package io.liaison.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The fixture itself: a real Chromium loads a page from a local server, reads it, and a screenshot is kept. */
class HeadlessChromiumRendersAPageAndKeepsAScreenshotTest {
    @RegisterExtension
    final HeadlessChromium browser = new HeadlessChromium();

    @Test
    void rendersJapaneseFromALocalServerAndKeepsAScreenshot() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(r -> r.response()
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .end("<!doctype html><title>当番</title><h1 id=\"h\">早期警戒 early warning</h1>"))
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            browser.driver().get("http://127.0.0.1:" + server.actualPort() + "/");
            assertEquals("当番", browser.driver().getTitle());
            assertEquals("早期警戒 early warning", browser.driver().findElement(By.id("h")).getText());
            Path shot = browser.screenshot("HeadlessChromium.fixture");
            assertTrue(Files.size(shot) > 1000, "a PNG of the page, not an empty file");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
