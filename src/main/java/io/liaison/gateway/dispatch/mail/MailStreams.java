package io.liaison.gateway.dispatch.mail;

/**
 * Names Jakarta Mail's stream provider once. Without it, Jakarta Mail 2.1 looks the provider up
 * through ServiceLoader every time it creates a MIME part or encodes a header, scanning every jar
 * on the class path: over a third of the time spent composing a PGP/MIME message in the fan-out
 * profile. With the system property set, the lookup is a class lookup. A value already set is left
 * alone.
 */
public final class MailStreams {
    private static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreams() {
    }

    public static void pinProvider() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, ANGUS);
        }
    }
}
