package io.liaison.gateway.dispatch.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loopback SMTP server for adapter tests that must see the dialogue itself: it records every
 * command, answers each as {@code replies} says (250 by default), and can close a connection after
 * each accepted message, as servers with a per-connection message limit do.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile Function<String, String> replies = command -> null;
    private volatile boolean closeAfterEachMessage;
    private volatile boolean offersPipelining;
    private volatile String offersAuth;
    private volatile javax.net.ssl.SSLContext tls;
    private final List<String> commandsOverTls = new CopyOnWriteArrayList<>();
    private final AtomicInteger handshakeFailures = new AtomicInteger();
    private final List<String> arrivedWithNext = new CopyOnWriteArrayList<>();
    private final List<List<String>> messages = new CopyOnWriteArrayList<>();

    private ScriptedSmtpServer(ServerSocket socket) {
        this.socket = socket;
    }

    public static ScriptedSmtpServer start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ScriptedSmtpServer server = new ScriptedSmtpServer(s);
        Thread acceptor = new Thread(server::acceptLoop, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The gateway's SMTP transport to this server, one connection, credentials and STARTTLS as given. */
    SmtpMailTransport transport(java.time.Clock clock, SmtpSettings.StartTls startTls, String user, String password) {
        return new SmtpMailTransport(new SmtpSettings("127.0.0.1", port(), startTls, user, password, 10_000, 1), clock);
    }

    /** As above, with the TLS trust and the plaintext-credentials setting given. */
    SmtpMailTransport transport(java.time.Clock clock, SmtpSettings.StartTls startTls, String user, String password,
                                io.liaison.gateway.dispatch.TlsClient trust, boolean allowPlaintextCredentials) {
        return new SmtpMailTransport(new SmtpSettings("127.0.0.1", port(), startTls, user, password, 10_000, 1, trust,
                allowPlaintextCredentials), clock);
    }

    /** The gateway's SMTP transport to this server: one connection, no STARTTLS, no credentials. */
    SmtpMailTransport transport(java.time.Clock clock) {
        return transport(clock, SmtpSettings.StartTls.NONE, null, null);
    }

    /** The commands received, verbs upper-cased, in order. */
    List<String> verbs() {
        return commands.stream().map(c -> c.split(" ", 2)[0].toUpperCase(Locale.ROOT)).toList();
    }

    int connections() {
        return connections.get();
    }

    public int accepted() {
        return accepted.get();
    }

    /** A reply line for a command, or null for the default 250. */
    public void reply(Function<String, String> replies) {
        this.replies = replies;
    }

    void closeAfterEachMessage() {
        this.closeAfterEachMessage = true;
    }

    /** Offers PIPELINING (RFC 2920) in the EHLO reply. */
    void offerPipelining() {
        this.offersPipelining = true;
    }

    /** Offers AUTH with these mechanisms ("PLAIN LOGIN") in the EHLO reply; answer AUTH through {@link #reply}. */
    public void offerAuth(String mechanisms) {
        this.offersAuth = mechanisms;
    }

    /** Every line the client sent outside DATA, as sent. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** The verbs of the commands that arrived with the next command already behind them: sent in one write. */
    List<String> verbsSentAhead() {
        return List.copyOf(arrivedWithNext);
    }

    /** Each accepted message's lines as they came in DATA (dots still doubled). */
    public List<List<String>> messages() {
        return List.copyOf(messages);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(client), "scripted-smtp-" + client.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket plain) {
        Socket client = plain;
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = client.getOutputStream();
            write(out, "220 scripted ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                if (client instanceof javax.net.ssl.SSLSocket) {
                    commandsOverTls.add(line);
                }
                if (tls != null && line.equalsIgnoreCase("STARTTLS") && !(client instanceof javax.net.ssl.SSLSocket)) {
                    write(out, "220 2.0.0 ready to start TLS");
                    javax.net.ssl.SSLSocket secured = (javax.net.ssl.SSLSocket) tls.getSocketFactory()
                            .createSocket(client, (java.io.InputStream) null, true);
                    secured.setUseClientMode(false);
                    try {
                        secured.startHandshake();
                    } catch (IOException e) {
                        handshakeFailures.incrementAndGet();
                        secured.close();
                        return;
                    }
                    client = secured;
                    in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                    out = client.getOutputStream();
                    continue;
                }
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                if (in.ready()) {
                    arrivedWithNext.add(verb);
                }
                String scripted = replies.apply(line);
                if (scripted != null) {
                    write(out, scripted);
                    continue;
                }
                switch (verb) {
                    case "EHLO" -> write(out, "250-scripted\r\n" + (offersPipelining ? "250-PIPELINING\r\n" : "")
                            + (tls != null && !(client instanceof javax.net.ssl.SSLSocket) ? "250-STARTTLS\r\n" : "")
                            + (offersAuth != null ? "250-AUTH " + offersAuth + "\r\n" : "") + "250 8BITMIME");
                    case "DATA" -> {
                        write(out, "354 go on");
                        List<String> message = new java.util.ArrayList<>();
                        String data;
                        while (!".".equals(data = in.readLine())) {
                            if (data == null) {
                                return; // the client gave up inside DATA: nothing was accepted
                            }
                            message.add(data);
                        }
                        messages.add(message);
                        accepted.incrementAndGet();
                        write(out, "250 accepted");
                        if (closeAfterEachMessage) {
                            return;
                        }
                    }
                    case "QUIT" -> {
                        write(out, "221 bye");
                        return;
                    }
                    default -> write(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing a socket the client already dropped
            }
        }
    }

    /** Offers STARTTLS (RFC 3207) in the EHLO reply and runs the server side of the handshake with {@code context}. */
    public void offerStartTls(javax.net.ssl.SSLContext context) {
        this.tls = context;
    }

    /** The lines that arrived after the TLS handshake, inside TLS. */
    public List<String> commandsOverTls() {
        return List.copyOf(commandsOverTls);
    }

    int handshakeFailures() {
        return handshakeFailures.get();
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
