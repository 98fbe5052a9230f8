package io.liaison.gateway.inbound;

import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;

/** Counts what a test's GreenMail IMAP account holds, as a mail client sees it. */
final class ImapFolders {
    static final int NO_SUCH_FOLDER = -1;
    static final int UNREACHABLE = -2;

    private ImapFolders() {
    }

    /** Messages in {@code folder} of the gateway's test account, or {@link #NO_SUCH_FOLDER} / {@link #UNREACHABLE}. */
    static int count(int port, String folder) {
        try {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", port, "gateway", "imap-secret");
            try {
                Folder f = store.getFolder(folder);
                if (!f.exists()) {
                    return NO_SUCH_FOLDER;
                }
                f.open(Folder.READ_ONLY);
                int n = f.getMessageCount();
                f.close(false);
                return n;
            } finally {
                store.close();
            }
        } catch (Exception e) {
            return UNREACHABLE;
        }
    }
}
