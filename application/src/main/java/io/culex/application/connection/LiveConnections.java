package io.culex.application.connection;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The client connections open now, so the broker can end them all (shutdown) or find one (administration). */
public final class LiveConnections {

    private final Set<ClientConnection> open = ConcurrentHashMap.newKeySet();

    void opened(ClientConnection connection) {
        open.add(connection);
    }

    void closed(ClientConnection connection) {
        open.remove(connection);
    }

    public Set<ClientConnection> snapshot() {
        return Set.copyOf(open);
    }

    public boolean isEmpty() {
        return open.isEmpty();
    }
}
