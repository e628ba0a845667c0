package io.culex.application.bridge;

import io.culex.application.Broker;
import io.culex.application.connection.ClientConnection;
import io.culex.application.connection.ConnectRequest;
import io.culex.application.connection.PublishRequest;
import io.culex.application.connection.SubscriptionRequest;
import io.culex.application.testing.RecordingOutbound;
import io.culex.domain.message.QoS;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** An MQTT 3.1.1 client of the local broker; everything runs on the test's thread. */
final class LocalClient extends RecordingOutbound {

    private final ClientConnection connection;
    private int nextPacketId = 1;

    LocalClient(Broker broker, String clientId) {
        this(broker, clientId, true);
    }

    LocalClient(Broker broker, String clientId, boolean cleanSession) {
        connection = broker.accept(this);
        connection.connect(new ConnectRequest(4, clientId, cleanSession, 60, null, null, null));
    }

    /** The network connection breaks. */
    void lose() {
        connection.connectionLost();
    }

    void subscribe(String filter, QoS qos) {
        connection.subscribe(nextPacketId++, List.of(new SubscriptionRequest(filter, qos)));
    }

    void publish(String topic, String payload, QoS qos) {
        publish(topic, payload, qos, false);
    }

    void publish(String topic, String payload, QoS qos, boolean retain) {
        int packetId = qos == QoS.AT_MOST_ONCE ? 0 : nextPacketId++;
        connection.publish(new PublishRequest(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retain, false,
                packetId));
        if (qos == QoS.EXACTLY_ONCE) {
            connection.pubrel(packetId);
        }
    }

    /** What this client received, as "topic payload". */
    List<String> received() {
        return deliveries.stream()
                .map(d -> d.message().topic() + " " + new String(d.message().payload(), StandardCharsets.UTF_8))
                .toList();
    }
}
