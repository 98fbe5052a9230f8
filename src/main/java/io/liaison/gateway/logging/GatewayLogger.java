package io.liaison.gateway.logging;

import java.util.Arrays;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/**
 * One named logger: its threshold is fixed when it is made (from {@link LogLevels}); what it writes goes through
 * {@link GatewayLog}. The fluent API's key-value pairs reach the JSON line as fields ({@link LoggingEventAware}).
 */
final class GatewayLogger extends LegacyAbstractLogger implements LoggingEventAware {
    private static final long serialVersionUID = 1L;
    private final int threshold;

    GatewayLogger(String name, int threshold) {
        this.name = name;
        this.threshold = threshold;
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable t) {
        GatewayLog.write(new LogEvent(GatewayLog.clock().instant(), level, name, Thread.currentThread().getName(),
                marker == null ? List.of() : List.of(marker), MessageFormatter.basicArrayFormat(pattern, arguments), List.of(), t));
    }

    @Override
    public void log(LoggingEvent event) {
        if (!enabled(event.getLevel())) {
            return;
        }
        Object[] arguments = event.getArgumentArray();
        Throwable t = event.getThrowable();
        if (t == null && arguments != null) {
            t = MessageFormatter.getThrowableCandidate(arguments);
            if (t != null) {
                arguments = MessageFormatter.trimmedCopy(arguments);
            }
        }
        List<Marker> markers = event.getMarkers();
        GatewayLog.write(new LogEvent(GatewayLog.clock().instant(), event.getLevel(), name, Thread.currentThread().getName(),
                markers, MessageFormatter.basicArrayFormat(event.getMessage(), arguments),
                event.getKeyValuePairs(), t));
    }

    @Override
    public String toString() {
        return "GatewayLogger[" + name + ", " + Arrays.stream(Level.values()).filter(this::enabled).map(Level::name).toList() + "]";
    }
}
