package io.liaison.gateway.track;

import io.liaison.gateway.dispatch.sms.SmsInboundListener;
import io.liaison.gateway.track.ack.ConfirmationDesk;
import io.liaison.gateway.track.ack.SmsAnswers;
import io.liaison.gateway.track.receipts.DeliveryReceipts;
import java.time.Clock;

/**
 * What arrives on the SMPP session: receipts move deliveries, replies are confirmation attempts. A
 * registered number is answered with what happened; an unregistered one is recorded but not answered,
 * so the gateway never becomes a way to send texts to arbitrary numbers.
 */
public final class SmsInbound implements SmsInboundListener {
    private final DeliveryReceipts receipts;
    private final ConfirmationDesk desk;
    private final SmsAnswers answers;
    private final boolean answerReplies;
    private final Clock clock;

    public SmsInbound(DeliveryReceipts receipts, ConfirmationDesk desk, SmsAnswers answers, boolean answerReplies, Clock clock) {
        this.receipts = receipts;
        this.desk = desk;
        this.answers = answers;
        this.answerReplies = answerReplies;
        this.clock = clock;
    }

    @Override
    public void onDeliveryReceipt(String messageId, String status, String error) {
        receipts.onReceipt(messageId, status, error);
    }

    @Override
    public void onReply(String sourceNumber, String text) {
        ConfirmationOutcome outcome = desk.smsReply(sourceNumber, text, clock.instant());
        if (answerReplies && desk.isRegisteredNumber(sourceNumber)) {
            answers.answer(sourceNumber, outcome.message());
        }
    }
}
