package io.liaison.gateway.bench;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.peers.InProcessSmsc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The real gateway on a benchmark directory, between a discarding SMTP server and the in-process
 * SMSC, with its own fresh file database; transports are timed, never replaced.
 */
final class BenchRig implements AutoCloseable {
    final DiscardingSmtpServer smtp;
    final InProcessSmsc smsc;
    final TimedTransports timed = new TimedTransports();
    final Gateway gateway;
    private final Path work;

    /** The other gateways on the same database and servers ({@code --nodes}): they claim and send a share of each fan-out. */
    private final List<Gateway> others = new ArrayList<>();

    BenchRig(BenchFixture fixture, Path work, int smsPerSecond, Properties extra, int nodes) throws Exception {
        this.work = Files.createDirectories(work);
        this.smtp = DiscardingSmtpServer.start();
        this.smsc = InProcessSmsc.onFreePort().start().keepMessages(false);
        Properties p = new Properties();
        p.setProperty("gateway.demo-mode", "true");
        p.setProperty("gateway.directory", fixture.directory().toString());
        p.setProperty("gateway.key.passphrase-file", "keys-sample/gateway/passphrase.txt");
        // As the shipped default: every commit written through before the next message goes out.
        p.setProperty("gateway.db.url", "jdbc:h2:file:" + work.resolve("gateway").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;FILE_LOCK=FS");
        p.setProperty("gateway.smtp.host", "127.0.0.1");
        p.setProperty("gateway.smtp.port", String.valueOf(smtp.port()));
        p.setProperty("gateway.smtp.starttls", "none");
        p.setProperty("gateway.fax.allow-email-without-tls", "true"); // the in-process discarding server has no TLS
        p.setProperty("gateway.smpp.host", "127.0.0.1");
        p.setProperty("gateway.smpp.port", String.valueOf(smsc.port()));
        p.setProperty("gateway.smpp.max-submits-per-second", String.valueOf(smsPerSecond));
        p.putAll(extra);
        if (nodes < 1 || nodes > 1 && !p.getProperty("gateway.db.url").startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--nodes " + nodes + ": several gateways share a PostgreSQL database;"
                    + " give one with --set gateway.db.url=jdbc:postgresql://… (and LIAISON_DB_PASSWORD)");
        }
        if (nodes > 1) {
            p.setProperty("gateway.node-id", "bench-1");
        }
        GatewaySettings settings = GatewaySettings.load(Optional.empty(), p);
        this.gateway = Gateway.builder(settings).decorateMail(timed::mail).decorateSms(timed::sms).start();
        for (int n = 2; n <= nodes; n++) {
            Properties q = new Properties();
            q.putAll(p);
            q.setProperty("gateway.node-id", "bench-" + n);
            String journal = p.getProperty("gateway.dispatch.journal-dir", "");
            if (!journal.isBlank()) {
                q.setProperty("gateway.dispatch.journal-dir", Path.of(journal).resolve("node-" + n).toString());
            }
            others.add(Gateway.builder(GatewaySettings.load(Optional.empty(), q)).decorateMail(timed::mail)
                    .decorateSms(timed::sms).start());
        }
    }

    @Override
    public void close() throws IOException {
        others.forEach(Gateway::close);
        gateway.close();
        smsc.close();
        smtp.close();
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
