package io.culex.bootstrap.tools.bench;

import java.nio.ByteBuffer;

/**
 * A bench message's payload: the publisher's index, its sequence number and the send time
 * ({@link System#nanoTime()}, meaningful because publishers and subscribers share this process),
 * padded with zeros to the requested size. Big-endian, like everything on the wire.
 */
final class SequencedPayload {

    /** int publisher + long sequence + long send time. */
    static final int HEADER_BYTES = 4 + 8 + 8;

    private SequencedPayload() {
    }

    static byte[] encode(int publisher, long sequence, long sentNanos, int size) {
        if (size < HEADER_BYTES) {
            throw new IllegalArgumentException("payload size " + size + " < " + HEADER_BYTES);
        }
        byte[] payload = new byte[size];
        ByteBuffer.wrap(payload).putInt(publisher).putLong(sequence).putLong(sentNanos);
        return payload;
    }

    /** True if {@code payload} can carry a header; anything shorter did not come from a bench publisher. */
    static boolean isSequenced(byte[] payload) {
        return payload.length >= HEADER_BYTES;
    }

    static int publisher(byte[] payload) {
        return ByteBuffer.wrap(payload).getInt(0);
    }

    static long sequence(byte[] payload) {
        return ByteBuffer.wrap(payload).getLong(4);
    }

    static long sentNanos(byte[] payload) {
        return ByteBuffer.wrap(payload).getLong(12);
    }
}
