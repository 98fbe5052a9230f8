package io.liaison.gateway.inbound;

import io.liaison.gateway.compose.HandlingMark;
import io.liaison.gateway.compose.openpgp.HandlingNotations;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPImplementation;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.api.OpenPGPMessageGenerator;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;

/**
 * Builds inbound mail as a point of contact's client would: an inner MIME entity (text and the
 * machine-readable YAML), signed with the POC's key and encrypted to the gateway's certificate, in a
 * PGP/MIME envelope. Each step is separate so tests and the corpus generator can break exactly one.
 */
public final class InboundMail {
    public static final Path SAMPLE = Path.of("keys-sample");
    public static final String GATEWAY_ADDRESS = "gateway@nisc.sample.invalid";
    private static final OpenPGPImplementation IMPL = OpenPgpGatewayKey.implementation();

    private InboundMail() {
    }

    /** A sample POC's unprotected secret key, as the POC's own software holds it. */
    public static OpenPgpGatewayKey pocKey(String pocId) {
        return key(SAMPLE.resolve("secret/" + pocId + ".sec.asc"));
    }

    public static OpenPgpGatewayKey key(Path file) {
        try {
            return OpenPgpGatewayKey.load(file, PassphraseSource.fromEnvironment("UNUSED_FOR_UNPROTECTED_KEYS"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot load " + file, e);
        }
    }

    public static OpenPGPCertificate gatewayCertificate() {
        return certificate(SAMPLE.resolve("gateway/gateway.asc"));
    }

    public static OpenPGPCertificate certificate(Path file) {
        try {
            return new OpenPGPKeyReader(IMPL).parseCertificate(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An inner entity: multipart/mixed with a short text and the YAML document; extra headers go on the entity. */
    public static byte[] inner(String yaml, Map<String, String> entityHeaders) {
        String boundary = "inner-7f3a";
        StringBuilder b = new StringBuilder();
        entityHeaders.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
        b.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
        b.append("--").append(boundary).append("\r\n");
        b.append("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
        b.append("受領しました / see the attached report.\r\n");
        b.append("--").append(boundary).append("\r\n");
        b.append("Content-Type: application/yaml; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
        b.append(yaml.replace("\r\n", "\n").replace("\n", "\r\n"));
        b.append("\r\n--").append(boundary).append("--\r\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] inner(String yaml) {
        return inner(yaml, Map.of());
    }

    /** The one-pass-signed packets of the entity, uncompressed and unarmored, so a test can alter bytes inside. */
    public static byte[] signedPackets(byte[] entity, OpenPgpGatewayKey signer, Instant at) {
        try {
            OpenPGPMessageGenerator generator = new OpenPGPMessageGenerator(IMPL).setArmored(false)
                    .setCompressionNegotiator((g, p) -> CompressionAlgorithmTags.UNCOMPRESSED);
            signer.addAsSigner(generator, at);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream o = generator.open(out)) {
                o.write(entity);
            }
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * As {@link #signedPackets}, with the gateway's handling mark bound as hashed notations, as a client
     * that knows the gateway's notations (or another gateway) would sign.
     */
    public static byte[] signedPacketsWithMark(byte[] entity, OpenPgpGatewayKey signer, Instant at, HandlingMark mark) {
        try {
            OpenPGPMessageGenerator generator = new OpenPGPMessageGenerator(IMPL).setArmored(false)
                    .setCompressionNegotiator((g, p) -> CompressionAlgorithmTags.UNCOMPRESSED);
            signer.addAsSigner(generator, at, hashed -> {
                hashed.addNotationData(false, true, HandlingNotations.LEVEL, mark.level().label());
                hashed.addNotationData(false, true, HandlingNotations.REFERENCE, mark.reference());
                if (mark.exercise()) {
                    hashed.addNotationData(false, true, HandlingNotations.EXERCISE, "yes");
                }
                return hashed;
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream o = generator.open(out)) {
                o.write(entity);
            }
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A literal-data-only OpenPGP message (no signature). */
    public static byte[] unsignedPackets(byte[] entity) {
        try {
            OpenPGPMessageGenerator generator = new OpenPGPMessageGenerator(IMPL).setArmored(false)
                    .setCompressionNegotiator((g, p) -> CompressionAlgorithmTags.UNCOMPRESSED);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream o = generator.open(out)) {
                o.write(entity);
            }
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Encrypts ready-made OpenPGP packets (SEIPDv1, AES-256) to each certificate's encryption keys; armored. */
    public static String encrypt(byte[] packets, List<OpenPGPCertificate> recipients, Instant at) {
        try {
            PGPDataEncryptorBuilder data = IMPL.pgpDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256);
            data.setWithIntegrityPacket(true);
            PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(data);
            for (OpenPGPCertificate c : recipients) {
                for (OpenPGPCertificate.OpenPGPComponentKey k : c.getEncryptionKeys(Date.from(at))) {
                    generator.addMethod(IMPL.publicKeyKeyEncryptionMethodGenerator(k.getPGPPublicKey()));
                }
            }
            ByteArrayOutputStream armored = new ByteArrayOutputStream();
            try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(armored);
                 OutputStream encrypted = generator.open(armor, new byte[OpenPGPMessageGenerator.BUFFER_SIZE])) {
                encrypted.write(packets);
            }
            return armored.toString(StandardCharsets.US_ASCII);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String armor(byte[] packets) {
        try {
            ByteArrayOutputStream armored = new ByteArrayOutputStream();
            try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(armored)) {
                armor.write(packets);
            }
            return armored.toString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signed by {@code signer} and encrypted to the gateway. */
    public static String signedForGateway(byte[] entity, OpenPgpGatewayKey signer, Instant at) {
        return encrypt(signedPackets(entity, signer, at), List.of(gatewayCertificate()), at);
    }

    /** The outer headers of a message; {@link #extra} are added after the standard ones, in order. */
    public static final class Envelope {
        String from;
        String subject = "Re: [TLP:AMBER] reply";
        Instant date;
        String messageId;
        final Map<String, String> extra = new LinkedHashMap<>();

        public Envelope(String from, Instant date, String messageId) {
            this.from = from;
            this.date = date;
            this.messageId = messageId;
        }

        public Envelope subject(String s) {
            this.subject = s;
            return this;
        }

        /** A Subject written as one RFC 2047 encoded-word whatever it holds, line breaks included. */
        public Envelope encodedSubject(String s) {
            this.subject = null;
            extra.put("Subject", "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "?=");
            return this;
        }

        public Envelope header(String name, String value) {
            extra.put(name, value);
            return this;
        }

        /** Leaves out a header added before, as a marking stripped in transit. */
        public Envelope without(String name) {
            extra.remove(name);
            return this;
        }

        /** The header section, CRLF-terminated, without the Content-Type. */
        public String headers() {
            StringBuilder b = new StringBuilder();
            b.append("From: ").append(from).append("\r\n");
            b.append("To: ").append(GATEWAY_ADDRESS).append("\r\n");
            if (subject != null) {
                try {
                    b.append("Subject: ").append(MimeUtility.fold(9, MimeUtility.encodeText(subject, "UTF-8", "B"))).append("\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (date != null) {
                b.append("Date: ").append(new MailDateFormat().format(Date.from(date))).append("\r\n");
            }
            if (messageId != null) {
                b.append("Message-ID: ").append(messageId).append("\r\n");
            }
            extra.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
            b.append("MIME-Version: 1.0\r\n");
            return b.toString();
        }
    }

    /** The PGP/MIME envelope (RFC 3156 §4) around an armored OpenPGP message. */
    public static byte[] pgpMime(Envelope envelope, String armored) {
        return pgpMime(envelope, "application/pgp-encrypted", "application/pgp-encrypted", "application/octet-stream", armored, true);
    }

    /** As {@link #pgpMime(Envelope, String)} with every type chosen, and optionally without the closing boundary. */
    public static byte[] pgpMime(Envelope envelope, String protocol, String firstType, String secondType, String armored,
                                 boolean closed) {
        String boundary = "pgp-mime-91c2";
        StringBuilder b = new StringBuilder(envelope.headers());
        b.append("Content-Type: multipart/encrypted; protocol=\"").append(protocol).append("\"; boundary=\"").append(boundary)
                .append("\"\r\n\r\n");
        b.append("This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)\r\n");
        b.append("--").append(boundary).append("\r\nContent-Type: ").append(firstType).append("\r\n\r\nVersion: 1\r\n\r\n");
        b.append("--").append(boundary).append("\r\nContent-Type: ").append(secondType).append("; name=\"encrypted.asc\"\r\n\r\n");
        b.append(armored.replace("\r\n", "\n").replace("\n", "\r\n"));
        if (closed) {
            b.append("\r\n--").append(boundary).append("--\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A single-part message with the given Content-Type and body. */
    public static byte[] simple(Envelope envelope, String contentType, String body) {
        return (envelope.headers() + "Content-Type: " + contentType + "\r\n\r\n" + body.replace("\r\n", "\n").replace("\n", "\r\n"))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** YAML of an acknowledgement. */
    public static String ack(String reference) {
        return "liaison: 1\ntype: acknowledgement\nreference: " + reference + "\nnote: 受領しました\n";
    }

    /** YAML of a fragmentary first report: only what is mandatory. */
    public static String fragmentaryReport(String incident) {
        return "liaison: 1\ntype: incident-report\nincident: " + incident + "\ncontact:\n  person: 山田 (SOC当番)\n"
                + "  means:\n    - phone: \"+81312340001\"\n    - email: soc@east-power.sample.invalid\n";
    }

    /** YAML of a full report. */
    public static String fullReport(String incident) {
        return fragmentaryReport(incident)
                + "tlp: TLP:AMBER\nsummary: 制御系サーバの不審な通信\n"
                + "trigger:\n  category: cyber-attack\n  case: attack-detected\n"
                + "event_type: malware-infection\ncauses: [suspicious-mail, system-vulnerability]\n"
                + "affected_system:\n  hardware: SCADA server HX-200\n  software: GridView\n  version: \"4.2\"\n  patch_state: 2026-10 patch not applied\n"
                + "response:\n  measures: 該当サーバをネットワークから隔離\n  contacted: [power-ceptoar, npa]\n"
                + "spread: 同一製品を使う他の電力事業者に波及のおそれ\nnotes: 続報予定\ndo_not_share: true\n";
    }

    /** Bytes with the first occurrence of {@code from} replaced by {@code to} (same length keeps packet framing intact). */
    public static byte[] replaceOnce(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        if (f.length != t.length) {
            throw new IllegalArgumentException("replacement must keep the length");
        }
        outer:
        for (int i = 0; i + f.length <= bytes.length; i++) {
            for (int k = 0; k < f.length; k++) {
                if (bytes[i + k] != f[k]) {
                    continue outer;
                }
            }
            byte[] copy = bytes.clone();
            System.arraycopy(t, 0, copy, i, t.length);
            return copy;
        }
        throw new IllegalArgumentException("not found: " + from);
    }

    static List<OpenPGPCertificate> certificates(OpenPgpRecipientCertificate... certs) {
        List<OpenPGPCertificate> out = new ArrayList<>();
        for (OpenPgpRecipientCertificate c : certs) {
            out.add(c.certificate());
        }
        return out;
    }
}
