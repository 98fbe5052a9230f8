package io.liaison.gateway.marking;

import java.util.Arrays;
import java.util.Optional;

/** FIRST Traffic Light Protocol 2.0 handling levels, ordered from least to most restrictive. */
public enum Tlp {
    CLEAR("TLP:CLEAR", "制限なし（公開可）"),
    GREEN("TLP:GREEN", "コミュニティ内限り"),
    AMBER("TLP:AMBER", "組織内及び顧客限り（知る必要のある者）"),
    AMBER_STRICT("TLP:AMBER+STRICT", "組織内限り（知る必要のある者）"),
    RED("TLP:RED", "受信者個人限り・共有禁止");

    private final String label;
    private final String japanese;

    Tlp(String label, String japanese) {
        this.label = label;
        this.japanese = japanese;
    }

    /** The TLP 2.0 label in capitals, e.g. {@code TLP:AMBER+STRICT}. */
    public String label() {
        return label;
    }

    /** The Japanese reading shown beside the label, since recipients read both. */
    public String japanese() {
        return japanese;
    }

    /** Label and Japanese together, as shown in subjects and banners. */
    public String display() {
        return label + "（" + japanese + "）";
    }

    /** True when an agreement or permission covering {@code this} level also covers {@code level}. */
    public boolean covers(Tlp level) {
        return compareTo(level) >= 0;
    }

    /** Whether the level lets a recipient pass the information to other organisations at all. */
    public boolean allowsOnwardToOtherOrganisations() {
        return this == CLEAR || this == GREEN || this == AMBER;
    }

    /** Strict parse of a TLP 2.0 label; TLP 1.0's WHITE is not a 2.0 label and is refused. */
    public static Optional<Tlp> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        return Arrays.stream(values()).filter(v -> v.label.equals(t)).findFirst();
    }

    /** The accepted labels, for error messages. */
    public static String acceptedLabels() {
        return String.join(", ", Arrays.stream(values()).map(Tlp::label).toList());
    }
}
