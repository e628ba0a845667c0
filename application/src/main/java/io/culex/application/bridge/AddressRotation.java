package io.culex.application.bridge;

import java.util.List;

/**
 * Which of a bridge's addresses to try next, as Mosquitto: a failed attempt moves on to the next address.
 * With {@code round_robin true} each disconnection moves on too; with {@code round_robin false} the first
 * address is the primary one, and the bridge goes back to it after a disconnection (and, while connected to
 * a backup, when a probe finds the primary reachable again: see {@link Bridge}).
 */
final class AddressRotation {

    private final List<RemoteAddress> addresses;
    private final boolean roundRobin;
    private int index;

    AddressRotation(List<RemoteAddress> addresses, boolean roundRobin) {
        this.addresses = List.copyOf(addresses);
        this.roundRobin = roundRobin;
    }

    RemoteAddress current() {
        return addresses.get(index);
    }

    RemoteAddress primary() {
        return addresses.get(0);
    }

    /** A connection to {@link #current()} could not be made. */
    void failed() {
        index = (index + 1) % addresses.size();
    }

    /** An established connection to {@link #current()} ended. */
    void disconnected() {
        index = roundRobin ? (index + 1) % addresses.size() : 0;
    }

    /** True while a bridge that prefers its primary address is on another one. */
    boolean onBackup() {
        return !roundRobin && index != 0;
    }

    /** The primary answered a probe: the next connection goes there. */
    void backToPrimary() {
        index = 0;
    }
}
