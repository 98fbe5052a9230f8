package io.liaison.gateway.directory;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The directory in force. Loaded once at start and replaced whole by a reload; components that must follow
 * a reload (follow-ups, reminders, escalations, the inbound sender lookup, the gauges) hold this and read
 * {@link #get()} at each use rather than keeping the {@link Directory} they were built with. A reader sees
 * either the old directory or the new one, never a mix: the swap is one reference.
 */
public final class CurrentDirectory implements Supplier<Directory> {
    private final AtomicReference<Directory> current;

    public CurrentDirectory(Directory initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "directory"));
    }

    /** A holder that is never replaced, for tools and tests built on one directory. */
    public static CurrentDirectory fixed(Directory directory) {
        return new CurrentDirectory(directory);
    }

    @Override
    public Directory get() {
        return current.get();
    }

    /** Puts {@code next} in force (already validated whole by its loader); returns the one it replaced. */
    public Directory replace(Directory next) {
        return current.getAndSet(Objects.requireNonNull(next, "directory"));
    }
}
