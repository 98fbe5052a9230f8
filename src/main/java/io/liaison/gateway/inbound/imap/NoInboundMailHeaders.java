package io.liaison.gateway.inbound.imap;

import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * The IMAP endpoint's header filter: no header of a fetched mail becomes an exchange header (so none
 * can name a Camel control header such as {@code CamelBeanMethodName} or {@code CamelMailMoveTo}), and
 * the consumer writes nothing back to the mail. Beside {@link InboundMailBinding}, which maps nothing
 * anyway, so that a binding set some other way still filters everything.
 */
public final class NoInboundMailHeaders implements HeaderFilterStrategy {
    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return true;
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return true;
    }
}
