package io.liaison.gateway.inbound;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;

/**
 * Port for one protection format (OpenPGP's PGP/MIME, S/MIME): decrypts with the gateway's
 * key and says who signed, judged against the certificates registered in the directory. Trust is
 * decided by the intake from what this reports, never by the opener from headers.
 */
public interface InboundOpener {

    /** Short name of the format, e.g. {@code openpgp} or {@code smime}. */
    String format();

    /** Whether the message's outer Content-Type is this format's encrypted container. */
    boolean recognises(ContentType outer);

    /**
     * Decrypts and checks every signature.
     *
     * @throws InboundRejection with {@link ReasonCode#WRONG_CONTENT_TYPE}, {@link ReasonCode#NOT_ENCRYPTED} or
     *                          {@link ReasonCode#DECRYPTION_FAILED} when the container cannot be opened,
     *                          {@link ReasonCode#ENCRYPTION_NESTED} when a format's own envelope holds another
     *                          one, {@link ReasonCode#SIGNATURE_INVALID} when its signed layer cannot be read
     */
    OpenedInbound open(MimeMessage outer, Instant now) throws InboundRejection;
}
