package io.liaison.gateway.compose;

import io.liaison.gateway.marking.NoticeMarking;
import io.liaison.gateway.marking.Tlp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that the marking a message shows (Subject, {@code X-TLP}, {@code X-Liaison-Reference},
 * {@code X-Liaison-Exercise}) is the marking signed inside it. The outer headers travel unprotected,
 * so a relay or an attacker can strip "TLP:RED" or turn it into "TLP:CLEAR"; the signed copy they
 * cannot change without breaking the signature. A message fails when the two disagree, when the
 * outer marking is missing, or when there is no valid signed marking at all: never "probably fine".
 */
public final class HandlingMarkCheck {
    /** Any TLP label, 1.0 or 2.0, so a smuggled "TLP:WHITE" in the Subject is seen too. */
    private static final Pattern ANY_LABEL =
            Pattern.compile("TLP:(?:AMBER\\+STRICT|CLEAR|WHITE|GREEN|AMBER|RED)", Pattern.CASE_INSENSITIVE);

    /** What disagreed. */
    public enum Problem {
        /** No signature by the expected signer verified, so there is nothing trustworthy to compare with. */
        SIGNATURE_NOT_VALID,
        /** The signature verified but binds no (readable) marking. */
        NOT_MARKED_IN_SIGNATURE,
        LEVEL_HEADER_MISSING,
        LEVEL_HEADER_DIFFERS,
        SUBJECT_LEVEL_MISSING,
        SUBJECT_LEVEL_DIFFERS,
        REFERENCE_HEADER_MISSING,
        REFERENCE_DIFFERS,
        EXERCISE_DIFFERS,
        /** The headers could not be read at all. */
        UNREADABLE_HEADERS
    }

    /**
     * The outcome: {@link #matches()} or the first problem found, with a detail fit for a quarantine
     * reason (it quotes only labels and references, never content).
     */
    public record Verdict(Optional<Problem> problem, String detail) {
        public Verdict {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
        }

        static Verdict ok(HandlingMark mark) {
            return new Verdict(Optional.empty(), "marking " + mark + " matches the signed marking");
        }

        static Verdict fail(Problem problem, String detail) {
            return new Verdict(Optional.of(problem), detail);
        }

        public boolean matches() {
            return problem.isEmpty();
        }
    }

    private HandlingMarkCheck() {
    }

    /** Compares the marking of {@code outer} (the message as received) with the one signed inside {@code opened}. */
    public static Verdict check(OpenedMessage opened, MimeMessage outer) {
        if (!opened.signatureValid()) {
            return Verdict.fail(Problem.SIGNATURE_NOT_VALID, "no valid signature by the expected signer");
        }
        if (opened.signedMark().isEmpty()) {
            return Verdict.fail(Problem.NOT_MARKED_IN_SIGNATURE, "the signature carries no handling marking");
        }
        return check(opened.signedMark().get(), outer);
    }

    /**
     * Compares the marking of {@code outer} with {@code signed}, a marking the caller has read from a
     * signature that verified (as the intake does for each reply whose signature binds one).
     */
    public static Verdict check(HandlingMark signed, MimeMessage outer) {
        try {
            return compare(signed, single(outer, NoticeMarking.HEADER_LEVEL), outer.getSubject(),
                    single(outer, NoticeMarking.HEADER_REFERENCE), single(outer, NoticeMarking.HEADER_EXERCISE));
        } catch (MessagingException e) {
            return Verdict.fail(Problem.UNREADABLE_HEADERS, "headers cannot be read");
        }
    }

    /** The comparison itself, on header values already extracted (null when absent). */
    public static Verdict compare(HandlingMark signed, String levelHeader, String subject, String referenceHeader,
                                  String exerciseHeader) {
        String label = signed.level().label();
        if (levelHeader == null) {
            return Verdict.fail(Problem.LEVEL_HEADER_MISSING, NoticeMarking.HEADER_LEVEL + " is missing; signed level is " + label);
        }
        Optional<Tlp> shown = Tlp.parse(levelHeader.trim());
        if (shown.isEmpty() || shown.get() != signed.level()) {
            return Verdict.fail(Problem.LEVEL_HEADER_DIFFERS, NoticeMarking.HEADER_LEVEL + " says " + printable(levelHeader)
                    + " but the signed level is " + label);
        }
        Set<String> inSubject = labelsIn(subject);
        if (inSubject.isEmpty()) {
            return Verdict.fail(Problem.SUBJECT_LEVEL_MISSING, "the Subject shows no TLP label; signed level is " + label);
        }
        if (!inSubject.equals(Set.of(label))) {
            return Verdict.fail(Problem.SUBJECT_LEVEL_DIFFERS, "the Subject shows " + String.join(", ", inSubject)
                    + " but the signed level is " + label);
        }
        if (referenceHeader == null) {
            return Verdict.fail(Problem.REFERENCE_HEADER_MISSING, NoticeMarking.HEADER_REFERENCE
                    + " is missing; signed reference is " + signed.reference());
        }
        if (!referenceHeader.trim().equals(signed.reference())) {
            return Verdict.fail(Problem.REFERENCE_DIFFERS, NoticeMarking.HEADER_REFERENCE + " says "
                    + printable(referenceHeader) + " but the signed reference is " + signed.reference());
        }
        boolean exerciseShown = exerciseHeader != null && exerciseHeader.trim().equalsIgnoreCase("yes");
        if (exerciseShown != signed.exercise()) {
            return Verdict.fail(Problem.EXERCISE_DIFFERS, signed.exercise()
                    ? "signed as an exercise but not marked as one" : "marked as an exercise but not signed as one");
        }
        return Verdict.ok(signed);
    }

    private static Set<String> labelsIn(String subject) {
        Set<String> labels = new LinkedHashSet<>();
        if (subject != null) {
            Matcher m = ANY_LABEL.matcher(subject);
            while (m.find()) {
                labels.add(m.group().toUpperCase(Locale.ROOT));
            }
        }
        return labels;
    }

    /** A header given twice is as good as none: which one would a reader believe? */
    private static String single(MimeMessage message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length != 1 ? null : values[0];
    }

    /** Header text quoted in a reason, cut short and without control characters. */
    private static String printable(String value) {
        String cleaned = value.replaceAll("\\p{Cntrl}", "?");
        return "\"" + (cleaned.length() > 40 ? cleaned.substring(0, 40) + "..." : cleaned) + "\"";
    }
}
