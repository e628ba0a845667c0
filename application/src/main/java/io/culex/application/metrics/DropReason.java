package io.culex.application.metrics;

/** Why a PUBLISH was not delivered to a subscriber (or not accepted from a client); the metrics label. */
public enum DropReason {
    /** The session's queue was at max_queued_messages or max_queued_bytes. */
    QUEUE_FULL("queue_full"),
    /** QoS 0 for an offline session without queue_qos0_messages. */
    OFFLINE_QOS0("offline_qos0"),
    /** Its Message Expiry Interval ran out before it could be sent. */
    EXPIRED("expired"),
    /** QoS 0 to a client whose connection could not take more (write buffer above its high-water mark). */
    SLOW_CONSUMER("slow_consumer"),
    /** Bigger than the Maximum Packet Size the receiving MQTT 5 client announced. */
    TOO_LARGE_FOR_CLIENT("too_large_for_client"),
    /** A client's PUBLISH above message_size_limit. */
    MESSAGE_SIZE_LIMIT("message_size_limit");

    private final String label;

    DropReason(String label) {
        this.label = label;
    }

    /** The Prometheus label value. */
    public String label() {
        return label;
    }
}
