package io.liaison.gateway.cluster;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.liaison.gateway.peers.InProcessSmsc;
import io.liaison.gateway.testing.ChildJvm;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.PostgreSqlCluster;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Two (or more) gateway processes on one PostgreSQL database, an SMTP server (GreenMail) and an SMSC (the
 * in-process one) that stay up whatever happens to the nodes, and the fixture's fan-out. The test kills,
 * isolates or restarts; the rig reads what the servers accepted and what the database holds.
 */
final class ClusterRig implements AutoCloseable {
    private static final List<String> NODE_JVM = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    final PostgreSqlCluster pg;
    final String url;
    final ClusterFixture fixture;
    final Duration claimTimeout;
    private final Path work;
    private final GreenMail mail;
    final InProcessSmsc smsc;
    private final Map<String, Node> nodes = new LinkedHashMap<>();

    ClusterRig(PostgreSqlCluster pg, Path work, ClusterFixture fixture, Duration claimTimeout) throws IOException {
        this.pg = pg;
        this.url = pg.freshDatabase();
        this.work = work;
        this.fixture = fixture;
        this.claimTimeout = claimTimeout;
        this.mail = new GreenMail(new ServerSetup(GatewayHarness.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        this.smsc = InProcessSmsc.onFreePort().start();
    }

    /** A node process; {@code viaPort} is the port it reaches PostgreSQL on (a {@link TcpCutter}'s, or the server's). */
    Node startNode(String id, boolean sends, int viaPort) throws IOException {
        Path dir = Files.createDirectories(work.resolve(id));
        Path log = dir.resolve("node.log");
        String nodeUrl = url.replace(":" + pg.port() + "/", ":" + viaPort + "/");
        Process p = ChildJvm.of(ClusterNodeMain.class, NODE_JVM, dir.toString(), id, nodeUrl, pg.user(),
                        pg.passwordFile().toString(), String.valueOf(mail.getSmtp().getPort()), String.valueOf(smsc.port()),
                        fixture.directory().toString(), sends ? fixture.notice().toString() : "-", claimTimeout.toSeconds() + "s")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Node node = new Node(id, p, log);
        nodes.put(id, node);
        return node;
    }

    Node startNode(String id, boolean sends) throws IOException {
        return startNode(id, sends, pg.port());
    }

    /** A node process and its log. */
    record Node(String id, Process process, Path log) {
        boolean printed(String marker) {
            try {
                return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(marker);
            } catch (IOException e) {
                return false;
            }
        }

        void awaitPrinted(String marker, Duration timeout) throws InterruptedException {
            Instant until = Instant.now().plus(timeout);
            while (!printed(marker)) {
                if (!process.isAlive() || Instant.now().isAfter(until)) {
                    throw new AssertionError("node " + id + " did not print " + marker + "; its log:\n" + tail());
                }
                Thread.sleep(100);
            }
        }

        /** SIGKILL: no shutdown hook, no close, nothing flushed. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        /** An orderly stop: its input closes and it closes the gateway. */
        void stop() throws InterruptedException {
            if (process.isAlive()) {
                try {
                    OutputStream in = process.getOutputStream();
                    in.close();
                } catch (IOException e) {
                    // already gone
                }
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }

        String tail() {
            try {
                String all = Files.readString(log, StandardCharsets.UTF_8);
                return all.length() > 4000 ? all.substring(all.length() - 4000) : all;
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }

    /** Deliveries by state, as the database holds them. */
    Map<String, Long> states() {
        Map<String, Long> out = new HashMap<>();
        query("SELECT state, COUNT(*) FROM delivery GROUP BY state", List.of(), rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    long deliveries() {
        return states().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Sent, or further (delivered by the SMSC's receipt). */
    long done() {
        Map<String, Long> s = states();
        return s.getOrDefault("SENT", 0L) + s.getOrDefault("DELIVERED", 0L);
    }

    /** Deliveries {@code node} holds a claim on (SENDING in its name). */
    List<Long> claimedBy(String node) {
        List<Long> ids = new ArrayList<>();
        query("SELECT id FROM delivery WHERE state = 'SENDING' AND claimed_by = ?", List.of(node), rs -> ids.add(rs.getLong(1)));
        return ids;
    }

    /** How many of {@code ids} are not yet sent (or delivered). */
    long notDone(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        long[] left = {0};
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        query("SELECT COUNT(*) FROM delivery WHERE state NOT IN ('SENT','DELIVERED') AND id IN (" + marks + ")",
                new ArrayList<>(ids), rs -> left[0] = rs.getLong(1));
        return left[0];
    }

    /** Waits until every stored delivery is sent (or delivered), or fails naming what is left. Returns when. */
    Instant awaitAllDone(long expected, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            if (deliveries() == expected && done() == expected) {
                return Instant.now();
            }
            if (Instant.now().isAfter(until)) {
                StringBuilder logs = new StringBuilder();
                nodes.values().forEach(n -> logs.append("\n--- ").append(n.id()).append(" (alive ").append(n.process().isAlive())
                        .append(")\n").append(n.tail()));
                throw new AssertionError("not every delivery sent within " + timeout + ": " + states() + logs);
            }
            Thread.sleep(100);
        }
    }

    /** What the servers accepted: e-mails by Message-ID and SMS by destination, with the node that sent each. */
    Accepted accepted() throws MessagingException {
        Map<String, List<String>> emails = new HashMap<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            String from = m.getFrom() == null || m.getFrom().length == 0 ? "?" : m.getFrom()[0].toString();
            emails.computeIfAbsent(m.getMessageID(), k -> new ArrayList<>()).add(from);
        }
        Map<String, List<String>> sms = new HashMap<>();
        for (InProcessSmsc.ReceivedSms s : smsc.received()) {
            sms.computeIfAbsent(s.destination(), k -> new ArrayList<>()).add(s.source());
        }
        return new Accepted(emails, sms);
    }

    /** Accepted messages: each key once at least; a key with several entries went out more than once. */
    record Accepted(Map<String, List<String>> emails, Map<String, List<String>> sms) {
        int emailDuplicates() {
            return emails.values().stream().mapToInt(l -> l.size() - 1).sum();
        }

        int smsDuplicates() {
            return sms.values().stream().mapToInt(l -> l.size() - 1).sum();
        }

        long emailsFrom(String node) {
            return emails.values().stream().flatMap(List::stream).filter(f -> f.contains(node + "@")).count();
        }

        long smsFrom(String node) {
            return sms.values().stream().flatMap(List::stream).filter(node::equals).count();
        }
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> params, Row row) {
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the cluster's database: " + e.getMessage(), e);
        }
    }

    Optional<Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    @Override
    public void close() throws InterruptedException {
        for (Node n : nodes.values()) {
            n.stop();
        }
        smsc.close();
        mail.stop();
        try {
            pg.dropDatabase(url);
        } catch (RuntimeException e) {
            // the cluster may be down (a restart test); it is thrown away with its folder
        }
    }
}
