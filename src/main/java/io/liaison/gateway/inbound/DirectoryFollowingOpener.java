package io.liaison.gateway.inbound;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.keys.RecipientCertificate;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An opener whose registered certificates are the current directory's: after {@code directory reload} a sender
 * certificate added or changed is trusted, and one removed is not, from the next message on, without a restart.
 * The opener is rebuilt (certificates parsed once) only when the directory object itself is replaced, so the
 * per-message cost is one reference comparison.
 */
public final class DirectoryFollowingOpener implements InboundOpener {
    private final Supplier<Directory> directory;
    private final Function<List<RecipientCertificate>, InboundOpener> build;
    private final String format;
    private volatile Built current;

    private record Built(Directory from, InboundOpener opener) {
    }

    /** @param build makes the format's opener over the certificates registered in one directory */
    public DirectoryFollowingOpener(Supplier<Directory> directory, Function<List<RecipientCertificate>, InboundOpener> build) {
        this.directory = directory;
        this.build = build;
        this.current = make(directory.get());
        this.format = current.opener().format();
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public boolean recognises(ContentType outer) {
        return opener().recognises(outer);
    }

    @Override
    public OpenedInbound open(MimeMessage outer, Instant now) throws InboundRejection {
        return opener().open(outer, now);
    }

    private InboundOpener opener() {
        Directory now = directory.get();
        Built built = current;
        if (built.from() != now) {
            built = make(now);
            current = built;
        }
        return built.opener();
    }

    private Built make(Directory d) {
        return new Built(d, build.apply(InboundIntake.registeredCertificates(d)));
    }
}
