package io.liaison.gateway.dispatch.mail;

import io.liaison.gateway.dispatch.TransportFailure;
import jakarta.mail.internet.MimeMessage;

/** Hands a finished, protected e-mail to the outgoing mail server. */
public interface MailTransport extends AutoCloseable {

    /** Returns once the server has accepted the message for delivery. */
    void send(MimeMessage message) throws TransportFailure;

    @Override
    void close();
}
