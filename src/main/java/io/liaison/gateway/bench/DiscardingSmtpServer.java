package io.liaison.gateway.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server on loopback that accepts every message and keeps nothing but a count, so the
 * benchmark measures the gateway rather than a mail store. GreenMail parses and stores each message,
 * which at ten thousand PGP/MIME messages costs more than the gateway's own work. Speaks what the
 * gateway's SMTP client uses: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT, and offers PIPELINING as
 * Postfix and Exim do: replies to commands that came in one write go back in one write.
 */
final class DiscardingSmtpServer implements AutoCloseable {
    private static final byte[] OK = "250 OK\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket socket;
    private final AtomicLong accepted = new AtomicLong();
    private volatile FirstAcceptance armed;
    private volatile boolean closed;

    private DiscardingSmtpServer(ServerSocket socket) {
        this.socket = socket;
    }

    static DiscardingSmtpServer start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        DiscardingSmtpServer server = new DiscardingSmtpServer(s);
        Thread acceptor = new Thread(server::acceptLoop, "smtp-sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    int port() {
        return socket.getLocalPort();
    }

    long accepted() {
        return accepted.get();
    }

    /** The next acceptance after this call will be timed. */
    FirstAcceptance arm() {
        FirstAcceptance first = new FirstAcceptance();
        armed = first;
        return first;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = socket.accept();
                Thread t = new Thread(() -> serve(client), "smtp-sink-" + client.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; InputStream in = client.getInputStream();
             OutputStream out = new BufferedOutputStream(client.getOutputStream(), 1024)) {
            client.setTcpNoDelay(true);
            reply(out, "220 smtp-sink ESMTP\r\n");
            LineReader lines = new LineReader(in);
            String line;
            while ((line = lines.command()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (verb) {
                    case "EHLO" -> reply(out, "250-smtp-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 52428800\r\n");
                    case "DATA" -> {
                        reply(out, "354 end with .\r\n");
                        lines.skipData();
                        accepted.incrementAndGet();
                        FirstAcceptance first = armed;
                        if (first != null) {
                            first.offer(System.nanoTime());
                        }
                        out.write(OK);
                        out.flush();
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye\r\n");
                        return;
                    }
                    default -> {
                        out.write(OK);
                        if (!lines.buffered()) {
                            out.flush(); // the last of the commands that came together
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to keep
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
    }

    /** The moment of the first acceptance after {@link #arm()}. */
    static final class FirstAcceptance {
        private final CountDownLatch seen = new CountDownLatch(1);
        private volatile long nanos;

        private void offer(long at) {
            if (seen.getCount() > 0) {
                synchronized (this) {
                    if (seen.getCount() > 0) {
                        nanos = at;
                        seen.countDown();
                    }
                }
            }
        }

        /** System.nanoTime() of the acceptance, or -1 if none came in time. */
        long await(long timeoutMillis) throws InterruptedException {
            return seen.await(timeoutMillis, TimeUnit.MILLISECONDS) ? nanos : -1;
        }
    }

    /**
     * Reads CRLF lines, and DATA up to the lone dot, from its own buffer: the sink shares the CPU with
     * the gateway it measures, so it must cost next to nothing per message.
     */
    private static final class LineReader {
        private final InputStream in;
        private final byte[] buffer = new byte[65536];
        private int position;
        private int limit;
        private final StringBuilder line = new StringBuilder();

        LineReader(InputStream in) {
            this.in = in;
        }

        private boolean fill() throws IOException {
            if (position < limit) {
                return true;
            }
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        }

        /** Whether more of what the client sent is already here. */
        boolean buffered() {
            return position < limit;
        }

        String command() throws IOException {
            line.setLength(0);
            while (fill()) {
                byte c = buffer[position++];
                if (c == '\n') {
                    int end = line.length();
                    if (end > 0 && line.charAt(end - 1) == '\r') {
                        line.setLength(end - 1);
                    }
                    return line.toString();
                }
                line.append((char) c);
            }
            return null;
        }

        /** Consumes the message up to and including CRLF.CRLF. */
        void skipData() throws IOException {
            // state: how much of "\r\n.\r\n" has been matched; the DATA command's own CRLF counts as the first.
            int state = 2;
            while (fill()) {
                byte[] b = buffer;
                int i = position;
                int end = limit;
                while (i < end) {
                    byte c = b[i++];
                    state = switch (state) {
                        case 0 -> c == '\r' ? 1 : 0;
                        case 1 -> c == '\n' ? 2 : c == '\r' ? 1 : 0;
                        case 2 -> c == '.' ? 3 : c == '\r' ? 1 : 0;
                        case 3 -> c == '\r' ? 4 : 0;
                        case 4 -> c == '\n' ? 5 : c == '\r' ? 1 : 0;
                        default -> 0;
                    };
                    if (state == 5) {
                        position = i;
                        return;
                    }
                }
                position = end;
            }
            throw new IOException("connection closed inside DATA");
        }
    }
}
