package io.liaison.gateway.track.receipts;

import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.dispatch.sms.SmppSmsTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Driven by a timer route: keeps the SMPP session bound while nothing is being sent, because receipts
 * and replies only arrive on a bound session; and matches receipts that overtook their delivery.
 */
public final class SmsLink {
    private static final Logger LOG = LoggerFactory.getLogger(SmsLink.class);

    private final SmppSmsTransport transport;
    private final DeliveryReceipts receipts;
    private volatile boolean down;

    public SmsLink(SmppSmsTransport transport, DeliveryReceipts receipts) {
        this.transport = transport;
        this.receipts = receipts;
    }

    public void tick() {
        try {
            transport.ensureBound();
            if (down) {
                LOG.info("SMPP session bound again; receipts and replies flow");
                down = false;
            }
        } catch (TransportFailure e) {
            // Logged once per outage: the dispatcher's retries report each delivery already.
            if (!down) {
                LOG.warn("SMPP session cannot be bound; receipts and replies wait: {}", e.getMessage());
                down = true;
            }
        } catch (IllegalStateException e) {
            return; // transport closed: the gateway is stopping
        }
        receipts.applyPending();
    }
}
