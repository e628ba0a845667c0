package io.culex.domain.session;

/** What a session did with a message offered to it. */
public enum DeliveryOutcome {
    /** Written to the client now. */
    SENT,
    /** Held in the pending queue (window full or client offline). */
    QUEUED,
    /** Refused: queue limit reached, expired, or QoS 0 for an offline client without queue_qos0_messages. */
    DROPPED,
    /** Not sent: bigger than the client's Maximum Packet Size (the transmitter counted it when it refused). */
    TOO_LARGE
}
