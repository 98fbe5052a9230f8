package io.liaison.gateway.interfaces.api;

import io.liaison.gateway.app.Main;
import io.liaison.gateway.testing.GatewayHarness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** The whole command line ({@code Main.run}) in this JVM, on a settings file of the harness's settings plus some, capturing what it prints. */
final class AdminCli {
    private AdminCli() {
    }

    record Result(int exitCode, String out, String err) {
    }

    /** Writes the harness's settings with {@code extra} to {@code file}, as a {@code --config} for the commands. */
    static Path config(GatewayHarness harness, Path file, Map<String, String> extra) throws IOException {
        Properties p = harness.overrides();
        extra.forEach(p::setProperty);
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "test settings");
        }
        return file;
    }

    static synchronized Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            System.out.flush();
            System.err.flush();
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
