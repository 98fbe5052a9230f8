package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status REF} of a cancelled notice shows the cancellation in the notice's chain, after the hops it
 * withdraws, naming who cancelled it and the cancellation's reference.
 */
class ACancelledNoticesChainShowsTheCancellationTest {
    @TempDir
    Path work;

    @Test
    void theChainEndsWithTheCancellation() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway g = h.gateway();
            String ref = g.send(Notices.earlyWarning()).reference();
            g.awaitSettled(ref, Duration.ofSeconds(30));
            h.clock.advance(Duration.ofMinutes(5));
            String cancel = g.send(Notices.of("cancel.yaml", """
                    kind: cancel
                    references: %s
                    from: nisc-duty
                    body: Sent to the wrong sector.
                    """.formatted(ref))).reference();

            String status = g.status(ref).render(g.zone());
            List<String> chain = status.substring(status.indexOf("Chain:\n")).lines().skip(1)
                    .takeWhile(l -> !l.strip().startsWith("RECIPIENT")).toList();
            assertTrue(chain.size() >= 2, status);
            assertTrue(chain.get(0).contains("send by nisc-duty (nisc)"), "the first hop is the send: " + chain);
            assertTrue(chain.get(chain.size() - 1).endsWith("cancel by nisc-duty (nisc) as " + cancel),
                    "the cancellation closes the chain: " + chain);
        }
    }
}
