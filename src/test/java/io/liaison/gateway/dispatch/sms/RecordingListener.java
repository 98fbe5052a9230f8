package io.liaison.gateway.dispatch.sms;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Collects what arrives on the session so tests can wait for it. */
final class RecordingListener implements SmsInboundListener {

    record Receipt(String messageId, String status, String error) {
    }

    record Reply(String sourceNumber, String text) {
    }

    final BlockingQueue<Receipt> receipts = new LinkedBlockingQueue<>();
    final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();

    @Override
    public void onDeliveryReceipt(String messageId, String status, String error) {
        receipts.add(new Receipt(messageId, status, error));
    }

    @Override
    public void onReply(String sourceNumber, String text) {
        replies.add(new Reply(sourceNumber, text));
    }

    Receipt nextReceipt(Duration timeout) throws InterruptedException {
        Receipt receipt = receipts.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (receipt == null) {
            throw new AssertionError("no delivery receipt within " + timeout);
        }
        return receipt;
    }
}
