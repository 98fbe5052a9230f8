package io.liaison.gateway.dispatch.sms;

import io.liaison.gateway.dispatch.TransportFailure;

/** Submits a short message to an SMSC. */
public interface SmsTransport extends AutoCloseable {

    /**
     * Returns once the SMSC has accepted the message.
     *
     * @param destination E.164 number with a leading '+'
     * @return the SMSC's message id(s), comma-separated when the text was split into parts
     */
    String submit(String destination, String text) throws TransportFailure;

    @Override
    void close();
}
