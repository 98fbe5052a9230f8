package io.liaison.gateway.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Something changed that a live view may want to show. It carries no content, only where to look: a
 * subscriber that wants the new state reads it through the application layer, with the reader's own
 * authorisation. So an event can travel between nodes (issue 14) and to a browser filter without
 * carrying anything of the notice.
 *
 * @param reference      the notice's reference, or empty when the change belongs to no notice (a quarantined
 *                       message that named none)
 * @param organisationId the organisation the change concerns: the recipient for a delivery, confirmation or
 *                       escalation; the originator or forwarder for an accepted or forwarded notice; the
 *                       claimed sender's organisation for inbound (empty when unknown)
 */
public record GatewayEvent(Kind kind, String reference, String organisationId, Instant at) {

    public GatewayEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        reference = reference == null ? "" : reference;
        organisationId = organisationId == null ? "" : organisationId;
    }

    /** What changed. The names are part of the wire form (SSE event names, the nodes' NOTIFY payload). */
    public enum Kind {
        NOTICE_ACCEPTED("notice.accepted"),
        NOTICE_FORWARDED("notice.forwarded"),
        DELIVERY_SENT("delivery.sent"),
        DELIVERY_RETRYING("delivery.retrying"),
        DELIVERY_FAILED("delivery.failed"),
        CONFIRMATION_RECORDED("confirmation.recorded"),
        ESCALATION_STEP("escalation.step"),
        INBOUND_ACCEPTED("inbound.accepted"),
        INBOUND_QUARANTINED("inbound.quarantined");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** The kind named {@code wireName}; an unknown name (a newer node) is refused, naming it. */
        public static Kind fromWireName(String wireName) {
            for (Kind k : values()) {
                if (k.wireName.equals(wireName)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown gateway event kind: " + wireName);
        }
    }

    public boolean hasReference() {
        return !reference.isEmpty();
    }
}
