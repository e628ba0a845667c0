package io.culex.application.bridge;

import java.util.List;

/**
 * Which of a bridge's addresses to try next, as Mosquitto: a failed attempt and a lost connection both move on
 * to the next address, wrapping round. With {@code round_robin true} that is all: the addresses are equals.
 * With {@code round_robin false} the first address is the primary one: while connected to another, the bridge
 * probes the primary and comes back to it when it answers (see {@link Bridge}).
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

    /** A connection to {@link #current()} could not be made, or ended. */
    void next() {
        index = (index + 1) % addresses.size();
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
