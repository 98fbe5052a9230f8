package io.liaison.gateway.interfaces.http;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of {@code serve} and {@code demo --console}. Every answer carries the security headers;
 * bodies are limited before they are read whole; whatever escapes a handler becomes a problem detail
 * (500 without the cause's text, which may name internals; the cause is logged).
 */
public final class GatewayHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayHttpServer.class);

    /** A part of the site (the API, the console) adding its routes. */
    @FunctionalInterface
    public interface Door {
        void mount(Vertx vertx, Router router);
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final String baseUrl;

    private GatewayHttpServer(Vertx vertx, HttpServer server, String baseUrl) {
        this.vertx = vertx;
        this.server = server;
        this.baseUrl = baseUrl;
    }

    public static GatewayHttpServer start(HttpSettings settings, List<Door> doors) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(8));
        try {
            Router router = Router.router(vertx);
            router.route().order(-1000).handler(new SecurityHeaders(settings.tls().isPresent()));
            router.get("/health").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                    .end("{\"status\":\"up\"}"));
            BodyHandler body = BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()).setHandleFileUploads(false);
            for (HttpMethod m : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
                router.route().method(m).order(-900).handler(body);
            }
            doors.forEach(d -> d.mount(vertx, router));
            router.route().last().handler(ctx -> Problem.notFound("no such page or endpoint").send(ctx));
            router.route().failureHandler(GatewayHttpServer::failed);

            HttpServerOptions options = new HttpServerOptions().setHost(settings.host()).setPort(settings.port())
                    .setMaxFormAttributeSize(settings.maxBodyBytes()).setCompressionSupported(false);
            settings.tls().ifPresent(tls -> {
                options.setSsl(true).setKeyCertOptions(new PfxOptions().setPath(tls.keyStore().toString()).setPassword(tls.password()));
                if (tls.clientCertificates() != HttpSettings.ClientAuth.NONE) {
                    tls.trustStore().ifPresent(t -> options.setTrustOptions(new PfxOptions().setPath(t.toString()).setPassword(tls.password())));
                    options.setClientAuth(tls.clientCertificates() == HttpSettings.ClientAuth.REQUIRE
                            ? io.vertx.core.http.ClientAuth.REQUIRED : io.vertx.core.http.ClientAuth.REQUEST);
                }
            });
            HttpServer server = vertx.createHttpServer(options).requestHandler(router)
                    .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            String scheme = settings.tls().isPresent() ? "https" : "http";
            String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
            String baseUrl = scheme + "://" + host + ":" + server.actualPort();
            LOG.info("console and API listening on {}", baseUrl);
            return new GatewayHttpServer(vertx, server, baseUrl);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("the HTTP server could not listen on " + settings.host() + ":" + settings.port()
                    + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
    }

    private static void failed(RoutingContext ctx) {
        Throwable t = ctx.failure();
        if (t instanceof Problem.Raised raised) {
            raised.problem().send(ctx);
            return;
        }
        int status = ctx.statusCode();
        if (status == 413) {
            Problem.of(413, "body-too-large", "Request body too large",
                    "the body is larger than this gateway accepts (gateway.http.max-body-bytes); nothing was stored").field("body").send(ctx);
        } else if (status >= 400 && status < 500) {
            Problem.of(status, "invalid-request", "The request is not valid", "HTTP " + status + "; nothing was stored").send(ctx);
        } else {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), t);
            Problem.of(500, "internal-error", "Internal error",
                    "the gateway could not complete the request; the error is logged with the time").send(ctx);
        }
    }

    /** {@code http://127.0.0.1:PORT}, as the console's URL is printed. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.actualPort();
    }

    public Vertx vertx() {
        return vertx;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("the HTTP server did not stop cleanly: {}", e.toString());
        }
    }
}
