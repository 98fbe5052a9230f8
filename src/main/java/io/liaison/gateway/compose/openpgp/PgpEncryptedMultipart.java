package io.liaison.gateway.compose.openpgp;

import io.liaison.gateway.compose.ProtectedBody;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PGP/MIME's multipart/encrypted (RFC 3156 §4) around one armored OpenPGP message, with the protocol
 * parameter the RFC requires (MimeMultipart has no public way to add a parameter, only the protected
 * content type). It is still a MimeMultipart, so code that builds or inspects PGP/MIME directly keeps
 * working with it; but its two body parts are built only when someone looks at them, and
 * {@link #writeEntity} writes the fixed layout straight from the armored text, as a fan-out to
 * thousands of recipients needs nothing else.
 */
public final class PgpEncryptedMultipart extends MimeMultipart implements ProtectedBody {
    static final String PROTOCOL = "application/pgp-encrypted";
    private static final String VERSION_DESCRIPTION = "PGP/MIME version identification";
    private static final String PAYLOAD_TYPE = "application/octet-stream; name=encrypted.asc";
    private static final String PAYLOAD_DESCRIPTION = "OpenPGP encrypted message";
    private static final String PAYLOAD_FILE = "encrypted.asc";
    private static final byte[] VERSION = "Version: 1\r\n".getBytes(StandardCharsets.US_ASCII);
    // A boundary need only be absent from the content: armor never holds '=' followed by '_'. Unique
    // per message all the same, so that nested or concatenated copies never confuse a reader.
    private static final String RUN = Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE);
    private static final AtomicLong COUNTER = new AtomicLong();

    private final String armored;
    private final String boundary;
    private boolean built;

    PgpEncryptedMultipart(String armored) throws MessagingException {
        this(armored, "=_pgp_" + RUN + "_" + Long.toHexString(COUNTER.incrementAndGet()));
    }

    // The data source only hands MimeMultipart its content type: the constructors that make a boundary
    // cost more than encrypting the body, and parse() below never reads the source.
    private PgpEncryptedMultipart(String armored, String boundary) throws MessagingException {
        super(new ByteArrayDataSource(new byte[0],
                "multipart/encrypted; protocol=\"" + PROTOCOL + "\"; boundary=\"" + boundary + "\""));
        this.armored = armored;
        this.boundary = boundary;
    }

    // MimeMultipart asks parse() before any access to its parts: they are made then, once.
    @Override
    protected synchronized void parse() throws MessagingException {
        if (built) {
            return;
        }
        built = true;
        parsed = true;
        addBodyPart(part(VERSION, PROTOCOL, VERSION_DESCRIPTION));
        MimeBodyPart payload = part(armored.getBytes(StandardCharsets.US_ASCII), PAYLOAD_TYPE, PAYLOAD_DESCRIPTION);
        payload.setDisposition(MimeBodyPart.INLINE);
        payload.setFileName(PAYLOAD_FILE);
        addBodyPart(payload);
    }

    private static MimeBodyPart part(byte[] bytes, String type, String description) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
        part.setHeader("Content-Type", type);
        part.setHeader("Content-Transfer-Encoding", "7bit");
        part.setDescription(description);
        return part;
    }

    @Override
    public void applyTo(MimePart part) throws MessagingException {
        part.setContent(this);
    }

    @Override
    public String mimeType() {
        return "multipart/encrypted";
    }

    /** The armored OpenPGP message, as the second part carries it. */
    public String armored() {
        return armored;
    }

    @Override
    public void writeEntity(OutputStream out) throws IOException {
        String dash = "--" + boundary + "\r\n";
        String head = "Content-Type: multipart/encrypted; protocol=\"" + PROTOCOL + "\";\r\n\tboundary=\"" + boundary + "\"\r\n\r\n"
                + dash
                + "Content-Type: " + PROTOCOL + "\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n"
                + "Content-Description: " + VERSION_DESCRIPTION + "\r\n\r\n"
                + "Version: 1\r\n\r\n"
                + dash
                + "Content-Type: " + PAYLOAD_TYPE + "\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n"
                + "Content-Description: " + PAYLOAD_DESCRIPTION + "\r\n"
                + "Content-Disposition: inline; filename=" + PAYLOAD_FILE + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(crlf(armored));
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    // Armor lines end in LF as Bouncy Castle writes them; on the wire every line ends in CRLF. One array
    // of the final size, filled a line at a time: this runs once per recipient of a fan-out.
    private static byte[] crlf(String text) {
        byte[] in = text.getBytes(StandardCharsets.US_ASCII);
        int bare = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n' && (i == 0 || in[i - 1] != '\r')) {
                bare++;
            }
        }
        boolean open = in.length > 0 && in[in.length - 1] != '\n';
        if (bare == 0 && !open) {
            return in;
        }
        byte[] out = new byte[in.length + bare + (open ? 2 : 0)];
        int o = 0;
        int start = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n' && (i == 0 || in[i - 1] != '\r')) {
                System.arraycopy(in, start, out, o, i - start);
                o += i - start;
                out[o++] = '\r';
                start = i; // the LF goes with the next run
            }
        }
        System.arraycopy(in, start, out, o, in.length - start);
        o += in.length - start;
        if (open) {
            out[o++] = '\r';
            out[o] = '\n';
        }
        return out;
    }
}
