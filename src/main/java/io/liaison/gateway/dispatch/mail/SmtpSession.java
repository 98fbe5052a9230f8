package io.liaison.gateway.dispatch.mail;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLSocket;

/**
 * One client session with the outgoing mail server (RFC 5321): greeting, EHLO, STARTTLS, AUTH, then
 * any number of messages. Where the server offers PIPELINING (RFC 2920) the envelope (MAIL, RCPT, DATA)
 * goes in one write and its replies are read together, two round trips a message instead of four; the
 * message goes out in blocks, with line ends made CRLF and leading dots doubled on the way.
 *
 * <p>Not thread-safe: one message at a time, as SMTP itself.
 */
final class SmtpSession implements Closeable {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] END_OF_DATA = {'.', '\r', '\n'};

    private final SmtpSettings settings;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] replyBuffer = new byte[4096];
    private int replyPosition;
    private int replyLimit;
    private Set<String> extensions = Set.of();
    private String authMechanisms = "";

    private SmtpSession(SmtpSettings settings) {
        this.settings = settings;
    }

    /**
     * Connects, greets, and secures and authenticates the session as the settings say.
     *
     * @throws SmtpRefusal when the server refuses a step (its reply code says whether to try later)
     * @throws IOException when the server cannot be reached, or the connection or TLS fails
     */
    static SmtpSession open(SmtpSettings settings, String localName) throws IOException, SmtpRefusal {
        SmtpSession session = new SmtpSession(settings);
        try {
            session.connect(localName);
            return session;
        } catch (IOException | SmtpRefusal | RuntimeException e) {
            session.abort();
            throw e;
        }
    }

    private void connect(String localName) throws IOException, SmtpRefusal {
        Socket plain = new Socket();
        plain.setTcpNoDelay(true); // the end of data is a small segment: Nagle would hold it for the server's delayed ACK
        plain.connect(new InetSocketAddress(settings.host(), settings.port()), settings.timeoutMillis());
        use(plain);
        expect("connect", 220);
        hello(localName);
        if (settings.startTls() != SmtpSettings.StartTls.NONE) {
            if (extensions.contains("STARTTLS")) {
                command("STARTTLS", "STARTTLS", 220);
                // The server's certificate must chain to a trusted root and name the host the settings give.
                use(settings.tls().secure(plain, settings.host(), settings.port()));
                hello(localName);
            } else if (settings.startTls() == SmtpSettings.StartTls.REQUIRED) {
                throw new SmtpRefusal("STARTTLS", 454, "the server does not offer STARTTLS, and gateway.smtp.starttls"
                        + " is required: nothing is sent in the clear");
            }
        }
        if (settings.authenticates()) {
            if (!(socket instanceof SSLSocket) && !settings.allowPlaintextCredentials()) {
                throw new SmtpRefusal("AUTH", 454, "the session is not protected by TLS (the server did not offer"
                        + " STARTTLS): the SMTP credentials are never sent in the clear unless "
                        + SmtpSettings.ALLOW_PLAINTEXT_CREDENTIALS + "=true");
            }
            authenticate();
        }
    }

    private void use(Socket s) throws IOException {
        s.setSoTimeout(settings.timeoutMillis());
        socket = s;
        in = s.getInputStream();
        out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
        replyPosition = 0;
        replyLimit = 0;
    }

    private void hello(String localName) throws IOException, SmtpRefusal {
        write("EHLO " + localName);
        Reply reply = reply();
        if (reply.code() / 100 != 2) {
            command("HELO", "HELO " + localName, 250); // an RFC 821 server: no extensions
            extensions = Set.of();
            authMechanisms = "";
            return;
        }
        Set<String> offered = new HashSet<>();
        authMechanisms = ""; // what the server offers after STARTTLS replaces what it offered before
        List<String> lines = reply.lines();
        for (String line : lines.subList(1, lines.size())) {
            String[] words = line.trim().split("[ =]", 2);
            String keyword = words[0].toUpperCase(Locale.ROOT);
            offered.add(keyword);
            if (keyword.equals("AUTH") && words.length > 1) {
                authMechanisms = " " + words[1].toUpperCase(Locale.ROOT) + " ";
            }
        }
        extensions = offered;
    }

    // PLAIN (RFC 4616) where offered, else LOGIN; the password is never part of an error message.
    private void authenticate() throws IOException, SmtpRefusal {
        Base64.Encoder base64 = Base64.getEncoder();
        if (authMechanisms.contains(" PLAIN ")) {
            byte[] token = ("\0" + settings.username() + "\0" + settings.password()).getBytes(StandardCharsets.UTF_8);
            command("AUTH", "AUTH PLAIN " + base64.encodeToString(token), 235);
        } else if (authMechanisms.contains(" LOGIN ")) {
            command("AUTH", "AUTH LOGIN", 334);
            command("AUTH", base64.encodeToString(settings.username().getBytes(StandardCharsets.UTF_8)), 334);
            command("AUTH", base64.encodeToString(settings.password().getBytes(StandardCharsets.UTF_8)), 235);
        } else {
            throw new SmtpRefusal("AUTH", 454, "the server offers neither AUTH PLAIN nor AUTH LOGIN"
                    + (extensions.contains("AUTH") ? " (it offers" + authMechanisms.stripTrailing() + ")" : "")
                    + ", and a user name is set");
        }
    }

    /** Whether the server offered PIPELINING in its last EHLO reply. */
    boolean pipelines() {
        return extensions.contains("PIPELINING");
    }

    /**
     * Sends one message to every recipient, or to none: a refused recipient refuses the message (the
     * gateway sends one message per point of contact, and never half a delivery).
     *
     * @param message writes the message as it goes on the wire; bare LF or CR line ends are sent as CRLF
     * @return the server's reply to the end of data (often its queue id)
     * @throws SmtpRefusal the server refused the sender, a recipient or the message
     */
    String send(String from, List<String> recipients, Content message) throws IOException, SmtpRefusal {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one recipient");
        }
        boolean pipelined = pipelines();
        write("MAIL FROM:<" + from + ">", pipelined);
        if (!pipelined) {
            expect("MAIL", 250);
        }
        for (String to : recipients) {
            write("RCPT TO:<" + to + ">", pipelined);
            if (!pipelined) {
                expect("RCPT", 250, 251);
            }
        }
        write("DATA");
        SmtpRefusal refused = null;
        if (pipelined) {
            // Every reply is read, in order, even after a refusal: the session stays in step.
            refused = firstRefusal(refused, "MAIL", reply(), 250);
            for (int i = 0; i < recipients.size(); i++) {
                refused = firstRefusal(refused, "RCPT", reply(), 250, 251);
            }
        }
        Reply data = reply();
        if (refused != null) {
            if (data.code() == 354) {
                // The server would take the message for the recipients it accepted: end the session
                // rather than send anything, so the message goes to all or none.
                abort();
            }
            throw refused;
        }
        if (data.code() != 354) {
            throw new SmtpRefusal("DATA", data.code(), data.text());
        }
        DataStream stream = new DataStream(out);
        message.writeTo(stream);
        stream.finish();
        out.flush();
        return expect("end of data", 250).text();
    }

    /** Asks whether the server is still there. */
    boolean noop() {
        try {
            write("NOOP");
            return reply().code() == 250;
        } catch (IOException | SmtpRefusal e) {
            return false;
        }
    }

    /** Says goodbye if the server is listening, and closes the connection either way. */
    @Override
    public void close() {
        try {
            if (socket != null && !socket.isClosed()) {
                write("QUIT");
                reply();
            }
        } catch (IOException | SmtpRefusal e) {
            // the server has gone already; nothing more to say to it
        } finally {
            abort();
        }
    }

    private void abort() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // closing a connection that failed: nothing to keep
        }
    }

    private static SmtpRefusal firstRefusal(SmtpRefusal earlier, String command, Reply reply, int... accepted) {
        if (earlier != null || contains(accepted, reply.code())) {
            return earlier;
        }
        return new SmtpRefusal(command, reply.code(), reply.text());
    }

    private void command(String name, String line, int... accepted) throws IOException, SmtpRefusal {
        write(line);
        expect(name, accepted);
    }

    private Reply expect(String command, int... accepted) throws IOException, SmtpRefusal {
        Reply reply = reply();
        if (!contains(accepted, reply.code())) {
            throw new SmtpRefusal(command, reply.code(), reply.text());
        }
        return reply;
    }

    private static boolean contains(int[] codes, int code) {
        for (int c : codes) {
            if (c == code) {
                return true;
            }
        }
        return false;
    }

    private void write(String line) throws IOException {
        write(line, false);
    }

    /** Writes a command line; sends it at once unless {@code more} commands follow it in the same write. */
    private void write(String line, boolean more) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write(CRLF);
        if (!more) {
            out.flush();
        }
    }

    /** One reply, all its lines ("250-..." continues, "250 ..." ends). */
    private Reply reply() throws IOException, SmtpRefusal {
        List<String> lines = new java.util.ArrayList<>(2);
        while (true) {
            String line = line();
            if (line.length() < 3 || !Character.isDigit(line.charAt(0)) || !Character.isDigit(line.charAt(1))
                    || !Character.isDigit(line.charAt(2))) {
                throw new SmtpRefusal("reply", 0, "not an SMTP reply: " + (line.length() > 80 ? line.substring(0, 80) : line));
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) != '-') {
                return new Reply(Integer.parseInt(line.substring(0, 3)), lines);
            }
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (replyPosition == replyLimit) {
                int n = in.read(replyBuffer);
                if (n < 0) {
                    throw new IOException("the server closed the connection");
                }
                replyPosition = 0;
                replyLimit = n;
            }
            byte c = replyBuffer[replyPosition++];
            if (c == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() < 2048) {
                line.append((char) (c & 0xff));
            }
        }
    }

    /** A message, written when the server is ready for it. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * The message as DATA carries it (RFC 5321 §4.5.2): every line end CRLF, a dot that starts a line
     * doubled, then the lone dot. Runs of ordinary bytes are copied whole.
     */
    static final class DataStream extends OutputStream {
        private final OutputStream out;
        private boolean lineStart = true;
        /** A CR was seen last; it is written once the next byte shows whether an LF follows it. */
        private boolean pendingCr;

        DataStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int start = off;
            int end = off + len;
            for (int i = off; i < end; i++) {
                byte c = b[i];
                if (pendingCr) {
                    pendingCr = false;
                    out.write(CRLF);
                    lineStart = true;
                    if (c == '\n') {
                        start = i + 1;
                        continue;
                    }
                }
                if (c == '\r') {
                    out.write(b, start, i - start);
                    pendingCr = true;
                    start = i + 1;
                } else if (c == '\n') {
                    out.write(b, start, i - start);
                    out.write(CRLF);
                    start = i + 1;
                    lineStart = true;
                } else {
                    if (c == '.' && lineStart) {
                        out.write(b, start, i - start);
                        out.write('.');
                        start = i; // the dot itself goes out with the rest of the run
                    }
                    lineStart = false;
                }
            }
            out.write(b, start, end - start);
        }

        /** Ends the last line if it was left open, and the message with the lone dot. */
        void finish() throws IOException {
            if (pendingCr) {
                pendingCr = false;
                out.write(CRLF);
                lineStart = true;
            }
            if (!lineStart) {
                out.write(CRLF);
            }
            out.write(END_OF_DATA);
        }
    }

    /** A server reply: its code and the text of each line. */
    private record Reply(int code, List<String> lines) {
        String text() {
            return code + " " + String.join(" ", lines);
        }
    }

    /** The server answered a command with a refusal; 4xx: try again later, 5xx: it will not take it. */
    static final class SmtpRefusal extends Exception {
        private final String command;
        private final int code;

        SmtpRefusal(String command, int code, String reply) {
            super(command + ": " + reply);
            this.command = command;
            this.code = code;
        }

        String command() {
            return command;
        }

        int code() {
            return code;
        }

        boolean isPermanent() {
            return code >= 500;
        }
    }
}
