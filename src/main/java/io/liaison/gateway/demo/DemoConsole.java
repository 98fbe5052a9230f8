package io.liaison.gateway.demo;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.app.HttpDoors;
import io.liaison.gateway.app.ManagementEndpoint;
import io.liaison.gateway.application.Actor;
import io.liaison.gateway.application.ApiTokens;
import io.liaison.gateway.application.PersonId;
import io.liaison.gateway.application.Via;
import io.liaison.gateway.interfaces.http.GatewayHttpServer;
import io.liaison.gateway.store.ApiTokenScope;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * {@code demo --console}: after the story, the gateway keeps running with its console and API (and the management
 * endpoint) on loopback until {@code stop} is counted down (Ctrl-C), so the story's notices can be looked at as
 * each role sees them. Every demo person gets an API token for {@code curl}; they live in the demo's throw-away
 * database and are printed because nothing here is real (the sample keys, DEMO MODE on every message).
 */
final class DemoConsole implements Demo.Afterwards {
    /** One person per role the console serves differently (keys-sample/directory.yaml). */
    static final List<DemoUser> USERS = List.of(
            new DemoUser("sato", "NISC duty officer / NISC 当番"),
            new DemoUser("kimura", "NISC approver (re-shares, four eyes) / NISC 承認者"),
            new DemoUser("yamada", "METI liaison (forwards to the power CEPTOAR) / 経済産業省 連絡担当"),
            new DemoUser("ito", "Power CEPTOAR coordinator (relays to members) / 電力CEPTOAR"),
            new DemoUser("nakamura", "East Power SOC (confirms, files 第N報) / 東電力 SOC"),
            new DemoUser("kobayashi", "West Power SOC / 西電力 SOC"));
    static final Duration TOKEN_VALIDITY = Duration.ofDays(1);

    record DemoUser(String person, String role) {
    }

    private final PrintStream out;
    private final CountDownLatch stop;
    private final Consumer<GatewayHttpServer> started;

    DemoConsole(PrintStream out, CountDownLatch stop, Consumer<GatewayHttpServer> started) {
        this.out = out;
        this.stop = stop;
        this.started = started;
    }

    @Override
    public void run(Gateway gateway, GatewaySettings settings) throws Exception {
        try (ManagementEndpoint management = ManagementEndpoint.start(ManagementEndpoint.settings(settings), gateway);
             GatewayHttpServer http = HttpDoors.start(gateway, settings)) {
            String base = http.baseUrl();
            out.println();
            out.println("== The console: the story's notices as each role sees them ==");
            out.println("Console: " + base + "/  (log in at " + base + "/login)");
            out.println("API:     " + base + "/api/v1/  (OpenAPI: " + base + "/api/openapi.json)");
            management.announce(out);
            out.println("Log in as one of these demo users (the demo's identity provider asks for the user name only):");
            ApiTokens tokens = HttpDoors.tokens(gateway);
            Actor admin = gateway.application().actors().resolveLocal("nisc-duty");
            String firstToken = null;
            for (DemoUser user : USERS) {
                Actor actor = gateway.application().actors().resolvePerson(new PersonId(user.person()), Via.API_TOKEN);
                String token = tokens.issue(admin, actor.pocId(), Optional.of(user.person()), ApiTokenScope.ACT, TOKEN_VALIDITY,
                        "demo --console").text();
                firstToken = firstToken == null ? token : firstToken;
                out.printf("  %-10s %-60s API token: %s%n", user.person(), user.role(), token);
            }
            out.println("Try the API, e.g.:  curl -H 'Authorization: Bearer " + firstToken + "' " + base + "/api/v1/board");
            out.println("(demo tokens for this run only, valid " + TOKEN_VALIDITY.toHours() + " h, in the demo's throw-away database)");
            out.println("gateway running; stop with Ctrl-C");
            out.flush();
            started.accept(http);
            stop.await();
            out.println("stopping: console, API and gateway");
        }
    }
}
