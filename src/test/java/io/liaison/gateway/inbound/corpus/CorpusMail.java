package io.liaison.gateway.inbound.corpus;

import io.liaison.gateway.compose.HandlingMark;
import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundSmime;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.openpgp.api.OpenPGPDetachedSignatureGenerator;
import org.bouncycastle.openpgp.api.OpenPGPImplementation;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.api.OpenPGPSignature;
import org.bouncycastle.openpgp.api.SignatureParameters;
import org.bouncycastle.openpgp.api.OpenPGPMessageGenerator;

/**
 * The corpus's workshop: builds every message from the sample keys (keys-sample/) and the corpus clock,
 * as a point of contact's client or an attacker would, on top of the inbound test helpers
 * ({@link InboundMail}, {@link InboundSmime}). Everything is dated {@link #T}, ten minutes before the
 * gateway's "now", unless a case says otherwise.
 */
final class CorpusMail {
    static final Instant NOW = Instant.parse("2026-06-01T01:00:00Z");
    static final Instant T = NOW.minus(Duration.ofMinutes(10));
    static final String EAST = "East Power SOC <soc@east-power.sample.invalid>";
    static final String WEST = "West Power SOC <soc@west-power.sample.invalid>";
    static final String MIC = InboundSmime.MIC;
    static final String FSA = InboundSmime.FSA;
    private static final OpenPGPImplementation IMPL = OpenPgpGatewayKey.implementation();

    /** The notice sent to every organisation the acknowledgement cases speak for. */
    final String reference;
    /** A notice sent to east-power only. */
    final String eastOnlyReference;
    final OpenPgpGatewayKey east = InboundMail.pocKey("east-power-soc");
    final OpenPgpGatewayKey west = InboundMail.pocKey("west-power-soc");
    final OpenPgpGatewayKey niscDuty = InboundMail.pocKey("nisc-duty");
    final OpenPgpGatewayKey ceptoarDuty = InboundMail.pocKey("power-ceptoar-duty");
    final OpenPgpGatewayKey oldPower = InboundMail.pocKey("old-power-soc");
    final OpenPgpGatewayKey islandPower = InboundMail.pocKey("island-power-soc");
    final InboundSmime.Signer mic = InboundSmime.pocSigner("mic-liaison");
    final InboundSmime.Signer fsa = InboundSmime.pocSigner("fsa-liaison");
    final CorpusKeys keys;
    private final Map<String, Object> made = new HashMap<>();

    CorpusMail(String reference, String eastOnlyReference, CorpusKeys keys) {
        this.reference = reference;
        this.eastOnlyReference = eastOnlyReference;
        this.keys = keys;
    }

    /** Made once per run and shared by the steps of a case (an original and the replay that copies it). */
    @SuppressWarnings("unchecked")
    <V> V once(String key, Supplier<V> make) {
        return (V) made.computeIfAbsent(key, k -> make.get());
    }

    /** A Message-ID unique to the case (and to the step of the case). */
    static String messageId(String name) {
        return "<" + name + ".corpus@east-power.sample.invalid>";
    }

    InboundMail.Envelope envelope(String from, String name) {
        return new InboundMail.Envelope(from, T, messageId(name));
    }

    InboundMail.Envelope east(String name) {
        return envelope(EAST, name);
    }

    /** The inner entity of the reference implementation (text + YAML); the case name makes its content unique. */
    byte[] inner(String name, String yaml) {
        return InboundMail.inner("# case: " + name + "\n" + yaml);
    }

    byte[] inner(String name, String yaml, Map<String, String> entityHeaders) {
        return InboundMail.inner("# case: " + name + "\n" + yaml, entityHeaders);
    }

    String ack() {
        return InboundMail.ack(reference);
    }

    byte[] ackEntity(String name) {
        return inner(name, ack());
    }

    /** PGP/MIME, signed by {@code signer} and encrypted to the gateway in one OpenPGP message (RFC 3156 §6.2). */
    byte[] pgp(InboundMail.Envelope envelope, byte[] entity, OpenPgpGatewayKey signer) {
        return InboundMail.pgpMime(envelope, InboundMail.signedForGateway(entity, signer, T));
    }

    /** East's acknowledgement of the shared notice, exactly as a good client sends it. */
    byte[] goodAck(String name) {
        return pgp(east(name), ackEntity(name), east);
    }

    /** Encrypted to the gateway, signed by nobody. */
    byte[] unsignedPgp(InboundMail.Envelope envelope, byte[] entity) {
        return InboundMail.pgpMime(envelope, encrypt(InboundMail.unsignedPackets(entity)));
    }

    String encrypt(byte[] packets) {
        return InboundMail.encrypt(packets, List.of(InboundMail.gatewayCertificate()), T);
    }

    /** S/MIME: signed detached by {@code signer}, enveloped (AES-256-GCM) for the gateway. */
    byte[] smime(InboundMail.Envelope envelope, byte[] entity, InboundSmime.Signer signer) {
        return InboundSmime.reply(envelope, entity, signer, T);
    }

    /** OpenPGP packets signed by every key given, one after the other (one-pass signatures). */
    byte[] signedByEach(byte[] entity, Instant at, OpenPgpGatewayKey... signers) {
        return packets(entity, CompressionAlgorithmTags.UNCOMPRESSED, g -> {
            for (OpenPgpGatewayKey k : signers) {
                try {
                    k.addAsSigner(g, at);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    /** OpenPGP packets (literal data, compressed with {@code compression}), optionally signed. */
    static byte[] packets(byte[] entity, int compression, Consumer<OpenPGPMessageGenerator> signers) {
        return packets(out -> out.write(entity), compression, signers);
    }

    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Streams the content into the generator: a bomb's expansion is never held in memory here. */
    static byte[] packets(Writer content, int compression, Consumer<OpenPGPMessageGenerator> signers) {
        try {
            OpenPGPMessageGenerator generator = new OpenPGPMessageGenerator(IMPL).setArmored(false)
                    .setCompressionNegotiator((g, p) -> compression);
            signers.accept(generator);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream o = generator.open(out)) {
                content.writeTo(o);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed by east with the gateway's handling mark bound as hashed notations. */
    byte[] markedPgp(InboundMail.Envelope envelope, byte[] entity, HandlingMark mark) {
        return InboundMail.pgpMime(envelope, InboundMail.encrypt(InboundMail.signedPacketsWithMark(entity, east, T, mark),
                List.of(InboundMail.gatewayCertificate()), T));
    }

    /** Signed by east with one free-form hashed notation (as other OpenPGP clients may add). */
    byte[] notatedPgp(InboundMail.Envelope envelope, byte[] entity, String notation, String value) {
        byte[] packets = packets(entity, CompressionAlgorithmTags.UNCOMPRESSED, g -> {
            try {
                east.addAsSigner(g, T, hashed -> {
                    hashed.addNotationData(false, true, notation, value);
                    return hashed;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return InboundMail.pgpMime(envelope, encrypt(packets));
    }

    /** An armored detached OpenPGP signature over {@code entity} by a sample POC's key, dated {@code at}. */
    static String detachedSignature(byte[] entity, String pocId, Instant at) {
        try {
            OpenPGPKey key = new OpenPGPKeyReader(IMPL).parseKey(Files.readAllBytes(InboundMail.SAMPLE.resolve("secret/" + pocId + ".sec.asc")));
            List<OpenPGPSignature.OpenPGPDocumentSignature> signatures = new OpenPGPDetachedSignatureGenerator(IMPL)
                    .addSigningKey(key, new SignatureParameters.Callback() {
                        @Override
                        public SignatureParameters apply(SignatureParameters p) {
                            return p.setSignatureCreationTime(Date.from(at));
                        }
                    }).sign(new ByteArrayInputStream(entity));
            return InboundMail.armor(signatures.get(0).getSignature().getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 3156 §5 multipart/signed around {@code entity} (canonical, CRLF) and an armored detached signature. */
    static byte[] pgpMultipartSigned(byte[] entity, String armoredSignature) {
        String boundary = "pgp-signed-61";
        return concat(utf8("Content-Type: multipart/signed; micalg=pgp-sha512; protocol=\"application/pgp-signature\"; boundary=\""
                        + boundary + "\"\r\n\r\n--" + boundary + "\r\n"), entity,
                utf8("\r\n--" + boundary + "\r\nContent-Type: application/pgp-signature; name=\"signature.asc\"\r\n\r\n"
                        + armoredSignature.replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n--" + boundary + "--\r\n"));
    }

    /** The header section of {@code envelope} and a body of the given type, CRLF line ends. */
    static byte[] message(InboundMail.Envelope envelope, String contentType, String body) {
        return InboundMail.simple(envelope, contentType, body);
    }

    /** {@code bytes} with the first occurrence of {@code from} replaced by {@code to} (any length). */
    static byte[] replace(byte[] bytes, String from, String to) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = s.indexOf(from);
        if (at < 0) {
            throw new IllegalArgumentException("not found: " + from);
        }
        return (s.substring(0, at) + to + s.substring(at + from.length())).getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String base64Lines(byte[] data) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** An inner multipart/mixed of the given parts (each a full part: headers, empty line, body). */
    static byte[] mixed(String boundary, String... parts) {
        StringBuilder b = new StringBuilder("Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n");
        for (String p : parts) {
            b.append("--").append(boundary).append("\r\n").append(p.replace("\r\n", "\n").replace("\n", "\r\n")).append("\r\n");
        }
        b.append("--").append(boundary).append("--\r\n");
        return utf8(b.toString());
    }

    static String yamlPart(String yaml) {
        return "Content-Type: application/yaml; charset=UTF-8\n\n" + yaml;
    }

    static String textPart(String text) {
        return "Content-Type: text/plain; charset=UTF-8\n\n" + text;
    }
}
