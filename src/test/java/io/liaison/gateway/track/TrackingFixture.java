package io.liaison.gateway.track;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.compose.OpenedMessage;
import io.liaison.gateway.compose.openpgp.PgpMimeOpener;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.peers.InProcessSmsc;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.testing.Await;
import io.liaison.gateway.testing.GatewayHarness;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers, codes and gateways for the delivery-assurance tests, on the sample directory. */
final class TrackingFixture {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String GATEWAY_SENDER = "NISC-LGW";
    static final String POWER_DUTY = "+819000000021";
    static final String POWER_DEPUTY = "+819000000022";
    static final String EAST_SOC = "+819000000051";
    static final String METI_LIAISON = "+819000000011";
    static final String NISC_DUTY = "+819000000001";
    private static final Pattern CODE = Pattern.compile("reply ([A-Z0-9]{6}) to confirm");

    private TrackingFixture() {
    }

    /** A gateway on the harness's peers and clock, with some settings changed. */
    static Gateway gateway(GatewayHarness h, Map<String, String> settings) throws Exception {
        Properties p = h.overrides();
        p.putAll(settings);
        return Gateway.builder(GatewaySettings.load(Optional.empty(), p)).clock(h.clock).start();
    }

    /** The confirmation code in the latest SMS to {@code number} about {@code reference}, waiting for it. */
    static String codeSentTo(InProcessSmsc smsc, String number, String reference) {
        String text = lastSmsTo(smsc, number, reference);
        Matcher m = CODE.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no confirmation code in: " + text);
        }
        return m.group(1);
    }

    static String lastSmsTo(InProcessSmsc smsc, String number, String contains) {
        List<InProcessSmsc.ReceivedSms> to = Await.until(() -> smsc.received().stream()
                        .filter(s -> s.destination().equals(number) && s.text().contains(contains)).toList(),
                l -> !l.isEmpty(), WAIT, "an SMS to " + number + " containing " + contains);
        return to.get(to.size() - 1).text();
    }

    /** Waits for the next SMS to {@code number} after {@code before} messages, e.g. the gateway's answer to a reply. */
    static String nextSmsTo(InProcessSmsc smsc, String number, int before) {
        return Await.until(() -> smsc.received().stream().skip(before).filter(s -> s.destination().equals(number)).toList(),
                l -> !l.isEmpty(), WAIT, "an SMS to " + number).get(0).text();
    }

    static List<Delivery> sms(StatusReport r) {
        return r.deliveries().stream().filter(d -> d.channel() == ChannelKind.SMS).toList();
    }

    static List<Delivery> email(StatusReport r) {
        return r.deliveries().stream().filter(d -> d.channel() == ChannelKind.EMAIL).toList();
    }

    /** The decrypted inner text of an e-mail, opened with the sample secret key of {@code pocId}. */
    static String openedText(MimeMessage message, String pocId) throws Exception {
        OpenedMessage opened = new PgpMimeOpener(OpenPgpGatewayKey.load(Path.of("keys-sample/secret/" + pocId + ".sec.asc"),
                PassphraseSource.fromEnvironment("NO_SUCH_VARIABLE_FOR_AN_UNPROTECTED_KEY")))
                .open(message, OpenPgpGatewayKey.load(Path.of("keys-sample/gateway/gateway.sec.asc"),
                        PassphraseSource.fromFile(Path.of("keys-sample/gateway/passphrase.txt"))).certificate());
        if (!opened.signatureValid()) {
            throw new AssertionError("gateway signature does not verify");
        }
        return new String(opened.innerEntity(), StandardCharsets.UTF_8);
    }
}
