package io.liaison.gateway.compose.openpgp;

import io.liaison.gateway.compose.HandlingMark;
import io.liaison.gateway.marking.Tlp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.bcpg.sig.NotationData;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;

/**
 * The handling marking as OpenPGP signature notations (RFC 9580 §5.2.3.24), in the hashed area so
 * they are covered by the signature: {@value #LEVEL} = the TLP label, {@value #REFERENCE} = the
 * reference number and, for exercises only, {@value #EXERCISE} = {@code yes}.
 *
 * <p>The notations are marked human-readable and not critical: a critical notation a reader does not
 * know makes the whole signature invalid there (GnuPG does exactly that), and the marking must not cost
 * a recipient the signature. GnuPG shows them with {@code --status-fd} as NOTATION_NAME/NOTATION_DATA.
 */
public final class HandlingNotations {
    public static final String LEVEL = "tlp@liaison-gateway";
    public static final String REFERENCE = "reference@liaison-gateway";
    public static final String EXERCISE = "exercise@liaison-gateway";

    private HandlingNotations() {
    }

    static PGPSignatureSubpacketGenerator add(HandlingMark mark, PGPSignatureSubpacketGenerator hashed) {
        hashed.addNotationData(false, true, LEVEL, mark.level().label());
        hashed.addNotationData(false, true, REFERENCE, mark.reference());
        if (mark.exercise()) {
            hashed.addNotationData(false, true, EXERCISE, "yes");
        }
        return hashed;
    }

    /** Every human-readable notation in the signature's hashed area, by name, in order. Unhashed ones are ignored: anyone can add those. */
    public static Map<String, List<String>> hashedNotations(PGPSignature signature) {
        Map<String, List<String>> notations = new LinkedHashMap<>();
        PGPSignatureSubpacketVector hashed = signature.getHashedSubPackets();
        if (hashed == null) {
            return notations;
        }
        for (NotationData notation : hashed.getNotationDataOccurrences()) {
            if (notation.isHumanReadable()) {
                notations.computeIfAbsent(notation.getNotationName(), k -> new ArrayList<>()).add(notation.getNotationValue());
            }
        }
        return notations;
    }

    /**
     * The marking in a signature, or empty when there is none or it is ambiguous (a notation given
     * twice, an unknown label): an unreadable marking is treated as no marking, never guessed at.
     */
    public static Optional<HandlingMark> read(PGPSignature signature) {
        Map<String, List<String>> notations = hashedNotations(signature);
        Optional<String> level = only(notations, LEVEL);
        Optional<String> reference = only(notations, REFERENCE);
        List<String> exercise = notations.getOrDefault(EXERCISE, List.of());
        if (level.isEmpty() || reference.isEmpty() || exercise.size() > 1
                || (exercise.size() == 1 && !exercise.get(0).equals("yes"))) {
            return Optional.empty();
        }
        Optional<Tlp> tlp = Tlp.parse(level.get());
        if (tlp.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new HandlingMark(tlp.get(), reference.get(), exercise.size() == 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> only(Map<String, List<String>> notations, String name) {
        List<String> values = notations.getOrDefault(name, List.of());
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }
}
