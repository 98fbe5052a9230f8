package io.liaison.gateway.reshare;

import io.liaison.gateway.intake.NoticeKind;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The two grounds on which NISC may re-share voluntarily provided information (seed 001 §4, DOMAIN.md flow 9).
 * A threat endangers others now, so it goes as an urgent early warning straight to the sectors; a vulnerability
 * is something others may share and fix in their own time, so it goes as a normal provision along the chain.
 */
public enum Grounds {
    VULNERABILITY("vulnerability", "脆弱性", "他の事業者等も共有しうる穴やバグ",
            "a hole or bug others may share", NoticeKind.PROVISION),
    THREAT("threat", "脅威", "他の事業者等に危険が及ぶ攻撃・脅威・災害",
            "an attack, threat or disaster that endangers others", NoticeKind.EARLY_WARNING);

    private final String code;
    private final String shortJapanese;
    private final String japanese;
    private final String english;
    private final NoticeKind kind;

    Grounds(String code, String shortJapanese, String japanese, String english, NoticeKind kind) {
        this.code = code;
        this.shortJapanese = shortJapanese;
        this.japanese = japanese;
        this.english = english;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public String shortJapanese() {
        return shortJapanese;
    }

    /** "脆弱性 — 他の事業者等も共有しうる穴やバグ / vulnerability: a hole or bug others may share". */
    public String describe() {
        return shortJapanese + " — " + japanese + " / " + code + ": " + english;
    }

    /** The kind of notice the re-share goes out as. */
    public NoticeKind kind() {
        return kind;
    }

    public static Optional<Grounds> parse(String text) {
        return Arrays.stream(values()).filter(g -> g.code.equals(text)).findFirst();
    }

    /** For error messages: every accepted value with what it means. */
    public static String accepted() {
        return Arrays.stream(values()).map(g -> g.code + " (" + g.english + ")").collect(Collectors.joining(", "));
    }
}
