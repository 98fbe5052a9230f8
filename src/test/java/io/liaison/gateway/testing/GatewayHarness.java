package io.liaison.gateway.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.peers.InProcessSmsc;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * A gateway on the sample directory and keys, with real peers on loopback: GreenMail for SMTP and an
 * in-process jSMPP SMSC, a file database in a temporary folder, and a clock the test moves.
 */
public final class GatewayHarness implements AutoCloseable {
    public final Path work;
    public final MutableClock clock = MutableClock.sampleDay();
    public final int smtpPort;
    public final InProcessSmsc smsc;
    private GreenMail mail;
    private Gateway gateway;

    private GatewayHarness(Path work, boolean mailUp) throws IOException {
        this.work = work;
        this.smtpPort = freePort();
        this.smsc = InProcessSmsc.onFreePort().start();
        if (mailUp) {
            startMail();
        }
    }

    public static GatewayHarness start(Path work) throws IOException {
        return new GatewayHarness(work, true);
    }

    /** Peers up except the SMTP server, which a test starts later with {@link #startMail()}. */
    public static GatewayHarness withMailDown(Path work) throws IOException {
        return new GatewayHarness(work, false);
    }

    public void startMail() {
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    /** The database this harness's gateways use (H2 file, or PostgreSQL on the PostgreSQL leg). */
    public TestDatabase database() {
        return TestDatabase.orH2(h2Url(work));
    }

    private static String h2Url(Path work) {
        return "jdbc:h2:file:" + work.resolve("gateway").toAbsolutePath() + ";FILE_LOCK=FS;WRITE_DELAY=0";
    }

    public GreenMail mail() {
        return mail;
    }

    public Properties overrides() {
        return overrides(work, smtpPort, smsc.port());
    }

    public static Properties overrides(Path work, int smtpPort, int smppPort) {
        Properties p = new Properties();
        p.setProperty("gateway.demo-mode", "true");
        p.setProperty("gateway.key.passphrase-file", "keys-sample/gateway/passphrase.txt");
        TestDatabase.orH2(h2Url(work)).applyTo(p, work);
        p.setProperty("gateway.smtp.host", "127.0.0.1");
        p.setProperty("gateway.smtp.port", String.valueOf(smtpPort));
        p.setProperty("gateway.smtp.starttls", "none");
        p.setProperty("gateway.fax.allow-email-without-tls", "true"); // GreenMail in-process, no TLS
        p.setProperty("gateway.smtp.timeout", "3s");
        p.setProperty("gateway.smpp.host", "127.0.0.1");
        p.setProperty("gateway.smpp.port", String.valueOf(smppPort));
        p.setProperty("gateway.smpp.max-submits-per-second", "1000");
        return p;
    }

    public GatewaySettings settings() {
        return GatewaySettings.load(Optional.empty(), overrides());
    }

    public Gateway gateway() throws Exception {
        if (gateway == null) {
            gateway = Gateway.builder(settings()).clock(clock).start();
        }
        return gateway;
    }

    /** A gateway on the harness settings with one of them changed. */
    public Gateway gatewayWith(String key, String value) throws Exception {
        stopGateway();
        gateway = Gateway.builder(settings().with(key, value)).clock(clock).start();
        return gateway;
    }

    /** A gateway on the harness settings with {@code extra} added (e.g. a key rollover's settings). */
    public Gateway gatewayWith(Properties extra) throws Exception {
        stopGateway();
        Properties p = overrides();
        p.putAll(extra);
        gateway = Gateway.builder(GatewaySettings.load(Optional.empty(), p)).clock(clock).start();
        return gateway;
    }

    public Gateway startGateway(UnaryOperator<Gateway.Builder> customise) throws Exception {
        stopGateway();
        gateway = customise.apply(Gateway.builder(settings()).clock(clock)).start();
        return gateway;
    }

    public void stopGateway() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    @Override
    public void close() {
        stopGateway();
        smsc.close();
        if (mail != null) {
            mail.stop();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
