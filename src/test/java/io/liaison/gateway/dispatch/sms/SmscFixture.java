package io.liaison.gateway.dispatch.sms;

import java.time.Duration;

import io.liaison.gateway.peers.InProcessSmsc;

/** Settings that point a transport at an in-process SMSC, fast enough for tests. */
final class SmscFixture {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String SENDER = "NISC-LGW";
    static final String HANDSET = "+819012345678";

    private SmscFixture() {
    }

    static SmppSettings settingsFor(InProcessSmsc smsc) {
        return SmppSettings.of(smsc.host(), smsc.port(), "lgw", "secret", SENDER)
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(30), Duration.ofSeconds(3))
                .withMaxSubmitsPerSecond(1_000);
    }
}
