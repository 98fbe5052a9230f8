package io.liaison.gateway.compose;

import io.liaison.gateway.keys.RecipientCertificate;
import jakarta.mail.internet.MimeBodyPart;
import java.time.Instant;
import java.util.Objects;

/**
 * A key rollover, outbound: content dated before {@code switchAt} is signed by the protector holding
 * the current gateway key, content dated at or after it by the one holding the next key. The date is
 * the one the composer signs with (its injected clock), so the switch happens on that clock and one
 * notice's fan-out is signed by one key throughout. Encryption is left to whichever protector signed.
 * Thread-safe as its two protectors are.
 */
public final class KeySwitchingProtector implements MessageProtector {
    private final MessageProtector before;
    private final MessageProtector after;
    private final Instant switchAt;

    public KeySwitchingProtector(MessageProtector before, MessageProtector after, Instant switchAt) {
        this.before = Objects.requireNonNull(before, "before");
        this.after = Objects.requireNonNull(after, "after");
        this.switchAt = Objects.requireNonNull(switchAt, "switchAt");
        if (before.kind() != after.kind()) {
            throw new IllegalArgumentException("a key switch between envelopes of two kinds: " + before.kind() + " and " + after.kind());
        }
    }

    /** The protector signing at {@code at}. */
    public MessageProtector at(Instant at) {
        return at.isBefore(switchAt) ? before : after;
    }

    @Override
    public ProtectionKind kind() {
        return before.kind();
    }

    @Override
    public boolean accepts(RecipientCertificate recipient) {
        return before.accepts(recipient);
    }

    @Override
    public PreparedContent prepare(MimeBodyPart content, Instant at) throws ProtectionException {
        MessageProtector signer = at(at);
        return new Switched(signer.prepare(content, at), signer);
    }

    @Override
    public PreparedContent prepare(MimeBodyPart content, HandlingMark mark, Instant at) throws ProtectionException {
        MessageProtector signer = at(at);
        return new Switched(signer.prepare(content, mark, at), signer);
    }

    @Override
    public PreparedContent prepareText(String text, HandlingMark mark, Instant at) throws ProtectionException {
        MessageProtector signer = at(at);
        return new Switched(signer.prepareText(text, mark, at), signer);
    }

    @Override
    public PreparedContent prepareText(String text, ProtectedHeaders headers, HandlingMark mark, Instant at)
            throws ProtectionException {
        MessageProtector signer = at(at);
        return new Switched(signer.prepareText(text, headers, mark, at), signer);
    }

    @Override
    public ProtectedBody protectFor(PreparedContent content, RecipientCertificate recipient) throws ProtectionException {
        if (!(content instanceof Switched switched)) {
            throw new IllegalArgumentException("content was not prepared by this protector: " + content);
        }
        return switched.signer().protectFor(switched.inner(), recipient);
    }

    /** Content signed by one of the two, remembering which, since only the signer can encrypt it. */
    private record Switched(PreparedContent inner, MessageProtector signer) implements PreparedContent {
        @Override
        public Instant at() {
            return inner.at();
        }
    }
}
