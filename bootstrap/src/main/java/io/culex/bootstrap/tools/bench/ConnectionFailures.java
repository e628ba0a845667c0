package io.culex.bootstrap.tools.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Connections that closed while the run still needed them, from any I/O thread. Once the run starts
 * closing them itself ({@link #closing()}), closes are expected and no longer recorded.
 */
final class ConnectionFailures {

    private final List<String> failures = new ArrayList<>();
    private volatile boolean closing;

    void closing() {
        closing = true;
    }

    boolean isClosing() {
        return closing;
    }

    void lost(String clientId, Throwable cause) {
        if (closing) {
            return;
        }
        String reason = cause == null ? "closed by the broker" : describe(cause);
        synchronized (failures) {
            failures.add(clientId + ": " + reason);
        }
    }

    List<String> list() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
