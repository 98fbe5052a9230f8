package io.liaison.gateway.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL server that cannot be reached stops the start at once with a typed error naming the server,
 * and nothing of the URL's query (where a password may stand) in the message.
 */
class AnUnreachableDatabaseIsNamedWithoutItsCredentialsTest {

    @Test
    void aClosedPortIsRefusedNamingHostAndPortButNotTheQuery() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/gateway?password=hunter2-not-to-be-shown&connectTimeout=2";

        Database.DatabaseUnavailableException e = assertThrows(Database.DatabaseUnavailableException.class,
                () -> Database.open(url, "liaison", "also-not-to-be-shown"));

        assertTrue(e.getMessage().contains("jdbc:postgresql://127.0.0.1:" + closed + "/gateway"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertFalse(e.getMessage().contains("also-not-to-be-shown"), e.getMessage());
    }
}
