package io.culex.domain.session;

import java.util.function.IntPredicate;

/**
 * Hands out packet identifiers 1..65535 round-robin, skipping ids still in use,
 * so a re-used id never collides with an unacknowledged flight.
 */
public final class PacketIdAllocator {

    public static final int MAX_PACKET_ID = 65_535;

    private int last;

    /**
     * @param inUse tells whether an id is still taken
     * @return the next free id
     * @throws IllegalStateException if all 65535 ids are in use
     */
    public int next(IntPredicate inUse) {
        for (int attempts = 0; attempts < MAX_PACKET_ID; attempts++) {
            last = last == MAX_PACKET_ID ? 1 : last + 1;
            if (!inUse.test(last)) {
                return last;
            }
        }
        throw new IllegalStateException("all packet identifiers are in use");
    }
}
