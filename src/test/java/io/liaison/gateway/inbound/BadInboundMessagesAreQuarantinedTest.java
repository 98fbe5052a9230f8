package io.liaison.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message of the bad corpus (src/test/resources/inbound/bad, made by BadInboundCorpusGenerator)
 * goes through the real intake: each is stored whole, quarantined with its own reason, never acted on
 * or relayed, and only the point of contact registered for the claimed From address is told.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInboundMessagesAreQuarantinedTest {
    static final Path CORPUS = Path.of("src/test/resources/inbound/bad");
    static final InboundSettings CORPUS_LIMITS = new InboundSettings(256 * 1024, 32 * 1024, Duration.ofHours(48), Duration.ofMinutes(15));
    private IntakeFixture f;

    @BeforeAll
    void preludeAcknowledgementIsAccepted() throws Exception {
        f = new IntakeFixture(Path.of("src/test/resources/inbound/directory/directory.yaml"), CORPUS_LIMITS,
                new MutableClock(BadInboundCorpusGenerator.NOW));
        assertEquals(BadInboundCorpusGenerator.REF, f.noticeSentTo(List.of("east-power")));
        InboundOutcome prelude = f.intake.receiveRaw(Files.readAllBytes(Path.of("src/test/resources/inbound/good/prelude-ack.eml")));
        assertEquals(InboundStatus.ACCEPTED, prelude.status(), prelude.toString());
    }

    @AfterAll
    void close() {
        if (f != null) {
            f.close();
        }
    }

    static Stream<Arguments> corpus() throws IOException {
        return Files.readAllLines(CORPUS.resolve("expected.tsv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t"))
                .map(c -> Arguments.of(c[0], ReasonCode.valueOf(c[1]), c[2]));
    }

    @Test
    void theCorpusHasAtLeast25MessagesCoveringEveryRequiredCase() throws IOException {
        List<String> lines = Files.readAllLines(CORPUS.resolve("expected.tsv"));
        assertTrue(lines.size() - 1 >= 25, "corpus size " + (lines.size() - 1));
        for (ReasonCode required : List.of(ReasonCode.MIME_TRUNCATED, ReasonCode.WRONG_CONTENT_TYPE, ReasonCode.ENCRYPTION_NESTED,
                ReasonCode.SIGNER_KEY_REVOKED, ReasonCode.SIGNATURE_INVALID, ReasonCode.MARKING_CHANGED, ReasonCode.OVERSIZED_PART,
                ReasonCode.HEADER_INJECTION, ReasonCode.FROM_SIGNER_MISMATCH, ReasonCode.REPLAY_MESSAGE_ID,
                ReasonCode.REPLAY_DATE_OUTSIDE_WINDOW, ReasonCode.UNSIGNED, ReasonCode.UNKNOWN_SIGNER, ReasonCode.NOT_ENCRYPTED,
                ReasonCode.MALFORMED_MIME)) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("\t" + required.name() + "\t")), "no case for " + required);
        }
    }

    @Test
    void theCorpusHasSmimeRepliesBrokenInEachWayThatMatters() throws IOException {
        List<String> smime = Files.readAllLines(CORPUS.resolve("expected.tsv")).stream().filter(l -> l.contains("-smime-")).toList();
        for (String required : List.of("smime-signed-by-unregistered-certificate.eml\tUNKNOWN_SIGNER",
                "smime-signature-over-different-body.eml\tSIGNATURE_INVALID",
                "smime-valid-signature-from-other-organisation.eml\tFROM_SIGNER_MISMATCH",
                "smime-signed-data-not-encrypted.eml\tNOT_ENCRYPTED",
                "smime-certificate-in-message-substituted.eml\tSIGNATURE_INVALID")) {
            assertTrue(smime.stream().anyMatch(l -> l.contains(required)), "no case " + required);
        }
    }

    @ParameterizedTest(name = "{0} is quarantined as {1}")
    @MethodSource("corpus")
    void isStoredQuarantinedWithItsReasonAndNeverActedOn(String file, ReasonCode expected, String told) throws IOException {
        byte[] raw = Files.readAllBytes(CORPUS.resolve(file));
        List<String> noticesBefore = f.notices.notices().stream().map(StoredNotice::reference).toList();

        InboundOutcome outcome = assertDoesNotThrow(() -> f.intake.receiveRaw(raw));

        assertEquals(InboundStatus.QUARANTINED, outcome.status(), outcome.toString());
        assertEquals(Optional.of(expected), outcome.reason(), outcome.detail().orElse(""));
        StoredInbound stored = f.inbound.find(outcome.inboundId()).orElseThrow();
        assertEquals(InboundStatus.QUARANTINED, stored.status());
        assertEquals(Optional.of(expected), stored.reasonCode());
        byte[] kept = f.inbound.raw(outcome.inboundId()).orElseThrow();
        assertArrayEquals(raw.length > CORPUS_LIMITS.maxMessageBytes() ? Arrays.copyOf(raw, CORPUS_LIMITS.maxMessageBytes()) : raw,
                kept, "the raw message is kept");
        assertEquals(raw.length, stored.rawSize());

        assertEquals(1, f.inbound.acknowledgements(BadInboundCorpusGenerator.REF).size(), "only the prelude's acknowledgement");
        assertTrue(f.noticesOfKind(NoticeKind.INCIDENT_RELAY).isEmpty(), "nothing relayed");
        List<StoredNotice> added = f.notices.notices().stream().filter(n -> !noticesBefore.contains(n.reference())).toList();
        if (told.equals("-")) {
            assertEquals(List.of(), added, "nobody registered to tell");
            assertEquals(Optional.empty(), outcome.outcomeReference());
        } else {
            assertEquals(1, added.size(), "one quarantine notice");
            StoredNotice notice = added.get(0);
            assertEquals(NoticeKind.QUARANTINE_NOTICE, notice.kind());
            assertEquals(Optional.of(notice.reference()), outcome.outcomeReference());
            List<Delivery> deliveries = f.notices.deliveries(notice.reference());
            assertTrue(!deliveries.isEmpty() && deliveries.stream().allMatch(d -> d.pocId().equals(told)),
                    "told only " + told + " on its registered channels: " + deliveries);
            assertTrue(notice.body().contains(expected.name()), notice.body());
        }
    }
}
