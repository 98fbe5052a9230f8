package io.liaison.gateway.compose.smime;

import io.liaison.gateway.compose.ProtectedBody;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * An S/MIME envelope for one recipient: application/pkcs7-mime holding CMS EnvelopedData
 * (AES-256-CBC) or AuthEnvelopedData (AES-256-GCM), base64 encoded. The CMS bytes are made once;
 * writing the message again (a retry, a copy for the record) does not encrypt again. Immutable.
 */
public final class SmimeEnvelopedBody implements ProtectedBody {
    static final String ENVELOPED = "enveloped-data";
    /** RFC 8551 §3.2.2. */
    static final String AUTH_ENVELOPED = "authEnveloped-data";

    private final byte[] cms;
    private final boolean authenticated;

    SmimeEnvelopedBody(byte[] cms, boolean authenticated) {
        this.cms = cms;
        this.authenticated = authenticated;
    }

    /** The DER-encoded CMS ContentInfo, e.g. for {@code openssl cms -inform DER}. */
    public byte[] cms() {
        return cms.clone();
    }

    /** True for AES-256-GCM AuthEnvelopedData, false for AES-256-CBC EnvelopedData. */
    public boolean authenticated() {
        return authenticated;
    }

    public String contentType() {
        return "application/pkcs7-mime; smime-type=" + (authenticated ? AUTH_ENVELOPED : ENVELOPED) + "; name=\"smime.p7m\"";
    }

    @Override
    public String mimeType() {
        return "application/pkcs7-mime";
    }

    @Override
    public void applyTo(MimePart part) throws MessagingException {
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(cms, contentType())));
        part.setHeader("Content-Type", contentType());
        part.setHeader("Content-Transfer-Encoding", "base64");
        part.setHeader("Content-Disposition", "attachment; filename=\"smime.p7m\"");
        part.setHeader("Content-Description", "S/MIME Encrypted Message");
    }

    /** The envelope as a body part, e.g. to nest or to inspect in tests. */
    public MimeBodyPart asBodyPart() throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        applyTo(part);
        return part;
    }

    @Override
    public String toString() {
        return "S/MIME " + (authenticated ? "AuthEnvelopedData (AES-256-GCM)" : "EnvelopedData (AES-256-CBC)") + ", " + cms.length + " bytes";
    }
}
