package io.liaison.gateway.inbound.corpus;

import static io.liaison.gateway.inbound.ReasonCode.FORMAT_INVALID;
import static io.liaison.gateway.inbound.ReasonCode.FROM_SIGNER_MISMATCH;
import static io.liaison.gateway.inbound.ReasonCode.MARKING_CHANGED;
import static io.liaison.gateway.inbound.ReasonCode.UNKNOWN_SIGNER;
import static io.liaison.gateway.inbound.corpus.CorpusCase.of;
import static io.liaison.gateway.inbound.corpus.CorpusMail.concat;
import static io.liaison.gateway.inbound.corpus.CorpusMail.mixed;
import static io.liaison.gateway.inbound.corpus.CorpusMail.textPart;
import static io.liaison.gateway.inbound.corpus.CorpusMail.utf8;
import static io.liaison.gateway.inbound.corpus.CorpusMail.yamlPart;
import static io.liaison.gateway.inbound.corpus.Expected.accepted;
import static io.liaison.gateway.inbound.corpus.Expected.quarantined;
import static io.liaison.gateway.inbound.corpus.Expected.quarantinedTellingNobody;

import io.liaison.gateway.inbound.InboundMail;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Charset and Unicode tricks: unknown or lying charsets, invalid UTF-8, bidi overrides, homoglyph and
 * non-ASCII addresses in From, and look-alike characters (NFKC tricks) in reference numbers and labels.
 */
final class CharsetAndUnicodeCases implements CorpusCategory {
    @Override
    public String title() {
        return "charset and Unicode tricks";
    }

    @Override
    public List<CorpusCase> cases() {
        return List.of(
                yamlBytes("yaml-in-an-unknown-charset", quarantined(FORMAT_INVALID, "east-power-soc"), "x-corpus-unknown",
                        m -> utf8("# case: unknown-charset\n" + m.ack())),
                yamlBytes("yaml-with-invalid-utf8", quarantined(FORMAT_INVALID, "east-power-soc"), "UTF-8",
                        m -> concat(utf8("# case: invalid-utf8\n" + m.ack() + "# "), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}, utf8("\n"))),
                yamlBytes("yaml-with-an-overlong-utf8-slash", quarantined(FORMAT_INVALID, "east-power-soc"), "UTF-8",
                        m -> concat(utf8("# case: overlong\n" + m.ack() + "# "), new byte[] {(byte) 0xC0, (byte) 0xAF}, utf8("\n"))),
                yamlBytes("yaml-labelled-utf8-but-utf16", quarantined(FORMAT_INVALID, "east-power-soc"), "UTF-8",
                        m -> ("# case: utf16-lie\n" + m.ack()).getBytes(StandardCharsets.UTF_16)),
                yamlBytes("yaml-in-utf16-as-labelled", accepted(), "UTF-16",
                        m -> ("# case: utf16\n" + m.ack()).getBytes(StandardCharsets.UTF_16)),
                yamlBytes("yaml-in-iso-2022-jp-as-labelled", accepted(), "ISO-2022-JP",
                        m -> ("# case: iso-2022-jp\n" + m.ack()).getBytes(Charset.forName("ISO-2022-JP"))),
                yamlBytes("yaml-with-a-byte-order-mark", accepted(), "UTF-8",
                        m -> utf8("\uFEFF# case: bom\n" + m.ack())),
                ack("bidi-override-in-the-note", quarantined(FORMAT_INVALID, "east-power-soc"),
                        m -> m.ack().replace("note: 受領しました", "note: \"受領\u202Eしました\"")),
                ack("bidi-isolate-in-the-note", quarantined(FORMAT_INVALID, "east-power-soc"),
                        m -> m.ack().replace("note: 受領しました", "note: \"受領\u2067しました\u2069\"")),
                ack("nul-in-the-note", quarantined(FORMAT_INVALID, "east-power-soc"),
                        m -> m.ack().replace("note: 受領しました", "note: \"受領\\0しました\"")),
                ack("escape-sequence-in-the-note", quarantined(FORMAT_INVALID, "east-power-soc"),
                        m -> m.ack().replace("note: 受領しました", "note: \"\\e[2J\\e[31m受領しました\"")),
                report("bidi-override-in-a-report-summary", quarantined(FORMAT_INVALID, "east-power-soc"),
                        InboundMail.fullReport("CORPUS-BIDI-1").replace("summary: 制御系サーバの不審な通信", "summary: \"制御系\u202Eサーバ\"")),
                report("bidi-override-in-a-list-entry", quarantined(FORMAT_INVALID, "east-power-soc"),
                        InboundMail.fullReport("CORPUS-BIDI-2").replace("contacted: [power-ceptoar, npa]", "contacted: [\"npa\u202E\"]")),
                ack("line-breaks-and-tabs-in-the-note-are-text", accepted(),
                        m -> m.ack().replace("note: 受領しました", "note: \"受領\\tしました\\n確認済み\"")),
                report("bidi-override-in-the-incident-id", quarantined(FORMAT_INVALID, "east-power-soc"),
                        InboundMail.fragmentaryReport("EP\u202E1-TNEDICNI")),
                ack("fullwidth-letters-in-the-reference", quarantined(FORMAT_INVALID, "east-power-soc"),
                        m -> InboundMail.ack(m.reference.replace("NISC", "ＮＩＳＣ"))),
                ack("fullwidth-digits-in-the-reference", quarantined(FORMAT_INVALID, "east-power-soc"),
                        m -> InboundMail.ack(m.reference.replace("2026", "２０２６"))),
                ack("zero-width-space-in-the-reference", quarantined(FORMAT_INVALID, "east-power-soc"),
                        m -> InboundMail.ack(m.reference.replace("PR3", "PR\u200B3"))),
                ack("cyrillic-letter-in-the-reference", quarantined(FORMAT_INVALID, "east-power-soc"),
                        m -> InboundMail.ack(m.reference.replace("NISC", "NIS\u0421"))),
                ack("unicode-hyphen-in-the-reference", quarantined(FORMAT_INVALID, "east-power-soc"),
                        m -> InboundMail.ack(m.reference.replace("NISC-", "NISC\u2010"))),
                of("homoglyph-domain-in-from-raw-utf8", quarantinedTellingNobody(FROM_SIGNER_MISMATCH),
                        m -> m.pgp(m.envelope("SOC <soc@\u0435ast-power.sample.invalid>", "homoglyph-raw"), m.ackEntity("homoglyph-raw"), m.east)),
                of("homoglyph-domain-in-from-as-punycode", quarantinedTellingNobody(FROM_SIGNER_MISMATCH),
                        m -> m.pgp(m.envelope("SOC <soc@xn--ast-power-4ye.sample.invalid>", "homoglyph-puny"), m.ackEntity("homoglyph-puny"),
                                m.east)),
                of("non-ascii-local-part-in-from", quarantinedTellingNobody(FROM_SIGNER_MISMATCH),
                        m -> m.pgp(m.envelope("SOC <sóc@east-power.sample.invalid>", "non-ascii-local"), m.ackEntity("non-ascii-local"), m.east)),
                of("display-name-that-looks-like-easts-address", quarantinedTellingNobody(UNKNOWN_SIGNER),
                        m -> m.pgp(m.envelope("\"soc@east-power.sample.invalid\" <attacker@example.invalid>", "name-looks-like-address"),
                                m.ackEntity("name-looks-like-address"), m.keys.stranger)),
                of("encoded-word-display-name-hiding-easts-address", quarantinedTellingNobody(FROM_SIGNER_MISMATCH),
                        m -> m.pgp(m.envelope("=?UTF-8?B?" + Base64.getEncoder().encodeToString(utf8("SOC <soc@east-power.sample.invalid>"))
                                + "?= <attacker@example.invalid>", "encoded-name"), m.ackEntity("encoded-name"), m.east)),
                of("fullwidth-tlp-label-in-the-subject", quarantined(MARKING_CHANGED, "east-power-soc"),
                        m -> m.pgp(m.east("fullwidth-label").subject("Re: [ＴＬＰ：ＧＲＥＥＮ] reply"),
                                m.inner("fullwidth-label", m.ack() + "tlp: TLP:AMBER\n"), m.east)),
                of("lower-case-tlp-label-in-the-subject", quarantined(MARKING_CHANGED, "east-power-soc"),
                        m -> m.pgp(m.east("lower-label").subject("Re: [tlp:green] reply"),
                                m.inner("lower-label", m.ack() + "tlp: TLP:AMBER\n"), m.east)),
                of("subject-encoded-word-in-an-unknown-charset", accepted(),
                        m -> m.pgp(m.east("subject-unknown-charset").encodedSubject("x").header("Subject", "=?x-corpus?B?QUJD?="),
                                m.ackEntity("subject-unknown-charset"), m.east)),
                of("subject-encoded-word-of-invalid-utf8", accepted(),
                        m -> m.pgp(m.east("subject-invalid-utf8").encodedSubject("x").header("Subject", "=?UTF-8?B?wyj/?="),
                                m.ackEntity("subject-invalid-utf8"), m.east)),
                of("subject-in-raw-utf8", accepted(),
                        m -> m.pgp(m.east("subject-raw-utf8").encodedSubject("x").header("Subject", "Re: [TLP:AMBER] 受領しました"),
                                m.ackEntity("subject-raw-utf8"), m.east)),
                of("text-part-in-an-unknown-charset", accepted(),
                        m -> m.pgp(m.east("text-unknown-charset"), mixed("tu", "Content-Type: text/plain; charset=x-corpus-unknown\n\n???",
                                yamlPart("# case: text-unknown-charset\n" + m.ack())), m.east)));
    }

    private static CorpusCase ack(String name, Expected expected, Function<CorpusMail, String> yaml) {
        return of(name, expected, m -> m.pgp(m.east(name), m.inner(name, yaml.apply(m)), m.east));
    }

    private static CorpusCase report(String name, Expected expected, String yaml) {
        return of(name, expected, m -> m.pgp(m.east(name), m.inner(name, yaml), m.east));
    }

    /** The machine-readable part with exactly these bytes under the given charset label. */
    private static CorpusCase yamlBytes(String name, Expected expected, String charset, Function<CorpusMail, byte[]> body) {
        return of(name, expected, m -> m.pgp(m.east(name), concat(
                utf8("Content-Type: multipart/mixed; boundary=\"cs\"\r\n\r\n--cs\r\n" + textPart(name).replace("\n", "\r\n")
                        + "\r\n--cs\r\nContent-Type: application/yaml; charset=" + charset + "\r\nContent-Transfer-Encoding: binary\r\n\r\n"),
                body.apply(m), utf8("\r\n--cs--\r\n")), m.east));
    }
}
