package io.liaison.gateway.bench;

import io.liaison.gateway.compose.PreparedContent;
import io.liaison.gateway.compose.openpgp.PgpMimeProtector;
import io.liaison.gateway.dispatch.mail.MailStreams;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate;
import io.liaison.gateway.keys.openpgp.SampleKeyGenerator;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The e-mail channel's crypto alone, as the gateway does it: the notice signed once, then encrypted
 * and wrapped as PGP/MIME per recipient ({@code encryptPerRecipient}, the fan-out's per-recipient
 * cost), and the one signature ({@code signOnce}). Recipients cycle through distinct certificates of
 * one kind, v6 X25519 or v4 RSA-3072. Run from the repository root (it reads keys-sample/).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CryptoBenchmark {
    private static final int RECIPIENTS = 16;

    @Param({"V6_X25519", "V4_RSA3072"})
    public String kind;

    private PgpMimeProtector protector;
    private PreparedContent signed;
    private MimeBodyPart content;
    private RecipientCertificate[] recipients;
    private final Instant at = Instant.now();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        MailStreams.pinProvider(); // as the gateway does at start
        OpenPgpGatewayKey key = OpenPgpGatewayKey.load(Path.of("keys-sample/gateway/gateway.sec.asc"),
                PassphraseSource.fromFile(Path.of("keys-sample/gateway/passphrase.txt")));
        protector = PgpMimeProtector.forDemo(key);
        content = new MimeBodyPart();
        content.setText(BenchNotice.body(), "UTF-8");
        content.setHeader("Content-Transfer-Encoding", "8bit");
        signed = protector.prepare(content, at);
        recipients = new RecipientCertificate[RECIPIENTS];
        for (int i = 0; i < RECIPIENTS; i++) {
            recipients[i] = new OpenPgpRecipientCertificate(BenchKeys.generate(BenchKeys.Kind.valueOf(kind),
                    SampleKeyGenerator.sampleUserId("JMH " + i, "jmh-" + i + "@bench.invalid")).toCertificate());
        }
    }

    /** Per-thread position in the recipient list, so threads do not share a counter. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public MimeMultipart encryptPerRecipient(Cursor cursor) throws Exception {
        RecipientCertificate recipient = recipients[cursor.next++ % RECIPIENTS];
        return protector.protectFor(signed, recipient);
    }

    @Benchmark
    public PreparedContent signOnce() throws Exception {
        return protector.prepare(content, at);
    }
}
