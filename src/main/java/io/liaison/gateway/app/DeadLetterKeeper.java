package io.liaison.gateway.app;

import io.liaison.gateway.store.NoticeStore;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dead-letter store behind the shared error handler: what no route could handle is kept whole. */
public final class DeadLetterKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterKeeper.class);
    private final NoticeStore store;
    private final Clock clock;

    public DeadLetterKeeper(NoticeStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void keep(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String route = exchange.getFromRouteId();
        String body = describe(exchange.getMessage().getBody());
        String error = cause == null ? "unknown failure" : cause.getClass().getName() + ": " + cause.getMessage();
        store.keepDeadLetter(route, exchange.getExchangeId(), body, error, clock.instant());
        LOG.error("kept in the dead-letter store: route {} exchange {}: {}", route, exchange.getExchangeId(), error);
    }

    private static String describe(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        if (body instanceof io.liaison.gateway.intake.NoticeFile file) {
            return "# source: " + file.source() + "\n" + new String(file.yaml(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return String.valueOf(body);
    }
}
