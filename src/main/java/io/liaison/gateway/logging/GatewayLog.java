package io.liaison.gateway.logging;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the log is written: the one piece of state the loggers share. {@code app} sets it at start from
 * {@code gateway.log.format} and {@code gateway.log.file}; until then (and in tests that never set it) lines go
 * to standard error as text. Loggers made before a change write the new way from then on, so the order in which
 * classes are loaded does not matter.
 */
public final class GatewayLog {
    private static volatile Output output = Output.standardError(LogFormat.TEXT, ZoneId.systemDefault(), Clock.systemUTC());

    private GatewayLog() {
    }

    /**
     * Writes {@code format} to {@code file} (appended; standard error when empty) with JSON times in {@code zone}.
     * A file that cannot be opened is said once on standard error, and the lines go there instead (as before).
     */
    public static synchronized void configure(LogFormat format, Optional<Path> file, ZoneId zone) {
        configure(format, file, zone, Clock.systemUTC());
    }

    /** As {@link #configure(LogFormat, Optional, ZoneId)} on a given clock (tests). */
    public static synchronized void configure(LogFormat format, Optional<Path> file, ZoneId zone, Clock clock) {
        Objects.requireNonNull(format, "format");
        Output before = output;
        Output next = Output.standardError(format, zone, clock);
        if (file.isPresent()) {
            Path path = file.get().toAbsolutePath();
            try {
                next = new Output(format, zone, clock, new PrintStream(new FileOutputStream(path.toFile(), true), false,
                        StandardCharsets.UTF_8), path);
            } catch (IOException e) {
                System.err.println("setting gateway.log.file: cannot append to " + path + " (" + e.getMessage()
                        + "); logging to standard error");
            }
        }
        output = next;
        before.close();
    }

    /** Back to text on standard error, closing a log file (tests, and a stopped gateway). */
    public static synchronized void reset() {
        configure(LogFormat.TEXT, Optional.empty(), ZoneId.systemDefault(), Clock.systemUTC());
    }

    public static LogFormat format() {
        return output.format();
    }

    /** The file lines are appended to, if any. */
    public static Optional<Path> file() {
        return Optional.ofNullable(output.path());
    }

    static Clock clock() {
        return output.clock();
    }

    static void write(LogEvent e) {
        Output o = output;
        String line = o.format() == LogFormat.JSON ? LogLines.json(e, o.zone()) : LogLines.text(e, ZoneId.systemDefault());
        // one print per event: PrintStream locks per call, so concurrent events never share a line
        PrintStream target = o.file() != null ? o.file() : System.err;
        target.print(line);
        target.flush();
    }

    /** @param file null for standard error, looked up at each write (a test or the demo may replace it) */
    private record Output(LogFormat format, ZoneId zone, Clock clock, PrintStream file, Path path) {
        static Output standardError(LogFormat format, ZoneId zone, Clock clock) {
            return new Output(format, zone, clock, null, null);
        }

        void close() {
            if (file != null) {
                file.close();
            }
        }
    }
}
