package io.culex.domain.session;

/** One QoS 1/2 message sent to the client and not yet fully acknowledged. */
public record OutboundFlight(int packetId, Delivery delivery, FlightState state) {

    /** Where an outbound QoS 1/2 flow stands. */
    public enum FlightState {
        /** QoS 1 PUBLISH sent, waiting for PUBACK. */
        AWAITING_PUBACK,
        /** QoS 2 PUBLISH sent, waiting for PUBREC. */
        AWAITING_PUBREC,
        /** QoS 2 PUBREC received and PUBREL sent, waiting for PUBCOMP. */
        AWAITING_PUBCOMP
    }

    OutboundFlight withState(FlightState next) {
        return new OutboundFlight(packetId, delivery, next);
    }
}
