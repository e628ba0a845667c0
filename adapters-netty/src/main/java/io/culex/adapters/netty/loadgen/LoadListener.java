package io.culex.adapters.netty.loadgen;

import java.util.List;

/**
 * What a {@link LoadConnection} hears from the broker, always on the connection's I/O thread and in
 * order. Inbound QoS flows are not automated: the listener answers with {@link LoadConnection#puback} etc.
 * Keep the callbacks short and never block in them.
 */
public interface LoadListener {

    /** CONNACK arrived; a non-zero return code is followed by the broker closing the connection. */
    void connected(LoadConnection connection, boolean sessionPresent, int returnCode);

    /** A PUBLISH from the broker. The payload array is handed over. */
    default void published(String topic, byte[] payload, int qos, boolean dup, int packetId) {
    }

    default void puback(int packetId) {
    }

    default void pubrec(int packetId) {
    }

    default void pubrel(int packetId) {
    }

    default void pubcomp(int packetId) {
    }

    default void subscribed(int packetId, List<Integer> grantedQos) {
    }

    /** The socket's outbound buffer drained below its low-water mark after having been full. */
    default void writable() {
    }

    /** The connection is closed, or never opened; {@code cause} is null for an orderly close. */
    void closed(Throwable cause);
}
