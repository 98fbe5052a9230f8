package io.liaison.gateway.dispatch.fax;

import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.dispatch.mail.MailTransport;
import io.liaison.gateway.marking.NoticeMarking;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Clock;
import java.util.Date;

/**
 * Sends the fax through an e-mail-to-fax gateway: one message to {@code FAX=+<number>@<gateway>}
 * (RFC 3192) carrying the pages as a TIFF-F attachment, in the simple-mode Internet fax shape
 * (RFC 3965: multipart/mixed, a short text part, then image/tiff). The text part and the Subject carry
 * only the level, the reference and the page count, since some gateways print them on a cover page.
 */
public final class EmailToFaxBridge implements FaxBridge {
    private final MailTransport transport;
    private final Session session;
    private final InternetAddress from;
    private final String gatewayDomain;
    private final String messageIdDomain;
    private final Clock clock;

    public EmailToFaxBridge(MailTransport transport, Session session, InternetAddress from, String gatewayDomain, Clock clock) {
        this.transport = transport;
        this.session = session;
        this.from = from;
        this.gatewayDomain = Rfc3192Address.checkedDomain(gatewayDomain);
        this.messageIdDomain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
        this.clock = clock;
    }

    /** The message that {@link #submit} hands to the mail server; public so tests and the demo can look at it. */
    public MimeMessage compose(FaxJob job) throws MessagingException {
        InternetAddress to = Rfc3192Address.of(job.number(), job.subaddress(), gatewayDomain);
        String marking = (job.exercise() ? "[" + NoticeMarking.exerciseLabel() + "] " : "") + "[" + job.level().label() + "] ["
                + job.reference() + "]";
        MimeMessage message = new FixedIdMessage(session, "<" + job.reference() + ".fax." + job.deliveryId() + "@" + messageIdDomain + ">");
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, to);
        message.setSubject(marking + " FAX " + job.fax().pages() + (job.fax().pages() == 1 ? " page" : " pages"), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader(NoticeMarking.HEADER_LEVEL, job.level().label());
        message.setHeader(NoticeMarking.HEADER_REFERENCE, job.reference());
        if (job.exercise()) {
            message.setHeader(NoticeMarking.HEADER_EXERCISE, "yes");
        }

        MimeBodyPart text = new MimeBodyPart();
        text.setText(marking + " " + job.fax().pages() + " fax page(s) attached as TIFF-F ("
                + job.fax().resolution().xDpi() + "x" + job.fax().resolution().yDpi() + " dpi).\r\n", "US-ASCII");
        MimeBodyPart pages = new MimeBodyPart();
        pages.setDataHandler(new DataHandler(new ByteArrayDataSource(job.fax().tiff(), "image/tiff; application=faxbw")));
        pages.setFileName(job.name() + ".tif");
        pages.setDisposition(MimeBodyPart.ATTACHMENT);
        pages.setHeader("Content-Transfer-Encoding", "base64");
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(text);
        mixed.addBodyPart(pages);
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }

    @Override
    public String submit(FaxJob job) throws TransportFailure {
        MimeMessage message;
        String id;
        try {
            message = compose(job);
            id = message.getMessageID();
        } catch (MessagingException e) {
            throw TransportFailure.permanent("could not compose the e-mail to the fax gateway: " + e.getMessage(), e);
        }
        transport.send(message);
        return id;
    }

    @Override
    public String describe() {
        return "e-mail-to-fax gateway FAX=+<number>@" + gatewayDomain;
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Keeps a deterministic Message-ID so a resent fax e-mail can be recognised. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
