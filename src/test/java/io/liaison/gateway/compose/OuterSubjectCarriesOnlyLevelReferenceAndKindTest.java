package io.liaison.gateway.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.compose.openpgp.PgpMimeOpener;
import io.liaison.gateway.compose.openpgp.PgpMimeProtector;
import io.liaison.gateway.compose.smime.SmimeOpener;
import io.liaison.gateway.compose.smime.SmimeProtector;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.intake.FollowUp;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.keys.smime.SmimeGatewayKey;
import io.liaison.gateway.keys.smime.SmimeSampleKeyGenerator;
import io.liaison.gateway.marking.DeliveryNote;
import io.liaison.gateway.marking.NoticeMarking;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.testing.SampleDirectory;
import jakarta.mail.Header;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Header protection (RFC 9788): the notice's title never travels in the clear. The outer Subject
 * carries the level, the reference and the kind of notice, at every level; the true Subject, From, To,
 * Date and Message-ID are on the signed and encrypted part, marked {@code hp="cipher"} and
 * {@code protected-headers="v1"}, with an HP-Outer copy of what went outside. Incident relays name
 * neither the reporter nor its incident id outside the encryption.
 */
class OuterSubjectCarriesOnlyLevelReferenceAndKindTest {
    private static final Path KEYS = Path.of("keys-sample");
    private static final Clock CLOCK = Clock.fixed(Instant.now().minusSeconds(5), ZoneOffset.UTC);
    private static final String TITLE = "制御系への標的型攻撃の兆候 / Signs of a targeted attack on control systems";
    private static Directory directory;
    private static OpenPgpGatewayKey pgpKey;
    private static SmimeGatewayKey smimeKey;
    private static NoticeEmailComposer composer;

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

    @ParameterizedTest
    @EnumSource(Tlp.class)
    void earlyWarningOuterSubjectIsLevelReferenceAndKindAtEveryLevel(Tlp level) throws Exception {
        String reference = "NISC-EW-2026-0010" + level.ordinal();
        StoredNotice notice = notice(reference, NoticeKind.EARLY_WARNING, level, TITLE, "nisc", Optional.empty());
        MimeMessage mail = composer.compose(notice, delivery(notice, 11, "nisc-duty", "duty@nisc.sample.invalid"));

        assertEquals("[" + level.label() + "] [" + reference + "] 早期警戒情報 / Early warning", mail.getSubject());
        assertNoOuterHeaderMentions(mail, "制御系", "Signs of a targeted attack");
    }

    @Test
    void pgpMimePayloadCarriesTheTrueSubjectAndHpParameters() throws Exception {
        StoredNotice notice = notice("NISC-EW-2026-00002", NoticeKind.EARLY_WARNING, Tlp.RED, TITLE, "nisc", Optional.empty());
        MimeMessage mail = received(composer.compose(notice, delivery(notice, 12, "nisc-duty", "duty@nisc.sample.invalid")));
        OpenedMessage opened = new PgpMimeOpener(OpenPgpGatewayKey.load(KEYS.resolve("secret/nisc-duty.sec.asc"),
                PassphraseSource.fromEnvironment("UNUSED", Map.of()))).open(mail, pgpKey.certificate());

        assertTrue(opened.signatureValid());
        assertProtectedHeaders(new MimeBodyPart(new ByteArrayInputStream(opened.innerEntity())), mail,
                "[TLP:RED] [NISC-EW-2026-00002] 早期警戒情報 Early warning: " + TITLE);
        assertTrue(HandlingMarkCheck.check(opened, mail).matches(), "the outer marking still matches the signed one");
    }

    @Test
    void smimePayloadCarriesTheTrueSubjectAndHpParametersInsideTheSignature() throws Exception {
        StoredNotice notice = notice("NISC-PR3-2026-00004", NoticeKind.PROVISION, Tlp.AMBER, TITLE, "nisc", Optional.empty());
        MimeMessage mail = received(composer.compose(notice, delivery(notice, 13, "mic-liaison", "liaison@mic.sample.invalid")));
        assertEquals("[TLP:AMBER] [NISC-PR3-2026-00004] 情報提供 / Notice", mail.getSubject());
        OpenedMessage opened = new SmimeOpener(SmimeSampleKeyGenerator.loadRecipientKey(KEYS, "mic-liaison"))
                .open(mail, smimeKey.certificate());

        assertTrue(opened.signatureValid());
        assertProtectedHeaders(new MimeBodyPart(new ByteArrayInputStream(opened.innerEntity())), mail,
                "[TLP:AMBER] [NISC-PR3-2026-00004] 情報提供 Notice: " + TITLE);
        assertTrue(HandlingMarkCheck.check(opened, mail).matches());
    }

    @Test
    void incidentRelayNamesNeitherReporterNorIncidentOutsideTheEncryption() throws Exception {
        String title = "情報連絡 第1報 / Incident report no. 1 — east-power/EP-INC-0042";
        StoredNotice relay = notice("NISC-INC-2026-00003", NoticeKind.INCIDENT_RELAY, Tlp.AMBER_STRICT, title, "east-power",
                Optional.empty());
        MimeMessage mail = composer.compose(relay, delivery(relay, 14, "nisc-duty", "duty@nisc.sample.invalid"));

        assertEquals("[TLP:AMBER+STRICT] [NISC-INC-2026-00003] 任意提供情報 / Voluntarily provided information", mail.getSubject());
        String eastPowerName = directory.organisation("east-power").orElseThrow().name();
        assertNoOuterHeaderMentions(mail, "east-power", "EP-INC-0042", eastPowerName, "Incident report");
    }

    @Test
    void followUpsExercisesAndRemindersKeepTheirMarkersButNotTheTitle() throws Exception {
        StoredNotice update = notice("NISC-EW-2026-00001-U1", NoticeKind.EARLY_WARNING, Tlp.AMBER, "訂正 / Correction", "nisc",
                Optional.of(new FollowUp(FollowUp.Type.UPDATE, "NISC-EW-2026-00001")));
        assertEquals("[TLP:AMBER] [NISC-EW-2026-00001-U1] 更新 / Update",
                composer.compose(update, delivery(update, 15, "nisc-duty", "duty@nisc.sample.invalid")).getSubject());

        StoredNotice drill = new StoredNotice("NISC-EXERCISE-EW-2026-00001", NoticeKind.EARLY_WARNING, Priority.URGENT, Tlp.GREEN,
                true, "nisc", "nisc-duty", TITLE, "summary", "本文", List.of(), List.of("nisc"), CLOCK.instant(), Optional.empty());
        DeliveryNote reminder = new DeliveryNote(Optional.of("再送 REMINDER"), Optional.empty(), List.of(), Optional.of("K7M2QX"));
        MimeMessage mail = composer.compose(drill, delivery(drill, 16, "nisc-duty", "duty@nisc.sample.invalid"), reminder);
        assertEquals("[EXERCISE / 演習] [再送 REMINDER] [TLP:GREEN] [NISC-EXERCISE-EW-2026-00001] 早期警戒情報 / Early warning",
                mail.getSubject());
        assertNoOuterHeaderMentions(mail, "制御系", "K7M2QX");
    }

    private static void assertProtectedHeaders(MimeBodyPart payload, MimeMessage outer, String trueSubject) throws Exception {
        ContentType type = new ContentType(payload.getContentType());
        assertTrue(type.match("text/plain"), type.toString());
        assertEquals("cipher", type.getParameter("hp"), "RFC 9788 marks the encrypted payload");
        assertEquals("v1", type.getParameter("protected-headers"), "the legacy marker Thunderbird and K-9 read");
        assertEquals(trueSubject, MimeUtility.decodeText(MimeUtility.unfold(payload.getHeader("Subject", null))));
        for (String name : List.of("From", "To", "Date", "Message-ID", NoticeMarking.HEADER_LEVEL, NoticeMarking.HEADER_REFERENCE)) {
            assertEquals(outer.getHeader(name, null), payload.getHeader(name, null), name + " is protected too");
        }
        String[] hpOuter = payload.getHeader(ProtectedHeaders.HP_OUTER);
        assertNotNull(hpOuter, "HP-Outer fields record what travelled outside");
        List<String> outerSubjects = new ArrayList<>();
        for (String h : hpOuter) {
            String unfolded = MimeUtility.unfold(h);
            if (unfolded.startsWith("Subject: ")) {
                outerSubjects.add(MimeUtility.decodeText(unfolded.substring("Subject: ".length())));
            }
        }
        assertEquals(List.of(outer.getSubject()), outerSubjects);
        assertTrue(payload.getContent().toString().contains("確認") || payload.getContent().toString().contains(TITLE));
    }

    /** Every outer header field, decoded, and the raw bytes of the outer header section. */
    private static void assertNoOuterHeaderMentions(MimeMessage mail, String... secrets) throws Exception {
        StringBuilder outer = new StringBuilder();
        for (Header h : Collections.list(mail.getAllHeaders())) {
            outer.append(h.getName()).append(": ").append(MimeUtility.decodeText(MimeUtility.unfold(h.getValue()))).append('\n');
            outer.append(h.getValue()).append('\n');
        }
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        mail.writeTo(wire);
        String raw = wire.toString(StandardCharsets.UTF_8);
        for (String secret : secrets) {
            assertFalse(outer.toString().contains(secret), secret + " travels outside the encryption:\n" + outer);
            assertFalse(raw.contains(secret), secret + " is readable in the message as sent");
        }
    }

    private static StoredNotice notice(String reference, NoticeKind kind, Tlp level, String title, String originator,
                                       Optional<FollowUp> followUp) {
        return new StoredNotice(reference, kind, kind == NoticeKind.EARLY_WARNING ? Priority.URGENT : Priority.NORMAL, level, false,
                originator, "nisc-duty", title, "summary", "本文です。", List.of("electric-power"), List.of("nisc"), CLOCK.instant(),
                followUp);
    }

    private static Delivery delivery(StoredNotice notice, long id, String pocId, String address) {
        String org = directory.pointOfContact(pocId).orElseThrow().organisationId();
        return new Delivery(id, notice.reference(), 1, "nisc", "nisc-duty", org, pocId, ChannelKind.EMAIL, address,
                DeliveryRole.DIRECT, DeliveryState.SENDING, 0, Optional.empty(), Optional.empty(), Optional.empty(), CLOCK.instant());
    }

    private static MimeMessage received(MimeMessage sent) throws Exception {
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        sent.writeTo(wire);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(wire.toByteArray()));
    }
}
