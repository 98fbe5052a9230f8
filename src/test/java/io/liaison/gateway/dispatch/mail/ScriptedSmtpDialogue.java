package io.liaison.gateway.dispatch.mail;

import io.liaison.gateway.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** For tests of the SMTP adapter's dialogue: a scripted loopback server and a transport to it, per test. */
abstract class ScriptedSmtpDialogue {
    protected final MutableClock clock = MutableClock.sampleDay();
    protected ScriptedSmtpServer server;
    protected SmtpMailTransport smtp;

    @BeforeEach
    void startServer() throws Exception {
        server = ScriptedSmtpServer.start();
        smtp = server.transport(clock);
    }

    @AfterEach
    void stopServer() throws Exception {
        smtp.close();
        server.close();
    }
}
