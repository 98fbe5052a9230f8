package io.liaison.gateway.dispatch.sms;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach and use one SMSC over SMPP 3.4. Validated on construction so that a bad setting fails at
 * start-up rather than on the first alert. The password never appears in {@link #toString()}.
 *
 * @param host                 SMSC host name or address
 * @param port                 SMSC TCP port
 * @param systemId             ESME account (bind system_id, at most 15 characters)
 * @param password             bind password (at most 8 characters, the SMPP 3.4 limit)
 * @param systemType           bind system_type, may be empty (at most 12 characters)
 * @param sourceAddress        sender shown on handsets: alphanumeric (at most 11 characters, e.g. "NISC-LGW")
 *                             or a number, optionally with a leading '+'
 * @param bindTimeout          limit for TCP connect and for the bind response, each
 * @param enquireLinkInterval  idle time after which the session probes the SMSC, so a dead link is noticed
 * @param responseTimeout      limit for each submit_sm response
 * @param registeredDelivery   whether to ask the SMSC for delivery receipts
 * @param maxSubmitsPerSecond  submit_sm PDUs (segments, not messages) per second this ESME may send
 * @param maxSegments          the most parts one message may be split into; a longer text is refused
 */
public record SmppSettings(
        String host,
        int port,
        String systemId,
        String password,
        String systemType,
        String sourceAddress,
        Duration bindTimeout,
        Duration enquireLinkInterval,
        Duration responseTimeout,
        boolean registeredDelivery,
        int maxSubmitsPerSecond,
        int maxSegments) {

    // GSM 03.40 allows 11 characters for an alphanumeric originator; some letters must be present or
    // handsets and SMSCs take it for a number.
    private static final Pattern ALPHANUMERIC_SENDER = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9 ._-]{1,11}");
    private static final Pattern NUMERIC_SENDER = Pattern.compile("\\+?[0-9]{1,15}");

    public static final Duration DEFAULT_BIND_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_ENQUIRE_LINK_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_SUBMITS_PER_SECOND = 10;

    public SmppSettings {
        requireText(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        requireText(systemId, "systemId");
        requireMaxLength(systemId, 15, "systemId");
        Objects.requireNonNull(password, "password");
        requireMaxLength(password, 8, "password");
        systemType = systemType == null ? "" : systemType;
        requireMaxLength(systemType, 12, "systemType");
        requireText(sourceAddress, "sourceAddress");
        if (!ALPHANUMERIC_SENDER.matcher(sourceAddress).matches() && !NUMERIC_SENDER.matcher(sourceAddress).matches()) {
            throw new IllegalArgumentException("sourceAddress must be up to 11 letters/digits (with a letter) "
                    + "or a number of up to 15 digits, was '" + sourceAddress + "'");
        }
        requirePositive(bindTimeout, "bindTimeout");
        requirePositive(enquireLinkInterval, "enquireLinkInterval");
        requirePositive(responseTimeout, "responseTimeout");
        if (maxSubmitsPerSecond < 1 || maxSubmitsPerSecond > 10_000) {
            throw new IllegalArgumentException("maxSubmitsPerSecond must be 1..10000, was " + maxSubmitsPerSecond);
        }
        if (maxSegments < 1 || maxSegments > SmsEncoding.MAX_SEGMENTS) {
            throw new IllegalArgumentException("maxSegments must be 1.." + SmsEncoding.MAX_SEGMENTS + ", was " + maxSegments);
        }
    }

    /**
     * Settings with defaults: no system type, 5 s bind, 30 s enquire link, 10 s response, receipts on, 10/s,
     * up to 255 parts per message.
     */
    public static SmppSettings of(String host, int port, String systemId, String password, String sourceAddress) {
        return new SmppSettings(host, port, systemId, password, "", sourceAddress,
                DEFAULT_BIND_TIMEOUT, DEFAULT_ENQUIRE_LINK_INTERVAL, DEFAULT_RESPONSE_TIMEOUT,
                true, DEFAULT_MAX_SUBMITS_PER_SECOND, SmsEncoding.MAX_SEGMENTS);
    }

    public SmppSettings withSystemType(String type) {
        return new SmppSettings(host, port, systemId, password, type, sourceAddress,
                bindTimeout, enquireLinkInterval, responseTimeout, registeredDelivery, maxSubmitsPerSecond, maxSegments);
    }

    public SmppSettings withTimeouts(Duration bind, Duration enquireLink, Duration response) {
        return new SmppSettings(host, port, systemId, password, systemType, sourceAddress,
                bind, enquireLink, response, registeredDelivery, maxSubmitsPerSecond, maxSegments);
    }

    public SmppSettings withRegisteredDelivery(boolean requested) {
        return new SmppSettings(host, port, systemId, password, systemType, sourceAddress,
                bindTimeout, enquireLinkInterval, responseTimeout, requested, maxSubmitsPerSecond, maxSegments);
    }

    public SmppSettings withMaxSubmitsPerSecond(int cap) {
        return new SmppSettings(host, port, systemId, password, systemType, sourceAddress,
                bindTimeout, enquireLinkInterval, responseTimeout, registeredDelivery, cap, maxSegments);
    }

    /** Caps concatenation: a text needing more parts is refused for good, never cut by the transport. */
    public SmppSettings withMaxSegments(int cap) {
        return new SmppSettings(host, port, systemId, password, systemType, sourceAddress,
                bindTimeout, enquireLinkInterval, responseTimeout, registeredDelivery, maxSubmitsPerSecond, cap);
    }

    /** {@code host:port}, the way failures name the SMSC. */
    public String endpoint() {
        return host + ":" + port;
    }

    /** True when the sender is a name rather than a number, which changes its TON/NPI on the wire. */
    public boolean alphanumericSource() {
        return !NUMERIC_SENDER.matcher(sourceAddress).matches();
    }

    @Override
    public String toString() {
        // Settings end up in logs and error reports; the bind password must not.
        return "SmppSettings[endpoint=" + endpoint() + ", systemId=" + systemId + ", password=****"
                + ", systemType=" + systemType + ", sourceAddress=" + sourceAddress
                + ", bindTimeout=" + bindTimeout + ", enquireLinkInterval=" + enquireLinkInterval
                + ", responseTimeout=" + responseTimeout + ", registeredDelivery=" + registeredDelivery
                + ", maxSubmitsPerSecond=" + maxSubmitsPerSecond + ", maxSegments=" + maxSegments + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static void requireMaxLength(String value, int max, String name) {
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " must be at most " + max + " characters (SMPP 3.4 limit)");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
        if (value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " is too long");
        }
    }
}
