package io.liaison.gateway.dispatch.fax;

import io.liaison.gateway.dispatch.TransportFailure;

/** Hands finished fax pages to whatever dials: an e-mail-to-fax gateway or a fax server's spool. */
public interface FaxBridge extends AutoCloseable {

    /**
     * Returns once the bridge has taken the job whole (accepted by the mail server, or published in the
     * spool); dialling happens later, outside the gateway.
     *
     * @return the identifier to store: the e-mail's Message-ID or the spool job's name
     */
    String submit(FaxJob job) throws TransportFailure;

    /** Says where jobs go, for logs. */
    String describe();

    @Override
    void close();
}
