package io.liaison.gateway.compose.smime;

import jakarta.activation.CommandMap;
import jakarta.activation.MailcapCommandMap;

/**
 * Makes sure Jakarta Activation knows Bouncy Castle's S/MIME content handlers. bcjmail ships them in
 * its META-INF/mailcap, but a shaded jar keeps only one META-INF/mailcap unless the build merges them
 * (the pom does), so this registers them again in code rather than trusting the packaging.
 */
final class SmimeMailcap {
    private static boolean done;

    private SmimeMailcap() {
    }

    static synchronized void ensureRegistered() {
        if (done) {
            return;
        }
        if (CommandMap.getDefaultCommandMap() instanceof MailcapCommandMap map
                && map.createDataContentHandler("application/pkcs7-signature") == null) {
            map.addMailcap("application/pkcs7-signature;; x-java-content-handler=org.bouncycastle.mail.smime.handlers.pkcs7_signature");
            map.addMailcap("application/pkcs7-mime;; x-java-content-handler=org.bouncycastle.mail.smime.handlers.pkcs7_mime");
            map.addMailcap("application/x-pkcs7-signature;; x-java-content-handler=org.bouncycastle.mail.smime.handlers.x_pkcs7_signature");
            map.addMailcap("application/x-pkcs7-mime;; x-java-content-handler=org.bouncycastle.mail.smime.handlers.x_pkcs7_mime");
            map.addMailcap("multipart/signed;; x-java-content-handler=org.bouncycastle.mail.smime.handlers.multipart_signed");
        }
        done = true;
    }
}
