package io.culex.domain.session;

/** Where a session's QoS state machines send what they decide; implemented by the application. */
public interface Transmitter {

    /**
     * Send a PUBLISH; {@code packetId} is 0 for QoS 0.
     *
     * @return false if it could not be sent at all (bigger than the client's Maximum Packet
     *         Size): the session then treats the delivery as finished, as MQTT 5 requires
     */
    boolean publish(int packetId, Delivery delivery, boolean dup);

    void pubrel(int packetId);
}
