package io.liaison.gateway.dispatch.sms;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import io.liaison.gateway.dispatch.TlsClient;

import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * jSMPP's own factory connects without a timeout, so an unreachable SMSC (packets dropped, not refused)
 * would hold a submission for the operating system's minutes-long connect timeout. With TLS (SMPP over
 * TLS), the handshake runs before the bind, so the bind password never crosses the network in the clear.
 */
final class TimedSocketConnectionFactory implements ConnectionFactory {

    /** The TCP connection itself failed, as opposed to the bind on top of it. */
    static final class ConnectFailedException extends IOException {
        ConnectFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final int timeoutMillis;
    private final Optional<TlsClient> tls;

    TimedSocketConnectionFactory(int timeoutMillis) {
        this(timeoutMillis, Optional.empty());
    }

    /** @param tls when present, the TLS handshake runs (within the same time limit) before any PDU is sent */
    TimedSocketConnectionFactory(int timeoutMillis, Optional<TlsClient> tls) {
        this.timeoutMillis = timeoutMillis;
        this.tls = tls;
    }

    @Override
    public Connection createConnection(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            if (tls.isPresent()) {
                socket.setSoTimeout(timeoutMillis); // a server that never answers the handshake must not hold the bind
                Socket secured = tls.get().secure(socket, host, port);
                secured.setSoTimeout(0); // jSMPP's own timers judge the session from here
                return new SocketConnection(secured);
            }
            return new SocketConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw new ConnectFailedException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
