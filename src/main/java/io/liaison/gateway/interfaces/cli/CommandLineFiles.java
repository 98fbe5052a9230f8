package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.intake.NoticeRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Reading what the command line names: notice files and durations such as 30s or 5m. */
final class CommandLineFiles {
    private CommandLineFiles() {}

    /** The file's bytes; a missing or unreadable file is a refusal naming it, as a bad notice is. */
    static byte[] readNotice(Path notice) {
        try {
            return Files.readAllBytes(notice);
        } catch (NoSuchFileException e) {
            throw new NoticeRejectedException(notice.toString(), List.of("no such file"));
        } catch (IOException e) {
            throw new NoticeRejectedException(notice.toString(), List.of("cannot be read: " + e.getMessage()));
        }
    }

    /** 30s / 5m / PT1M. */
    static Duration duration(String text) {
        return Duration.parse(text.startsWith("P") ? text : "PT" + text.toUpperCase(Locale.ROOT));
    }
}
