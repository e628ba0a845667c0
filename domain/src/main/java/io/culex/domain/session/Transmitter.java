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

    /**
     * Whether a QoS 0 PUBLISH can be written now without piling up in the connection (its outbound buffer
     * is below the high-water mark). When not, QoS 0 messages wait in the session's queue, within its
     * limits, until {@link Session#fillWindow} finds the connection ready again.
     */
    default boolean readyForQos0() {
        return true;
    }
}
