package io.culex.domain.session;

/** What a session did with a message offered to it. */
public enum DeliveryOutcome {
    /** Written to the client now. */
    SENT,
    /** Held in the pending queue (window full or client offline). */
    QUEUED,
    /** Refused: queue limit reached, or QoS 0 for an offline client without queue_qos0_messages. */
    DROPPED
}
