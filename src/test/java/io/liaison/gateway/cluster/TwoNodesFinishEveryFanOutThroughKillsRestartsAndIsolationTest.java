package io.liaison.gateway.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.testing.PostgreSqlCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chaos, with real processes: two gateway nodes on one PostgreSQL, a fan-out on e-mail and SMS to every
 * point of contact of the fixture, and then
 * <ul>
 *   <li>one node killed with SIGKILL at a random moment: every (recipient, channel) is accepted by its server,
 *       none more than twice and no more twice than the documented window ({@code gateway.smtp.connections}
 *       e-mails, {@code gateway.smpp.in-flight} SMS), and what the dead node held is sent by the survivor
 *       within the claim timeout plus 10 s;</li>
 *   <li>PostgreSQL restarted mid-fan-out: both nodes reconnect and finish, nothing lost;</li>
 *   <li>one node cut off from the database: it stops sending once its claims can no longer be renewed, and
 *       the other finishes.</li>
 * </ul>
 * The default suite makes one short kill run ({@code liaison.chaos.recipients}, default 200); the Maven
 * profile {@code chaos} ({@code mvn -Pchaos test -Dtest='*ChaosTest,TwoNodes*'}) makes 20 runs of 1,000 and
 * the restart and isolation cases. The figures are printed and appended to {@code target/chaos-figures.txt}.
 */
class TwoNodesFinishEveryFanOutThroughKillsRestartsAndIsolationTest {
    /** A third of it (the hand-over guard) above the nodes' SMTP timeout of 10 s. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(33);
    private static final int SMTP_CONNECTIONS = 4; // the default of gateway.smtp.connections
    private static final int SMPP_IN_FLIGHT = 8; // the default of gateway.smpp.in-flight
    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Path FIGURES = Path.of("target", "chaos-figures.txt");

    private static PostgreSqlCluster pg;
    private static ClusterFixture fixture;

    @TempDir
    Path work;

    @BeforeAll
    static void startDatabase() {
        // A cluster of its own: the restart case stops and starts the server.
        pg = PostgreSqlCluster.start();
        fixture = ClusterFixture.prepare(Integer.getInteger("liaison.chaos.recipients", 200));
    }

    @AfterAll
    static void stopDatabase() {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void aNodeKilledAtARandomMomentIsTakenOverWithinTheLeaseAndNothingGoesBeyondTheWindow() throws Exception {
        int runs = Integer.getInteger("liaison.chaos.runs", 1);
        long seed = Long.getLong("liaison.chaos.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        int emailDuplicates = 0;
        int smsDuplicates = 0;
        Duration longestTakeOver = Duration.ZERO;
        for (int run = 1; run <= runs; run++) {
            try (ClusterRig rig = new ClusterRig(pg, work.resolve("run-" + run), fixture, CLAIM_TIMEOUT)) {
                long expected = startAndSend(rig);
                long threshold = Math.max(1, (long) (expected * (0.05 + 0.65 * random.nextDouble())));
                awaitDone(rig, threshold);
                String victim = random.nextBoolean() ? "node-a" : "node-b";
                long doneAtKill = rig.done();
                Instant killedAt = Instant.now();
                rig.node(victim).orElseThrow().kill();
                List<Long> held = rig.claimedBy(victim);
                Instant takenOver = awaitSent(rig, held, CLAIM_TIMEOUT.plusSeconds(120));
                Instant finished = rig.awaitAllDone(expected, CLAIM_TIMEOUT.plusSeconds(300));
                ClusterRig.Accepted accepted = rig.accepted();

                Duration takeOver = Duration.between(killedAt, takenOver);
                String line = String.format("kill run %d/%d: %d deliveries, %s killed after %d done holding %d claims;"
                                + " taken over in %.1f s, all done %.1f s after the kill; duplicates: %d e-mail, %d SMS",
                        run, runs, expected, victim, doneAtKill, held.size(), takeOver.toMillis() / 1000.0,
                        Duration.between(killedAt, finished).toMillis() / 1000.0, accepted.emailDuplicates(), accepted.smsDuplicates());
                lines.add(line);
                record(line);
                assertEquals(fixture.recipients(), accepted.emails().size(), "every e-mail accepted: " + line);
                assertEquals(fixture.recipients(), accepted.sms().size(), "every SMS accepted: " + line);
                assertTrue(accepted.emailDuplicates() <= SMTP_CONNECTIONS, "e-mail beyond the window: " + line);
                assertTrue(accepted.smsDuplicates() <= SMPP_IN_FLIGHT, "SMS beyond the window: " + line);
                assertTrue(accepted.emails().values().stream().allMatch(l -> l.size() <= 2), "an e-mail went three times: " + line);
                assertTrue(accepted.sms().values().stream().allMatch(l -> l.size() <= 2), "an SMS went three times: " + line);
                assertTrue(takeOver.compareTo(takeOverBound()) <= 0, "take-over slower than " + takeOverBound().toSeconds() + " s: " + line);
                emailDuplicates += accepted.emailDuplicates();
                smsDuplicates += accepted.smsDuplicates();
                longestTakeOver = takeOver.compareTo(longestTakeOver) > 0 ? takeOver : longestTakeOver;
            }
        }
        record(String.format("KILL SUMMARY: %d runs of %d recipients (e-mail + SMS), seed %d, claim timeout %ds: no delivery lost;"
                        + " duplicates %d e-mail, %d SMS in all; longest take-over %.1f s", runs, fixture.recipients(), seed,
                CLAIM_TIMEOUT.toSeconds(), emailDuplicates, smsDuplicates, longestTakeOver.toMillis() / 1000.0));
    }

    @Test
    @EnabledIfSystemProperty(named = "liaison.chaos", matches = "true", disabledReason = "part of -Pchaos: restarts the test cluster")
    void bothNodesReconnectAfterPostgreSqlRestartsMidFanOutAndFinish() throws Exception {
        try (ClusterRig rig = new ClusterRig(pg, work.resolve("restart"), fixture, CLAIM_TIMEOUT)) {
            long expected = startAndSend(rig);
            awaitDone(rig, expected / 4);
            Instant down = Instant.now();
            pg.restart();
            Instant finished = rig.awaitAllDone(expected, Duration.ofSeconds(300));
            ClusterRig.Accepted accepted = rig.accepted();
            String line = String.format("restart: PostgreSQL restarted after %d of %d done; all done %.1f s later;"
                            + " duplicates %d e-mail, %d SMS", expected / 4, expected, Duration.between(down, finished).toMillis() / 1000.0,
                    accepted.emailDuplicates(), accepted.smsDuplicates());
            record(line);
            assertEquals(fixture.recipients(), accepted.emails().size(), line);
            assertEquals(fixture.recipients(), accepted.sms().size(), line);
            // Each node may lose its in-flight acceptances once.
            assertTrue(accepted.emailDuplicates() <= 2 * SMTP_CONNECTIONS, line);
            assertTrue(accepted.smsDuplicates() <= 2 * SMPP_IN_FLIGHT, line);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "liaison.chaos", matches = "true", disabledReason = "part of -Pchaos")
    void aNodeCutOffFromTheDatabaseStopsSendingAndTheOtherFinishes() throws Exception {
        try (TcpCutter cutter = new TcpCutter(pg.port());
             ClusterRig rig = new ClusterRig(pg, work.resolve("isolation"), fixture, CLAIM_TIMEOUT)) {
            ClusterRig.Node b = rig.startNode("node-b", false, cutter.port());
            b.awaitPrinted(ClusterNodeMain.STARTED, STARTUP);
            ClusterRig.Node a = rig.startNode("node-a", true);
            a.awaitPrinted(ClusterNodeMain.SENT, STARTUP);
            long expected = rig.deliveries();
            awaitDone(rig, expected / 5);
            Instant cutAt = Instant.now();
            cutter.cut();
            // B's claims hold at most a claim timeout from its last renewal, which was before the cut; it starts no
            // hand-over in the last third of that, and each ends within the SMTP/SMPP timeouts (10 s here).
            waitUntil(cutAt.plus(CLAIM_TIMEOUT));
            ClusterRig.Accepted atLeaseEnd = rig.accepted();
            Instant finished = rig.awaitAllDone(expected, Duration.ofSeconds(300));
            ClusterRig.Accepted accepted = rig.accepted();
            String line = String.format("isolation: node-b cut off after %d of %d done; it sent %d e-mails and %d SMS in all,"
                            + " none after its lease ran out; node-a finished %.1f s after the cut; duplicates %d e-mail, %d SMS",
                    expected / 5, expected, accepted.emailsFrom("node-b"), accepted.smsFrom("node-b"),
                    Duration.between(cutAt, finished).toMillis() / 1000.0, accepted.emailDuplicates(), accepted.smsDuplicates());
            record(line);
            assertEquals(atLeaseEnd.emailsFrom("node-b"), accepted.emailsFrom("node-b"), "node-b sent e-mail after its lease: " + line);
            assertEquals(atLeaseEnd.smsFrom("node-b"), accepted.smsFrom("node-b"), "node-b sent SMS after its lease: " + line);
            assertEquals(fixture.recipients(), accepted.emails().size(), line);
            assertEquals(fixture.recipients(), accepted.sms().size(), line);
            assertTrue(accepted.emailDuplicates() <= SMTP_CONNECTIONS, line);
            assertTrue(accepted.smsDuplicates() <= SMPP_IN_FLIGHT, line);
        }
    }

    /** Node B idle first, then node A, which sends the fan-out; returns how many deliveries it stored. */
    private static long startAndSend(ClusterRig rig) throws Exception {
        ClusterRig.Node b = rig.startNode("node-b", false);
        b.awaitPrinted(ClusterNodeMain.STARTED, STARTUP);
        ClusterRig.Node a = rig.startNode("node-a", true);
        a.awaitPrinted(ClusterNodeMain.SENT, STARTUP);
        long expected = rig.deliveries();
        assertEquals(2L * fixture.recipients(), expected, "one e-mail and one SMS per point of contact");
        return expected;
    }

    private static void awaitDone(ClusterRig rig, long count) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(300);
        while (rig.done() < count) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("the fan-out did not reach " + count + " sent: " + rig.states());
            }
            Thread.sleep(50);
        }
    }

    private static Instant awaitSent(ClusterRig rig, List<Long> ids, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (rig.notDone(ids) > 0) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError(rig.notDone(ids) + " of the dead node's " + ids.size() + " claims not taken over within "
                        + timeout + ": " + rig.states());
            }
            Thread.sleep(100);
        }
        return Instant.now();
    }

    private static void waitUntil(Instant when) throws InterruptedException {
        long ms = Duration.between(Instant.now(), when).toMillis();
        if (ms > 0) {
            Thread.sleep(ms); // real time is what a lease runs on: the nodes are real processes on the real clock
        }
    }

    private static void record(String line) throws IOException {
        System.out.println("CHAOS " + line);
        Files.createDirectories(FIGURES.toAbsolutePath().getParent());
        Files.writeString(FIGURES, Instant.now() + " " + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /**
     * The bound, the lease + 10 s: a survivor looks for expired claims every second
     * ({@code LeaseKeeper.takeOverInterval}), so it takes a stopped node's deliveries at most a second after
     * their claims ran out, and has the rest of the 10 s to hand them over.
     */
    private static Duration takeOverBound() {
        return CLAIM_TIMEOUT.plusSeconds(10);
    }
}
