package io.liaison.gateway.reshare;

/** What a removed piece of text was, and what stands in its place, in the language of the field it was in. */
public enum IdentifierKind {
    REPORTER("（報告者）", "(the reporter)"),
    OTHER_ORGANISATION("他の事業者", "another operator"),
    POINT_OF_CONTACT("［担当窓口］", "[point of contact]"),
    PERSON("［担当者名］", "[person]"),
    EMAIL("［メールアドレス］", "[e-mail address]"),
    PHONE("［電話・FAX番号］", "[phone/fax number]"),
    URL("［URL］", "[URL]"),
    HOST("［ホスト名］", "[host name]"),
    IP("［IPアドレス］", "[IP address]"),
    MAC("［MACアドレス］", "[MAC address]"),
    PATH("［パス］", "[path]"),
    FILE_NAME("［ファイル名］", "[file name]"),
    KEY("［鍵指紋］", "[key fingerprint]"),
    INCIDENT_ID("［事案番号］", "[incident id]"),
    IDENTIFIER("［識別子］", "[identifier]"),
    NAMED_BY_NISC("［削除］", "[removed]"),
    OMITTED("(省略)", "(omitted)");

    private final String japanese;
    private final String english;

    IdentifierKind(String japanese, String english) {
        this.japanese = japanese;
        this.english = english;
    }

    /** The placeholder written where the identifier was; REPORTER is replaced by the sector phrase instead. */
    public String placeholder(boolean japaneseText) {
        return japaneseText ? japanese : english;
    }
}
