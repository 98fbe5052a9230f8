package io.liaison.gateway.compose;

import io.liaison.gateway.compose.openpgp.PgpMimeProtector;
import io.liaison.gateway.compose.smime.SmimeProtector;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.keys.smime.SmimeGatewayKey;
import io.liaison.gateway.marking.NoticeMarking;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.testing.SampleDirectory;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A composer on the sample directory and keys, and a RED early warning whose title must stay inside the encryption. */
final class ProtectedHeadersFixture {
    static final Path KEYS = Path.of("keys-sample");
    static final String TITLE = "制御系への標的型攻撃の兆候 / Signs of a targeted attack";
    static final String REFERENCE = "NISC-EW-2026-00077";
    private static final Pattern SUBJECT = Pattern.compile("^Subject: (.*(?:\\r?\\n[ \\t].*)*)", Pattern.MULTILINE);

    final Clock clock = Clock.fixed(Instant.now().minusSeconds(5), ZoneOffset.UTC);
    final Directory directory = SampleDirectory.load(clock);
    final OpenPgpGatewayKey pgpKey;
    final SmimeGatewayKey smimeKey;
    final NoticeEmailComposer composer;
    final StoredNotice notice;

    ProtectedHeadersFixture() throws Exception {
        PassphraseSource passphrase = PassphraseSource.fromFile(KEYS.resolve("gateway/passphrase.txt"));
        pgpKey = OpenPgpGatewayKey.load(KEYS.resolve("gateway/gateway.sec.asc"), passphrase);
        smimeKey = SmimeGatewayKey.load(KEYS.resolve("smime/gateway.key.pem"), KEYS.resolve("smime/gateway.pem"), passphrase);
        composer = new NoticeEmailComposer(directory, new NoticeMarking(ZoneId.of("Asia/Tokyo")),
                ProtectorSelector.of(PgpMimeProtector.forDemo(pgpKey), SmimeProtector.forDemo(smimeKey)),
                Session.getInstance(new Properties()), new InternetAddress("gateway@nisc.sample.invalid"), clock);
        notice = new StoredNotice(REFERENCE, NoticeKind.EARLY_WARNING, Priority.URGENT, Tlp.RED, false, "nisc", "nisc-duty",
                TITLE, "summary", "本文です。", List.of("electric-power"), List.of("nisc"), clock.instant(), Optional.empty());
    }

    ComposedMail mailTo(long deliveryId, String pocId, String address) throws Exception {
        String org = directory.pointOfContact(pocId).orElseThrow().organisationId();
        Delivery delivery = new Delivery(deliveryId, REFERENCE, 1, "nisc", "nisc-duty", org, pocId, ChannelKind.EMAIL, address,
                DeliveryRole.DIRECT, DeliveryState.SENDING, 0, Optional.empty(), Optional.empty(), Optional.empty(), clock.instant());
        return composer.render(notice, delivery, io.liaison.gateway.marking.DeliveryNote.NONE);
    }

    /** The first Subject field of a header section as text, decoded: what a mail reader shows. */
    static Optional<String> decodedSubject(String entity) throws Exception {
        int crlf = entity.indexOf("\r\n\r\n");
        int lf = entity.indexOf("\n\n");
        int end = crlf < 0 ? lf : lf < 0 ? crlf : Math.min(crlf, lf);
        String headers = end < 0 ? entity : entity.substring(0, end);
        Matcher m = SUBJECT.matcher(headers);
        return m.find() ? Optional.of(MimeUtility.decodeText(MimeUtility.unfold(m.group(1)).strip())) : Optional.empty();
    }
}
