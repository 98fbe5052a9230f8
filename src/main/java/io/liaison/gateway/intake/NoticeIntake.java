package io.liaison.gateway.intake;

import io.liaison.gateway.directory.Directory;
import java.util.function.Supplier;

/** The intake stage as the routes call it. */
public final class NoticeIntake {
    private final NoticeParser parser;

    public NoticeIntake(Supplier<Directory> directory) {
        this.parser = new NoticeParser(directory);
    }

    public NoticeDraft read(NoticeFile file) {
        return parser.parse(file.source(), file.yaml());
    }
}
