package io.liaison.gateway.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.compose.openpgp.PgpMimeOpener;
import io.liaison.gateway.compose.openpgp.PgpMimeProtector;
import io.liaison.gateway.compose.smime.SmimeOpener;
import io.liaison.gateway.compose.smime.SmimeProtector;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.keys.smime.SmimeGatewayKey;
import io.liaison.gateway.keys.smime.SmimeSampleKeyGenerator;
import io.liaison.gateway.marking.NoticeMarking;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.testing.SampleDirectory;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The composer sends each point of contact the envelope its certificate calls for, with the marking
 * signed inside; the intake-side check then fails any message whose outer marking was stripped or
 * changed on the way.
 */
class ComposerPicksEnvelopeByCertificateKindAndBindsMarkingTest {
    private static final Path KEYS = Path.of("keys-sample");
    /** Now, not the harness's sample day: the openers judge signatures by the real clock, and a signature from the future is invalid. */
    private static final Clock CLOCK = Clock.fixed(Instant.now().minusSeconds(5), ZoneOffset.UTC);
    private static Directory directory;
    private static OpenPgpGatewayKey pgpKey;
    private static SmimeGatewayKey smimeKey;
    private static NoticeEmailComposer composer;
    private static final StoredNotice NOTICE = new StoredNotice("NISC-EW-2026-00003", NoticeKind.EARLY_WARNING, Priority.URGENT,
            Tlp.AMBER, false, "nisc", "nisc-duty", "不審な通信", "summary", "本文です。", List.of("information-communications"),
            List.of("mic"), CLOCK.instant(), Optional.empty());

    @BeforeAll
    static void setUp() throws Exception {
        directory = SampleDirectory.load(CLOCK);
        PassphraseSource passphrase = PassphraseSource.fromFile(KEYS.resolve("gateway/passphrase.txt"));
        pgpKey = OpenPgpGatewayKey.load(KEYS.resolve("gateway/gateway.sec.asc"), passphrase);
        smimeKey = SmimeGatewayKey.load(KEYS.resolve("smime/gateway.key.pem"), KEYS.resolve("smime/gateway.pem"), passphrase);
        composer = new NoticeEmailComposer(directory, new NoticeMarking(ZoneId.of("Asia/Tokyo")),
                ProtectorSelector.of(PgpMimeProtector.forDemo(pgpKey), SmimeProtector.forDemo(smimeKey)),
                Session.getInstance(new Properties()), new InternetAddress("gateway@nisc.sample.invalid"), CLOCK);
    }

    @Test
    void smimeContactGetsAuthEnvelopedSmimeAndOpenPgpContactGetsPgpMimeBothWithMatchingSignedMarking() throws Exception {
        MimeMessage toMic = received(composer.compose(NOTICE, delivery(1, "mic-liaison", "liaison@mic.sample.invalid")));
        MimeMessage toNisc = received(composer.compose(NOTICE, delivery(2, "nisc-duty", "duty@nisc.sample.invalid")));

        assertTrue(toMic.isMimeType("application/pkcs7-mime"), toMic.getContentType());
        assertTrue(toMic.getContentType().contains("smime-type=authEnveloped-data"), "mic-liaison declares aes256-gcm");
        assertTrue(toNisc.isMimeType("multipart/encrypted"), toNisc.getContentType());

        OpenedMessage micOpened = new SmimeOpener(SmimeSampleKeyGenerator.loadRecipientKey(KEYS, "mic-liaison"))
                .open(toMic, smimeKey.certificate());
        OpenedMessage niscOpened = new PgpMimeOpener(OpenPgpGatewayKey.load(KEYS.resolve("secret/nisc-duty.sec.asc"),
                PassphraseSource.fromEnvironment("UNUSED", Map.of()))).open(toNisc, pgpKey.certificate());

        HandlingMark expected = HandlingMark.of(Tlp.AMBER, "NISC-EW-2026-00003");
        assertEquals(Optional.of(expected), micOpened.signedMark());
        assertEquals(Optional.of(expected), niscOpened.signedMark());
        assertTrue(HandlingMarkCheck.check(micOpened, toMic).matches(), HandlingMarkCheck.check(micOpened, toMic)::toString);
        assertTrue(HandlingMarkCheck.check(niscOpened, toNisc).matches());
    }

    @Test
    void fsaContactWithoutDeclaredCapabilityGetsCbcEnvelopedData() throws Exception {
        MimeMessage toFsa = received(composer.compose(NOTICE, delivery(3, "fsa-liaison", "liaison@fsa.sample.invalid")));
        assertTrue(toFsa.getContentType().contains("smime-type=enveloped-data"), toFsa.getContentType());
    }

    @Test
    void changedStrippedOrDuplicatedOuterMarkingFailsTheCheck() throws Exception {
        MimeMessage message = received(composer.compose(NOTICE, delivery(2, "nisc-duty", "duty@nisc.sample.invalid")));
        OpenedMessage opened = new PgpMimeOpener(OpenPgpGatewayKey.load(KEYS.resolve("secret/nisc-duty.sec.asc"),
                PassphraseSource.fromEnvironment("UNUSED", Map.of()))).open(message, pgpKey.certificate());

        MimeMessage lowered = received(message);
        lowered.setHeader(NoticeMarking.HEADER_LEVEL, "TLP:CLEAR");
        assertEquals(Optional.of(HandlingMarkCheck.Problem.LEVEL_HEADER_DIFFERS), HandlingMarkCheck.check(opened, lowered).problem());

        MimeMessage stripped = received(message);
        stripped.removeHeader(NoticeMarking.HEADER_LEVEL);
        assertEquals(Optional.of(HandlingMarkCheck.Problem.LEVEL_HEADER_MISSING), HandlingMarkCheck.check(opened, stripped).problem());

        MimeMessage subject = received(message);
        subject.setSubject(message.getSubject().replace("TLP:AMBER", "TLP:CLEAR"), "UTF-8");
        assertEquals(Optional.of(HandlingMarkCheck.Problem.SUBJECT_LEVEL_DIFFERS), HandlingMarkCheck.check(opened, subject).problem());

        MimeMessage noSubjectLabel = received(message);
        noSubjectLabel.setSubject("早期警戒情報", "UTF-8");
        assertEquals(Optional.of(HandlingMarkCheck.Problem.SUBJECT_LEVEL_MISSING),
                HandlingMarkCheck.check(opened, noSubjectLabel).problem());

        MimeMessage otherReference = received(message);
        otherReference.setHeader(NoticeMarking.HEADER_REFERENCE, "NISC-EW-2026-00004");
        assertEquals(Optional.of(HandlingMarkCheck.Problem.REFERENCE_DIFFERS), HandlingMarkCheck.check(opened, otherReference).problem());

        MimeMessage twice = received(message);
        twice.addHeader(NoticeMarking.HEADER_LEVEL, "TLP:CLEAR");
        assertEquals(Optional.of(HandlingMarkCheck.Problem.LEVEL_HEADER_MISSING), HandlingMarkCheck.check(opened, twice).problem(),
                "two level headers are as good as none");

        MimeMessage exercise = received(message);
        exercise.setHeader(NoticeMarking.HEADER_EXERCISE, "yes");
        assertEquals(Optional.of(HandlingMarkCheck.Problem.EXERCISE_DIFFERS), HandlingMarkCheck.check(opened, exercise).problem());
    }

    @Test
    void signatureWithoutMarkingOrInvalidSignatureNeverPassesTheCheck() throws Exception {
        MimeMessage message = received(composer.compose(NOTICE, delivery(2, "nisc-duty", "duty@nisc.sample.invalid")));
        OpenedMessage unmarked = new OpenedMessage(new byte[0], true, Optional.of(pgpKey.fingerprint()));
        OpenedMessage unsigned = new OpenedMessage(new byte[0], false, Optional.empty());

        assertEquals(Optional.of(HandlingMarkCheck.Problem.NOT_MARKED_IN_SIGNATURE), HandlingMarkCheck.check(unmarked, message).problem());
        assertEquals(Optional.of(HandlingMarkCheck.Problem.SIGNATURE_NOT_VALID), HandlingMarkCheck.check(unsigned, message).problem());
        assertThrows(IllegalArgumentException.class, () -> new OpenedMessage(new byte[0], false, Optional.empty(),
                Optional.of(HandlingMark.of(Tlp.RED, "X-1"))), "a mark from an unverified signature is not representable");
    }

    @Test
    void withoutAnSmimeProtectorTheSmimeContactIsRefusedNamingPocAndFingerprintNeverSentPlain() throws Exception {
        NoticeEmailComposer pgpOnly = new NoticeEmailComposer(directory, new NoticeMarking(ZoneId.of("Asia/Tokyo")),
                PgpMimeProtector.forDemo(pgpKey), Session.getInstance(new Properties()),
                new InternetAddress("gateway@nisc.sample.invalid"), CLOCK);

        ProtectionRefusedException refused = assertThrows(ProtectionRefusedException.class,
                () -> pgpOnly.compose(NOTICE, delivery(1, "mic-liaison", "liaison@mic.sample.invalid")));
        assertEquals(RefusalReason.WRONG_KIND, refused.reason());
        assertEquals(Optional.of("mic-liaison"), refused.pointOfContact());
        String fingerprint = directory.pointOfContact("mic-liaison").orElseThrow().certificate().orElseThrow().fingerprint();
        assertEquals(fingerprint, refused.fingerprint());
        assertTrue(refused.getMessage().contains("mic-liaison") && refused.getMessage().contains(fingerprint), refused.getMessage());
    }

    @Test
    void preparedSignaturesAreCachedPerKindSoEachRecipientGetsItsOwnEnvelopeType() throws Exception {
        // Same notice and hop, S/MIME first then PGP: a shared cache entry would hand PGP content to the wrong protector.
        MimeMessage smime = composer.compose(NOTICE, delivery(4, "fsa-liaison", "liaison@fsa.sample.invalid"));
        MimeMessage pgp = composer.compose(NOTICE, delivery(5, "meti-liaison", "liaison@meti.sample.invalid"));
        assertTrue(smime.isMimeType("application/pkcs7-mime"));
        assertTrue(pgp.isMimeType("multipart/encrypted"));
        assertFalse(((Multipart) pgp.getContent()).getCount() == 0);
    }

    private static Delivery delivery(long id, String pocId, String address) {
        String org = directory.pointOfContact(pocId).orElseThrow().organisationId();
        return new Delivery(id, NOTICE.reference(), 1, "nisc", "nisc-duty", org, pocId, ChannelKind.EMAIL, address,
                DeliveryRole.DIRECT, DeliveryState.SENDING, 0, Optional.empty(), Optional.empty(), Optional.empty(), CLOCK.instant());
    }

    private static MimeMessage received(MimeMessage sent) throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        sent.writeTo(wire);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(wire.toByteArray()));
    }
}
