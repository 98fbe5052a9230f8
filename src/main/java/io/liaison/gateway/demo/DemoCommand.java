package io.liaison.gateway.demo;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: lives with the demo, so the production jar (without this package) still starts. */
@Command(name = "demo", description = "Run the whole chain against in-process SMTP/IMAP and SMPP servers, then exit"
        + " (with --console: keep running with the console and the API until Ctrl-C).")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", description = "Write every e-mail (.eml) and SMS (.txt) the servers received to DIR.")
    Path out;

    @Option(names = "--console", description = "After the story, keep the gateway running with the web console and the API"
            + " on 127.0.0.1 and print one demo user per role with an API token; stop with Ctrl-C.")
    boolean console;

    @Option(names = "--port", defaultValue = "8480", description = "With --console: the console's and API's port (default ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws Exception {
        if (!console) {
            return new Demo(System.out).run(Optional.ofNullable(out)) ? 0 : 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // Ctrl-C: the console and the gateway close themselves (routes stopped, database closed) before the JVM goes.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-console-stop"));
        try {
            Properties console = new Properties();
            console.setProperty("gateway.http.port", String.valueOf(port));
            return runConsole(System.out, Optional.ofNullable(out), console, DemoIdentityProvider.SAMPLE_PORT, stop, http -> { }) ? 0 : 1;
        } finally {
            closed.countDown();
        }
    }

    /** The story, then the console until {@code stop}; {@code started} hears of the server once it listens (tests). */
    static boolean runConsole(java.io.PrintStream printed, Optional<Path> outDir, Properties overrides, int identityProviderPort,
                              CountDownLatch stop,
                              java.util.function.Consumer<io.liaison.gateway.interfaces.http.GatewayHttpServer> started) throws Exception {
        // The sample directory's persons log in at http://127.0.0.1:8089/demo (DemoIdentityProvider.SAMPLE_PORT).
        try (DemoIdentityProvider provider = DemoIdentityProvider.start(identityProviderPort)) {
            java.nio.file.Path secret = java.nio.file.Files.createTempFile("liaison-demo-client", ".txt");
            try {
                // the demo provider accepts any client secret; a file keeps it off the command line all the same
                java.nio.file.Files.writeString(secret, "demo-client-secret\n");
                Properties console = new Properties();
                console.setProperty("gateway.console.oidc.providers", DemoIdentityProvider.ISSUER_ID);
                console.setProperty("gateway.console.oidc.demo.label", "Demo identity provider (user name only)");
                console.setProperty("gateway.console.oidc.demo.issuer", provider.issuer());
                console.setProperty("gateway.console.oidc.demo.client-id", "liaison-gateway-demo");
                console.setProperty("gateway.console.oidc.demo.client-secret-file", secret.toString());
                console.putAll(overrides);
                // loopback only: the demo's users log in by name and their tokens are printed
                console.setProperty("gateway.http.host", "127.0.0.1");
                printed.println("Demo identity provider (OpenID Connect): " + provider.issuer());
                return new Demo(printed).run(outDir, console, Optional.of(new DemoConsole(printed, stop, started)));
            } finally {
                java.nio.file.Files.deleteIfExists(secret);
            }
        }
    }
}
