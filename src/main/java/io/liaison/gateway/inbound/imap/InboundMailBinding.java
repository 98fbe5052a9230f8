package io.liaison.gateway.inbound.imap;

import jakarta.mail.Message;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.Attachment;
import org.apache.camel.component.mail.MailBinding;
import org.apache.camel.component.mail.MailMessage;

/**
 * How the IMAP route hands a fetched mail to the intake: as the mail itself, and nothing else.
 *
 * <p>camel-mail's own binding copies the mail's headers onto the exchange, and its consumer reads
 * some of them back as commands when it finishes a message ({@code copyTo}/{@code moveTo}/{@code delete}
 * up to 4.18.0, {@code CamelMailCopyTo}... since): a sender could steer the mailbox. Copying them also
 * parses the hostile message (header decoding, the whole MIME tree to find a text part) after the intake
 * has judged it; when that failed, the consumer's finishing step failed with it and the mail was never
 * moved out of the inbox, so it was fetched and judged again at every poll. Here no header is mapped,
 * no content is parsed: the intake alone reads the message, bounded, and the mailbox does only what
 * the route's settings say.
 */
public final class InboundMailBinding extends MailBinding {
    public InboundMailBinding() {
        super(new NoInboundMailHeaders(), null, false, false);
    }

    @Override
    protected Map<String, Object> extractHeadersFromMail(Message mailMessage, Exchange exchange) {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    @Override
    public Object extractBodyFromMail(Exchange exchange, MailMessage mailMessage) {
        return mailMessage.getMessage();
    }

    @Override
    public void extractAttachmentsFromMail(Message message, Map<String, Attachment> map) {
        // attachments are the intake's to read, inside the decrypted entity
    }
}
