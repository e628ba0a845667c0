package io.culex.domain.session;

/**
 * Per-session delivery limits (mosquitto.conf: max_inflight_messages,
 * max_queued_messages, max_queued_bytes, queue_qos0_messages).
 */
public record SessionLimits(int maxInflight, int maxQueuedMessages, long maxQueuedBytes, boolean queueQos0WhileOffline) {

    public SessionLimits {
        if (maxInflight < 1 || maxInflight > PacketIdAllocator.MAX_PACKET_ID) {
            throw new IllegalArgumentException("maxInflight must be 1..65535, got " + maxInflight);
        }
        if (maxQueuedMessages < 0 || maxQueuedBytes < 0) {
            throw new IllegalArgumentException("queue limits must not be negative");
        }
    }

    /** Mosquitto's defaults. */
    public static SessionLimits defaults() {
        return new SessionLimits(20, 1000, Long.MAX_VALUE, false);
    }
}
