package io.liaison.gateway.dispatch.sms;

import static io.liaison.gateway.dispatch.sms.SmscFixture.HANDSET;
import static io.liaison.gateway.dispatch.sms.SmscFixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.dispatch.TlsClient;
import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.peers.InProcessSmsc;
import io.liaison.gateway.testing.TestTls;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SMPP over TLS: the in-process SMSC serves TLS with a certificate made for this run and accepts only the
 * gateway's account; the transport, trusting that certificate through a truststore file, binds (its
 * password inside TLS) and delivers. A transport that does not trust the certificate binds nowhere.
 */
class SmppOverTlsHandshakeWithTestKeystoreTest {
    @TempDir
    Path work;
    private InProcessSmsc smsc;
    private SmppSmsTransport transport;

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @Test
    void bindsAndDeliversOverTlsTrustingTheTestCertificate() throws Exception {
        TestTls identity = TestTls.selfSigned("127.0.0.1", "localhost");
        smsc = InProcessSmsc.onFreePort().overTls(identity.serverContext()).requireCredentials("lgw", "secret").start();
        TlsClient trust = TlsClient.trusting(identity.writeTruststore(work.resolve("smsc.p12")), TestTls.TRUSTSTORE_PASSWORD.clone());
        transport = new SmppSmsTransport(SmscFixture.settingsFor(smsc), SmsInboundListener.IGNORE, Optional.of(trust));

        String id = transport.submit(HANDSET, "TLP:GREEN NISC-PR3-2026-00001 over TLS");

        InProcessSmsc.ReceivedSms sms = smsc.awaitCount(1, WAIT).get(0);
        assertEquals("TLP:GREEN NISC-PR3-2026-00001 over TLS", sms.text());
        assertEquals(id, sms.messageId());
        assertTrue(transport.isBound());
    }

    @Test
    void anUntrustedSmscCertificateGetsNoBind() throws Exception {
        smsc = InProcessSmsc.onFreePort().overTls(TestTls.selfSigned("127.0.0.1").serverContext()).start();
        transport = new SmppSmsTransport(SmscFixture.settingsFor(smsc), SmsInboundListener.IGNORE, Optional.of(TlsClient.jvmDefault()));

        TransportFailure failure = assertThrows(TransportFailure.class, () -> transport.submit(HANDSET, "never sent"));

        assertFalse(failure.isPermanent(), "the SMSC's certificate is the gateway's problem: retried");
        assertFalse(failure.getMessage().contains("secret"), failure.getMessage());
        assertFalse(transport.isBound());
        assertTrue(smsc.received().isEmpty());
    }
}
