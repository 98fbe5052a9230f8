package io.liaison.gateway.interfaces.management;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.liaison.gateway.directory.DirectoryReloader;
import io.liaison.gateway.directory.ReloadReport;
import io.liaison.gateway.metrics.HealthStatus;
import io.liaison.gateway.metrics.Observability;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management endpoint: {@code /health/live}, {@code /health/ready} (JSON) and {@code /metrics} (Prometheus
 * text format), on a port of its own. The JDK's HTTP server on one thread: a scraper and a health probe every
 * few seconds need no more, and it stays clear of the console's server.
 *
 * <p>Live answers 200 while the process serves HTTP at all. Ready answers 200 when every check is up and 503
 * otherwise, listing each check, so an orchestrator or a load balancer stops sending work to a gateway whose
 * database is gone or whose channel's breaker is open.
 *
 * <p>{@code POST /directory/reload} (what {@code directory reload} calls) reads the configured directory file
 * again and answers 200 with what is now in force, or 422 naming every problem (the old directory stays). It
 * takes no input, and is answered to loopback clients only, even when the endpoint listens beyond loopback.
 */
public final class ManagementServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";
    public static final String RELOAD_PATH = "/directory/reload";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Observability observability;
    private final Optional<DirectoryReloader> reloader;

    private ManagementServer(HttpServer server, ExecutorService executor, Observability observability,
                             Optional<DirectoryReloader> reloader) {
        this.server = server;
        this.executor = executor;
        this.observability = observability;
        this.reloader = reloader;
    }

    /** Binds and starts serving. @throws IOException when the address cannot be bound (the port is taken) */
    public static ManagementServer start(ManagementSettings settings, Observability observability) throws IOException {
        return start(settings, observability, Optional.empty());
    }

    /** @param reloader answers {@code POST /directory/reload}; empty = that path is not served */
    public static ManagementServer start(ManagementSettings settings, Observability observability,
                                         Optional<DirectoryReloader> reloader) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.address(), settings.port()), 16);
        } catch (IOException e) {
            throw new IOException("management endpoint: cannot listen on " + settings.address().getHostAddress() + ":"
                    + settings.port() + " (" + ManagementSettings.HOST + ", " + ManagementSettings.PORT + "): "
                    + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "management-http");
            t.setDaemon(true);
            return t;
        });
        ManagementServer management = new ManagementServer(server, executor, observability, reloader);
        server.setExecutor(executor);
        server.createContext("/", management::handle);
        server.start();
        return management;
    }

    /** The base address, e.g. {@code http://127.0.0.1:9464/}. */
    public URI address() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/");
    }

    /** The URL a Prometheus server scrapes. */
    public URI metricsUrl() {
        return address().resolve("metrics");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (exchange.getRequestURI().getPath().equals(RELOAD_PATH) && reloader.isPresent()) {
                reload(exchange);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, JSON, "{\"error\":\"only GET and HEAD\"}");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/metrics" -> send(exchange, 200, PROMETHEUS_TEXT, observability.prometheusText());
                case "/health/live" -> send(exchange, 200, JSON, "{\"status\":\"UP\"}");
                case "/health/ready" -> ready(exchange);
                default -> send(exchange, 404, JSON, "{\"error\":\"not found; try /health/live, /health/ready or /metrics\"}");
            }
        } catch (RuntimeException e) {
            // The exchange is closed; the scraper sees a dropped answer and the operator reads why here.
            LOG.error("management endpoint: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
        }
    }

    private void reload(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            send(exchange, 405, TEXT, "POST to reload the directory\n");
            return;
        }
        if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
            send(exchange, 403, TEXT, "the directory is reloaded from this host only\n");
            return;
        }
        ReloadReport report = reloader.orElseThrow().reload("management endpoint");
        send(exchange, report.accepted() ? 200 : 422, TEXT, report.describe() + "\n");
    }

    private void ready(HttpExchange exchange) throws IOException {
        List<HealthStatus> checks = observability.readiness();
        boolean up = checks.stream().allMatch(HealthStatus::up);
        send(exchange, up ? 200 : 503, JSON, readinessJson(up, checks));
    }

    static String readinessJson(boolean up, List<HealthStatus> checks) {
        StringBuilder json = new StringBuilder("{\"status\":\"").append(up ? "UP" : "DOWN").append("\",\"checks\":[");
        for (int i = 0; i < checks.size(); i++) {
            HealthStatus c = checks.get(i);
            json.append(i == 0 ? "" : ",").append("{\"name\":").append(quoted(c.name()))
                    .append(",\"status\":\"").append(c.up() ? "UP" : "DOWN").append("\",\"detail\":")
                    .append(quoted(c.detail())).append('}');
        }
        return json.append("]}").toString();
    }

    static String quoted(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        q.append(String.format("\\u%04x", (int) ch));
                    } else {
                        q.append(ch);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
