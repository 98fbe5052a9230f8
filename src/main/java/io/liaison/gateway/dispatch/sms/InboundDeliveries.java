package io.liaison.gateway.dispatch.sms;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adapts jSMPP's deliver_sm callbacks to {@link SmsInboundListener}: receipts parsed, replies decoded. */
final class InboundDeliveries implements MessageReceiverListener {

    private static final Logger LOG = LoggerFactory.getLogger(InboundDeliveries.class);
    private static final int MAX_PENDING_REPLY_PARTS = 1_000;

    private final SmsInboundListener listener;
    private final String endpoint;
    private final SmsReassembler<Void> replies = new SmsReassembler<>(MAX_PENDING_REPLY_PARTS);

    InboundDeliveries(SmsInboundListener listener, String endpoint) {
        this.listener = listener;
        this.endpoint = endpoint;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        try {
            if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
                receipt(deliverSm);
            } else {
                reply(deliverSm);
            }
        } catch (RuntimeException e) {
            LOG.warn("SMS inbound listener failed on deliver_sm from {}; asking the SMSC to redeliver", endpoint, e);
            throw new ProcessRequestException("inbound listener failed", SMPPConstant.STAT_ESME_RX_T_APPN, e);
        }
    }

    private void receipt(DeliverSm deliverSm) {
        DeliveryReceipt receipt;
        try {
            receipt = deliverSm.getShortMessageAsDeliveryReceipt();
        } catch (InvalidDeliveryReceiptException e) {
            // Rejecting would make the SMSC resend the same unreadable receipt forever; acknowledge and log.
            LOG.warn("unreadable delivery receipt from SMSC {}: {}", endpoint, e.getMessage());
            return;
        }
        // The receipted_message_id TLV is authoritative; the id inside the text is sometimes reformatted
        // (decimal vs hex, truncated) by SMSCs.
        OptionalParameter tlv = deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
        String messageId = tlv instanceof OptionalParameter.COctetString id ? id.getValueAsString() : receipt.getId();
        String status = receipt.getFinalStatus() == null ? "UNKNOWN" : receipt.getFinalStatus().name();
        listener.onDeliveryReceipt(messageId, status, receipt.getError());
    }

    private void reply(DeliverSm deliverSm) {
        String source = deliverSm.getSourceAddr();
        String number = deliverSm.getSourceAddrTon() == TypeOfNumber.INTERNATIONAL.value() && !source.startsWith("+")
                ? "+" + source : source;
        replies.accept(number, deliverSm.getDestAddress(), deliverSm.getDataCoding(), deliverSm.isUdhi(),
                        deliverSm.getShortMessage() == null ? new byte[0] : deliverSm.getShortMessage(), null)
                .ifPresent(message -> listener.onReply(number, message.text()));
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        // Alert notifications announce a handset is reachable again; the dispatcher's retries cover that.
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RX_R_APPN);
    }
}
