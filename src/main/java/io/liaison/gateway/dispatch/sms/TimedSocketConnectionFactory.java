package io.liaison.gateway.dispatch.sms;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * jSMPP's own factory connects without a timeout, so an unreachable SMSC (packets dropped, not refused)
 * would hold a submission for the operating system's minutes-long connect timeout.
 */
final class TimedSocketConnectionFactory implements ConnectionFactory {

    /** The TCP connection itself failed, as opposed to the bind on top of it. */
    static final class ConnectFailedException extends IOException {
        ConnectFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final int timeoutMillis;

    TimedSocketConnectionFactory(int timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public Connection createConnection(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return new SocketConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw new ConnectFailedException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
