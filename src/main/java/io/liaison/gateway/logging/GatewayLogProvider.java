package io.liaison.gateway.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 provider found through {@code META-INF/services}: the only one on the class path (slf4j-simple
 * and the OpenID Connect test server's logback are left out in the pom), so SLF4J never has to choose.
 */
public final class GatewayLogProvider implements SLF4JServiceProvider {
    /** The SLF4J API this provider is written against. */
    public static final String REQUESTED_API_VERSION = "2.0.99";

    private ILoggerFactory loggers;
    private IMarkerFactory markers;
    private MDCAdapter mdc;

    @Override
    public void initialize() {
        LogLevels levels = LogLevels.load();
        ConcurrentMap<String, Logger> made = new ConcurrentHashMap<>();
        loggers = name -> made.computeIfAbsent(name, n -> new GatewayLogger(n, levels.of(n)));
        markers = new BasicMarkerFactory();
        mdc = new BasicMDCAdapter();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }
}
