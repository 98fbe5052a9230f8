package io.liaison.gateway.dispatch.sms;

/**
 * What the SMSC sends back on the session: delivery receipts for submitted messages and replies from
 * handsets. Called on an SMPP reader thread; keep it short. Throwing makes the SMSC redeliver later
 * (the deliver_sm is answered with a temporary application error), so throw only when a retry may help.
 */
public interface SmsInboundListener {

    /** Discards everything; for senders that do not track receipts. */
    SmsInboundListener IGNORE = new SmsInboundListener() {
    };

    /**
     * @param messageId the id the SMSC returned for the submitted segment (as given by {@link SmsTransport#submit})
     * @param status    the receipt's final state, e.g. {@code DELIVRD}, {@code UNDELIV}, {@code EXPIRED}, {@code REJECTD}
     * @param error     the network error code from the receipt ({@code 000} when none)
     */
    default void onDeliveryReceipt(String messageId, String status, String error) {
    }

    /**
     * @param sourceNumber the handset, E.164 with '+' when the SMSC marked it international
     * @param text         the reply, reassembled if it came in parts
     */
    default void onReply(String sourceNumber, String text) {
    }
}
