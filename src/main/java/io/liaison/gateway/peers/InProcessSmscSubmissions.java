package io.liaison.gateway.peers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import io.liaison.gateway.dispatch.sms.SmsReassembler;
import io.liaison.gateway.peers.InProcessSmsc.ReceiptOutcome;
import io.liaison.gateway.peers.InProcessSmsc.ReceivedSms;
import io.liaison.gateway.peers.InProcessSmsc.SubmitAttempt;
import io.liaison.gateway.peers.InProcessSmsc.SubmitVerdict;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process SMSC's message handling: answers submit_sm per the test's policy, records reassembled
 * messages, and sends delivery receipts once the submit_sm_resp is on the wire (a receipt that overtook
 * its own response would carry an id the ESME does not know yet).
 */
final class InProcessSmscSubmissions implements ServerMessageReceiverListener, ServerResponseDeliveryListener {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessSmscSubmissions.class);

    private record PendingReceipt(SubmitSm submit, Date submitted, ReceiptOutcome outcome) {
    }

    private final InProcessSmscSessions sessions;
    private final ExecutorService receiptSender;
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    private final SmsReassembler<String> reassembler = new SmsReassembler<>(10_000);
    private final Map<String, PendingReceipt> pendingReceipts = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition grew = lock.newCondition();
    private final List<ReceivedSms> received = new ArrayList<>();
    private int count;
    private volatile boolean keep = true;

    private volatile Function<SubmitAttempt, SubmitVerdict> policy = attempt -> SubmitVerdict.ACCEPT;
    private volatile ReceiptOutcome receipts;

    InProcessSmscSubmissions(InProcessSmscSessions sessions, ExecutorService receiptSender) {
        this.sessions = sessions;
        this.receiptSender = receiptSender;
    }

    void policy(Function<SubmitAttempt, SubmitVerdict> decide) {
        this.policy = decide;
    }

    void receipts(ReceiptOutcome outcome) {
        this.receipts = outcome;
    }

    void keepMessages(boolean keep) {
        this.keep = keep;
    }

    int receivedCount() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    List<ReceivedSms> received() {
        lock.lock();
        try {
            return List.copyOf(received);
        } finally {
            lock.unlock();
        }
    }

    List<ReceivedSms> awaitCount(int count, Duration timeout) throws InterruptedException, TimeoutException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (this.count < count) {
                if (remaining <= 0) {
                    throw new TimeoutException("expected " + count + " message(s) at the SMSC within " + timeout
                            + ", got " + this.count);
                }
                remaining = grew.awaitNanos(remaining);
            }
            return List.copyOf(received);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
        String source = InProcessSmsc.render(submit.getSourceAddrTon(), submit.getSourceAddr());
        String destination = InProcessSmsc.render(submit.getDestAddrTon(), submit.getDestAddress());
        SubmitVerdict verdict = policy.apply(new SubmitAttempt(attempts.incrementAndGet(), source, destination));
        if (!verdict.accepted()) {
            throw new ProcessRequestException("refused by the test's submit policy", verdict.commandStatus());
        }
        String id = String.format("%010X", ids.incrementAndGet());
        reassembler.accept(source, destination, submit.getDataCoding(), submit.isUdhi(), shortMessage(submit), id)
                .ifPresent(message -> record(new ReceivedSms(String.join(",", message.attachments()), source,
                        destination, message.text(), Instant.now(), message.attachments().size(),
                        message.dataCoding())));
        ReceiptOutcome outcome = receipts;
        if (outcome != null && wantsReceipt(submit.getRegisteredDelivery(), outcome)) {
            pendingReceipts.put(id, new PendingReceipt(submit, new Date(), outcome));
        }
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new ProcessRequestException("message id rejected by jSMPP", SMPPConstant.STAT_ESME_RSYSERR, e);
        }
    }

    @Override
    public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession session) {
        PendingReceipt pending = pendingReceipts.remove(result.getMessageId());
        if (pending != null) {
            // Not on jSMPP's PDU thread: deliver_sm waits for its response, which that thread pool must read.
            receiptSender.execute(() -> sendReceipt(result.getMessageId(), pending, session));
        }
    }

    @Override
    public void onSubmitSmRespError(SubmitSmResult result, Exception cause, SMPPServerSession session) {
        pendingReceipts.remove(result.getMessageId());
    }

    @Override
    public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession session) {
    }

    @Override
    public void onSubmitMultiRespError(SubmitMultiResult result, Exception cause, SMPPServerSession session) {
    }

    private void record(ReceivedSms sms) {
        lock.lock();
        try {
            count++;
            if (keep) {
                received.add(sms);
            }
            grew.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void sendReceipt(String messageId, PendingReceipt pending, SMPPServerSession submitter) {
        SubmitSm submit = pending.submit();
        ReceiptOutcome outcome = pending.outcome();
        boolean delivered = outcome.state() == DeliveryReceiptState.DELIVRD;
        DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, delivered ? 1 : 0, pending.submitted(), new Date(),
                outcome.state(), outcome.error(), "");
        sessions.receiverFor(submitter).ifPresentOrElse(receiver -> {
            try {
                // A receipt travels back: from the handset (original destination) to the sender.
                receiver.deliverShortMessage(null,
                        TypeOfNumber.valueOf(submit.getDestAddrTon()), NumberingPlanIndicator.valueOf(submit.getDestAddrNpi()),
                        submit.getDestAddress(),
                        TypeOfNumber.valueOf(submit.getSourceAddrTon()), NumberingPlanIndicator.valueOf(submit.getSourceAddrNpi()),
                        submit.getSourceAddr(),
                        new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                        (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                        receipt.toString().getBytes(StandardCharsets.US_ASCII),
                        new OptionalParameter.Receipted_message_id(messageId));
            } catch (Exception e) {
                LOG.warn("in-process SMSC could not deliver the receipt for {}: {}", messageId, e.toString());
            }
        }, () -> LOG.warn("in-process SMSC has no receiver bound for the receipt of {}", messageId));
    }

    private static boolean wantsReceipt(byte registeredDelivery, ReceiptOutcome outcome) {
        int smscReceipt = registeredDelivery & 0x03;
        boolean failuresOnly = smscReceipt == 0x02;
        return smscReceipt != 0 && !(failuresOnly && outcome.state() == DeliveryReceiptState.DELIVRD);
    }

    // Long texts may come in the message_payload TLV instead of short_message.
    private static byte[] shortMessage(SubmitSm submit) {
        byte[] shortMessage = submit.getShortMessage();
        if (shortMessage != null && shortMessage.length > 0) {
            return shortMessage;
        }
        OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        return payload instanceof OptionalParameter.OctetString octets ? octets.getValue() : new byte[0];
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported("submit_multi");
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("query_sm");
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("replace_sm");
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("cancel_sm");
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported("broadcast_sm");
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported("cancel_broadcast_sm");
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported("query_broadcast_sm");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw unsupported("data_sm");
    }

    private static ProcessRequestException unsupported(String operation) {
        return new ProcessRequestException(operation + " is not supported by the in-process SMSC",
                SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
