package io.liaison.gateway.interfaces.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code api …} in this JVM with an environment of the test's choosing, capturing what it prints. */
public final class ApiClientCommandAccess {
    private ApiClientCommandAccess() {
    }

    public record Result(int exitCode, String out, String err) {
    }

    public static synchronized Result run(Map<String, String> env, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        ApiClientCommand.environment = env::get;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new ApiClientCommand()).execute(args);
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            ApiClientCommand.environment = System::getenv;
        }
    }
}
