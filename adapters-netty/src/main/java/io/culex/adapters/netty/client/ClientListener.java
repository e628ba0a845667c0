package io.culex.adapters.netty.client;

import io.culex.adapters.netty.codec.MqttProperties;
import java.util.List;

/**
 * What the connection reports, always on its I/O thread, in the order things happened: keep the
 * callbacks short and never block in them.
 */
public interface ClientListener {

    /** A message completed its inbound flow (QoS 2: at PUBREL, as libmosquitto delivers it). */
    void messageArrived(ReceivedMessage message);

    /** SUBACK arrived for the SUBSCRIBE with this message id; called before any later packet is handled. */
    default void subscribed(int messageId, List<Integer> grantedQos) {
    }

    /**
     * CONNACK arrived, with its return (MQTT 5: reason) code and properties (e.g. the Assigned
     * Client Identifier); called just before it is logged and handled, so that what follows can
     * name the client by the identifier the broker assigned, as libmosquitto does.
     */
    default void connackReceived(int returnCode, MqttProperties properties) {
    }

    /** One packet sent or received, described as Mosquitto's clients print it with -d, e.g. "sending CONNECT". */
    default void packetLogged(String description) {
    }

    /**
     * MQTT 5: the broker sent DISCONNECT, with its reason code (e.g. 0x8E session taken over, 0x8B
     * server shutting down) and properties (Reason String, Server Reference, ...). The connection
     * closes right after, and {@link #connectionClosed()} follows.
     */
    default void disconnectedByServer(int reasonCode, MqttProperties properties) {
    }

    /** The network connection closed, whoever closed it. */
    default void connectionClosed() {
    }
}
