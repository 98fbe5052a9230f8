package io.liaison.gateway.inbound.corpus;

import static io.liaison.gateway.inbound.ReasonCode.FROM_SIGNER_MISMATCH;
import static io.liaison.gateway.inbound.ReasonCode.REPLAY_DATE_OUTSIDE_WINDOW;
import static io.liaison.gateway.inbound.ReasonCode.REPLAY_MESSAGE_ID;
import static io.liaison.gateway.inbound.ReasonCode.UNSIGNED;
import static io.liaison.gateway.inbound.corpus.CorpusCase.of;
import static io.liaison.gateway.inbound.corpus.CorpusMail.EAST;
import static io.liaison.gateway.inbound.corpus.CorpusMail.MIC;
import static io.liaison.gateway.inbound.corpus.CorpusMail.NOW;
import static io.liaison.gateway.inbound.corpus.CorpusMail.T;
import static io.liaison.gateway.inbound.corpus.CorpusMail.WEST;
import static io.liaison.gateway.inbound.corpus.Expected.accepted;
import static io.liaison.gateway.inbound.corpus.Expected.duplicateOf;
import static io.liaison.gateway.inbound.corpus.Expected.quarantined;

import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundSmime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Replays: a Message-ID, a signed payload or signed content seen before, the very same bytes, dates and
 * signature times outside the window; and the same after a restart (a new gateway on the same database),
 * where only what was stored can be remembered. Each case sends its own original first.
 */
final class ReplayCases implements CorpusCategory {
    @Override
    public String title() {
        return "replays";
    }

    @Override
    public List<CorpusCase> cases() {
        return List.of(
                sameMessageId("same-message-id-as-an-accepted-acknowledgement", false),
                sameMessageId("same-message-id-after-a-restart", true),
                samePayload("same-signed-payload-under-a-new-message-id", false),
                samePayload("same-signed-payload-after-a-restart", true),
                sameBytes("exact-same-bytes-again", false),
                sameBytes("exact-same-bytes-after-a-restart", true),
                sameQuarantinedBytes("exact-same-quarantined-bytes-again", false),
                sameQuarantinedBytes("exact-same-quarantined-bytes-after-a-restart", true),
                of("same-signed-packets-encrypted-again", quarantined(REPLAY_MESSAGE_ID, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("re-encrypted-copy"), m.encrypt(signedPackets(m, "re-encrypted"))))
                        .after(m -> InboundMail.pgpMime(m.east("re-encrypted"), m.encrypt(signedPackets(m, "re-encrypted"))), accepted()),
                of("same-content-signed-again", quarantined(REPLAY_MESSAGE_ID, "east-power-soc"),
                        m -> m.pgp(m.east("re-signed-copy"), m.ackEntity("re-signed"), m.east))
                        .after(m -> m.goodAck("re-signed"), accepted()),
                of("smime-same-signed-content-enveloped-again", quarantined(REPLAY_MESSAGE_ID, "mic-liaison"),
                        m -> InboundSmime.envelopedMail(m.envelope(MIC, "smime-re-enveloped-copy"),
                                InboundSmime.forGateway(smimeSigned(m, "smime-re-enveloped"), true), true))
                        .after(m -> InboundSmime.envelopedMail(m.envelope(MIC, "smime-re-enveloped"),
                                InboundSmime.forGateway(smimeSigned(m, "smime-re-enveloped"), true), true), accepted()),
                of("smime-same-signed-content-after-a-restart", quarantined(REPLAY_MESSAGE_ID, "mic-liaison"),
                        m -> InboundSmime.envelopedMail(m.envelope(MIC, "smime-restart-copy"),
                                InboundSmime.forGateway(smimeSigned(m, "smime-restart"), false), false))
                        .after(m -> InboundSmime.envelopedMail(m.envelope(MIC, "smime-restart"),
                                InboundSmime.forGateway(smimeSigned(m, "smime-restart"), true), true), accepted())
                        .acrossRestart(),
                of("another-organisation-replays-easts-payload", quarantined(FROM_SIGNER_MISMATCH, "west-power-soc"),
                        m -> InboundMail.pgpMime(m.envelope(WEST, "west-replays-east"), armored(m, "west-replays-east-original")))
                        .after(m -> InboundMail.pgpMime(m.east("west-replays-east-original"), armored(m, "west-replays-east-original")),
                                accepted()),
                of("date-five-days-old", quarantined(REPLAY_DATE_OUTSIDE_WINDOW, "east-power-soc"),
                        m -> m.pgp(new InboundMail.Envelope(EAST, T.minus(Duration.ofDays(5)), CorpusMail.messageId("stale-date")),
                                m.ackEntity("stale-date"), m.east)),
                of("date-a-day-ahead", quarantined(REPLAY_DATE_OUTSIDE_WINDOW, "east-power-soc"),
                        m -> m.pgp(new InboundMail.Envelope(EAST, T.plus(Duration.ofDays(1)), CorpusMail.messageId("future-date")),
                                m.ackEntity("future-date"), m.east)),
                of("signature-five-days-old-under-a-fresh-date", quarantined(REPLAY_DATE_OUTSIDE_WINDOW, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("stale-signature"),
                                InboundMail.signedForGateway(m.ackEntity("stale-signature"), m.east, T.minus(Duration.ofDays(5))))),
                of("signature-an-hour-ahead", quarantined(REPLAY_DATE_OUTSIDE_WINDOW, "east-power-soc"),
                        m -> InboundMail.pgpMime(m.east("future-signature"),
                                InboundMail.signedForGateway(m.ackEntity("future-signature"), m.east, NOW.plus(Duration.ofHours(1))))),
                of("date-and-signature-just-inside-the-window", accepted(), m -> {
                    Instant old = NOW.minus(Duration.ofHours(47));
                    return InboundMail.pgpMime(new InboundMail.Envelope(EAST, old, CorpusMail.messageId("just-inside")),
                            InboundMail.signedForGateway(m.ackEntity("just-inside"), m.east, old));
                }),
                // issue 12 item 9: replay keys count only from verified messages
                of("unsigned-mail-taking-the-genuine-replys-message-id-first", accepted(),
                        m -> m.goodAck("poisoned-id"))
                        .after(m -> m.unsignedPgp(m.east("poisoned-id"), m.ackEntity("poisoned-id-attacker")),
                                quarantined(UNSIGNED, "east-power-soc")),
                of("unsigned-mail-predicting-the-genuine-replys-content-first", accepted(),
                        m -> m.goodAck("poisoned-content"))
                        .after(m -> m.unsignedPgp(m.east("poisoned-content-attacker"), m.ackEntity("poisoned-content")),
                                quarantined(UNSIGNED, "east-power-soc")));
    }

    private static CorpusCase sameMessageId(String name, boolean restart) {
        CorpusCase c = of(name, quarantined(REPLAY_MESSAGE_ID, "east-power-soc"),
                m -> m.pgp(m.east(name + "-original"), m.ackEntity(name + "-copy"), m.east))
                .after(m -> m.goodAck(name + "-original"), accepted());
        return restart ? c.acrossRestart() : c;
    }

    private static CorpusCase samePayload(String name, boolean restart) {
        CorpusCase c = of(name, quarantined(REPLAY_MESSAGE_ID, "east-power-soc"),
                m -> InboundMail.pgpMime(m.east(name + "-copy"), armored(m, name)))
                .after(m -> InboundMail.pgpMime(m.east(name), armored(m, name)), accepted());
        return restart ? c.acrossRestart() : c;
    }

    private static CorpusCase sameBytes(String name, boolean restart) {
        Function<CorpusMail, byte[]> message = m -> m.once(name, () -> m.goodAck(name));
        CorpusCase c = of(name, duplicateOf(accepted()), message).after(message, accepted());
        return restart ? c.acrossRestart() : c;
    }

    private static CorpusCase sameQuarantinedBytes(String name, boolean restart) {
        Function<CorpusMail, byte[]> message = m -> m.once(name, () -> m.unsignedPgp(m.east(name), m.ackEntity(name)));
        Expected unsigned = quarantined(UNSIGNED, "east-power-soc");
        CorpusCase c = of(name, duplicateOf(unsigned), message).after(message, unsigned);
        return restart ? c.acrossRestart() : c;
    }

    /** East's signed and encrypted acknowledgement, armored once, so a replay can copy it byte for byte. */
    private static String armored(CorpusMail m, String name) {
        return m.once("armored:" + name, () -> InboundMail.signedForGateway(m.ackEntity(name), m.east, T));
    }

    private static byte[] signedPackets(CorpusMail m, String name) {
        return m.once("packets:" + name, () -> InboundMail.signedPackets(m.ackEntity(name), m.east, T));
    }

    private static byte[] smimeSigned(CorpusMail m, String name) {
        return m.once("smime:" + name, () -> InboundSmime.signedDetached(m.ackEntity(name), m.mic, T));
    }
}
