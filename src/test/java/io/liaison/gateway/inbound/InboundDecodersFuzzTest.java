package io.liaison.gateway.inbound;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.liaison.gateway.inbound.format.FormatException;
import io.liaison.gateway.inbound.format.InboundDocumentParser;
import io.liaison.gateway.inbound.openpgp.OpenPgpInboundOpener;
import io.liaison.gateway.inbound.smime.SmimeInboundOpener;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.SampleDirectory;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzz targets for every inbound decoder (docs/fuzzing.md). Each either returns or refuses with the
 * project's own typed rejection; anything else (an unexpected RuntimeException, OutOfMemoryError,
 * StackOverflowError) escapes and is a finding. Under plain {@code mvn test} each runs on its saved inputs
 * in {@code src/test/resources/io/liaison/gateway/inbound/InboundDecodersFuzzTestInputs/<method>/}.
 */
class InboundDecodersFuzzTest {
    private static final Instant NOW = MutableClock.sampleDay().instant();
    private static final InboundLimits LIMITS = InboundLimits.defaults();
    private static final int MAX_PART = InboundSettings.defaults().maxPartBytes();
    private static final OpenPgpInboundOpener OPENPGP = new OpenPgpInboundOpener(gatewayKey(),
            InboundIntake.registeredCertificates(SampleDirectory.load(MutableClock.sampleDay())), LIMITS);
    private static final SmimeInboundOpener SMIME = new SmimeInboundOpener(InboundSmime.gatewayKey(),
            InboundIntake.registeredCertificates(SampleDirectory.load(MutableClock.sampleDay())), LIMITS);
    private static final InboundDocumentParser PARSER = new InboundDocumentParser(LIMITS.document(MAX_PART));

    /** Raw bytes as fetched from IMAP, through every structural check the intake makes before it decrypts. */
    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void mimeInspector(byte[] raw) {
        try {
            MimeInspector.checkRawHeaders(raw);
            MimeInspector.checkRawStructure(raw, LIMITS, "the message");
            MimeMessage outer = MimeInspector.parse(raw);
            MimeInspector.from(outer);
            MimeInspector.messageId(outer);
            MimeInspector.subject(outer);
            List<Part> leaves = MimeInspector.leaves(outer, MAX_PART, LIMITS);
            MimeInspector.nestedEncryption(leaves, outer);
        } catch (InboundRejection expected) {
            // a typed refusal is the correct answer to hostile bytes
        }
    }

    /**
     * First byte even: the rest is the OpenPGP packet stream a sender encrypts to the gateway (what only
     * decryption reaches: compressed, literal, signature packets); odd: the rest is the PGP/MIME payload itself.
     */
    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void openPgpOpener(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        String armored = (input[0] & 1) == 0
                ? InboundMail.encrypt(rest, List.of(InboundMail.gatewayCertificate()), NOW)
                : new String(rest, StandardCharsets.ISO_8859_1);
        byte[] mail = InboundMail.pgpMime(envelope(), armored);
        try {
            OPENPGP.open(MimeInspector.parse(mail), NOW);
        } catch (InboundRejection expected) {
            // refused with a reason code
        }
    }

    /** First byte even: the rest is the entity a sender envelopes for the gateway; odd: the rest is the CMS body itself. */
    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void smimeOpener(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        byte[] mail = (input[0] & 1) == 0
                ? InboundSmime.envelopedMail(envelope(), InboundSmime.forGateway(rest, (input[0] & 2) == 0), (input[0] & 2) == 0)
                : InboundSmime.mail(envelope(), "enveloped-data", rest);
        try {
            SMIME.open(MimeInspector.parse(mail), NOW);
        } catch (InboundRejection expected) {
            // refused with a reason code
        }
    }

    /** First byte odd: JSON, else YAML; the rest is the document as UTF-8 (malformed sequences replaced). */
    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void documentParser(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String text = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        try {
            PARSER.parse(text, (input[0] & 1) == 1);
        } catch (FormatException expected) {
            // refused, every problem listed
        }
    }

    private static InboundMail.Envelope envelope() {
        return new InboundMail.Envelope("soc@east-power.sample.invalid", NOW, "<fuzz@east-power.sample.invalid>");
    }

    private static OpenPgpGatewayKey gatewayKey() {
        try {
            return OpenPgpGatewayKey.load(InboundMail.SAMPLE.resolve("gateway/gateway.sec.asc"),
                    PassphraseSource.fromFile(InboundMail.SAMPLE.resolve("gateway/passphrase.txt")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
