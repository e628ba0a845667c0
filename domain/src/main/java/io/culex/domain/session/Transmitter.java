package io.culex.domain.session;

/** Where a session's QoS state machines send what they decide; implemented by the application. */
public interface Transmitter {

    /** Send a PUBLISH; {@code packetId} is 0 for QoS 0. */
    void publish(int packetId, Delivery delivery, boolean dup);

    void pubrel(int packetId);
}
