package io.liaison.gateway.interfaces.management;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;

/** Reads the management endpoint over real HTTP, as Prometheus and a health probe do. */
final class ManagementClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    ManagementClient(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String metrics() throws IOException, InterruptedException {
        HttpResponse<String> r = get("metrics");
        if (r.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** The value of one series, named with its labels as Prometheus prints them, e.g. {@code a_total{channel="sms"}}. */
    static OptionalDouble value(String exposition, String series) {
        return exposition.lines()
                .filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1).strip().split(" ")[0]))
                .findFirst();
    }

    double valueOf(String series) throws IOException, InterruptedException {
        String text = metrics();
        return value(text, series).orElseThrow(() -> new AssertionError("no series " + series + " in:\n" + text));
    }
}
