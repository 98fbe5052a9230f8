package io.liaison.gateway.cluster;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.intake.NoticeFile;
import io.liaison.gateway.testing.GatewayHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * One gateway node of the chaos tests, in a process of its own: the real gateway on the shared PostgreSQL
 * database, the real clock, its own node id, From address and SMS source (so the servers can tell the
 * nodes apart). With {@code send}, it sends the fixture's notice once started. It prints {@link #STARTED}
 * (and the reference after a send) and runs until killed or its input closes.
 *
 * <p>Arguments: work folder, node id, JDBC URL, database user, database password file, SMTP port, SMPP port,
 * directory file, notice file or "-", claim timeout.
 */
public final class ClusterNodeMain {
    public static final String STARTED = "NODE-STARTED";
    public static final String SENT = "NOTICE-SENT ";

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        String node = args[1];
        Properties p = GatewayHarness.overrides(work, Integer.parseInt(args[5]), Integer.parseInt(args[6]));
        p.setProperty("gateway.db.url", args[2]);
        p.setProperty("gateway.db.user", args[3]);
        p.setProperty("gateway.db.password-file", args[4]);
        p.setProperty("gateway.node-id", node);
        p.setProperty("gateway.directory", args[7]);
        p.setProperty("gateway.dispatch.claim-timeout", args[9]);
        p.setProperty("gateway.from-address", node + "@gateway.cluster.invalid");
        p.setProperty("gateway.smpp.source-address", node);
        p.setProperty("gateway.smpp.system-id", node);
        p.setProperty("gateway.dispatch.poll-interval-ms", "200");
        p.setProperty("gateway.dispatch.claim-batch", "100");
        // The default SMTP timeout: on a loaded test machine the harness's 3 s let a slow acceptance time out and
        // go again (a duplicate no node's death caused). A third of the claim timeout stays above it.
        p.setProperty("gateway.smtp.timeout", "10s");
        Gateway gateway = Gateway.builder(GatewaySettings.load(Optional.empty(), p)).start();
        System.out.println(STARTED);
        System.out.flush();
        if (!args[8].equals("-")) {
            Path notice = Path.of(args[8]);
            var registered = gateway.send(new NoticeFile(notice.toString(), Files.readAllBytes(notice)));
            System.out.println(SENT + registered);
            System.out.flush();
        }
        // Until killed (the test) or told to stop (its input closed: the test is over).
        CountDownLatch stop = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing to read but the end
                }
            } catch (java.io.IOException e) {
                // the parent is gone
            }
            stop.countDown();
        });
        reader.setDaemon(true);
        reader.start();
        stop.await();
        gateway.close();
        System.exit(0);
    }
}
