package io.culex.application.connection;

import io.culex.application.testing.RecordingOutbound;
import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.message.UserProperty;
import io.culex.domain.session.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * One client of a {@link BrokerHarness}: its connection and everything the broker sent it. It never
 * acknowledges on its own; a test sends PUBACK, PUBREC... itself.
 */
final class TestClient extends RecordingOutbound {

    ClientConnection connection;
    /** The connection's event loop: the calling thread unless a test drives it by hand. */
    Executor loop = Runnable::run;
    /**
     * The deliveries in the order sent; safe to read while a broker timer publishes (the recorded
     * packet lines of a delivery are visible once it is here).
     */
    final List<Delivery> received = new CopyOnWriteArrayList<>();
    private int nextPacketId = 1;

    void publish(Publish publish) {
        connection.publish(publish.request());
    }

    /** A plain PUBLISH; QoS 1 and 2 take the next packet id. */
    void publish(String topic, String payload, QoS qos) {
        publish(Publish.to(topic).payload(payload).qos(qos, qos == QoS.AT_MOST_ONCE ? 0 : nextPacketId++));
    }

    void subscribe(String filter, QoS qos) {
        subscribe(0, BrokerHarness.sub(filter, qos));
    }

    /** One SUBSCRIBE packet, with packet id 1, 2, ... as the client goes. */
    void subscribe(int subscriptionId, SubscriptionRequest... requests) {
        connection.subscribe(nextPacketId++, List.of(requests), subscriptionId);
    }

    void lose() {
        connection.connectionLost();
    }

    List<String> receivedTopics() {
        return received.stream().map(delivery -> delivery.message().topic()).toList();
    }

    List<String> receivedPayloads() {
        return received.stream().map(delivery -> new String(delivery.message().payload(), StandardCharsets.UTF_8))
                .toList();
    }

    Delivery lastReceived() {
        return received.get(received.size() - 1);
    }

    String lastPacket() {
        return packets.get(packets.size() - 1);
    }

    Connack connack() {
        return connacks.get(0);
    }

    @Override
    public Executor eventLoop() {
        return loop;
    }

    @Override
    public boolean publish(int packetId, Delivery delivery, boolean dup, long messageExpirySeconds) {
        boolean sent = super.publish(packetId, delivery, dup, messageExpirySeconds);
        if (sent) {
            received.add(delivery);
        }
        return sent;
    }

    /** Builds an MQTT 5 PUBLISH request: QoS 0, payload "x", no properties unless asked. */
    static final class Publish {
        private final String topic;
        private byte[] payload = "x".getBytes(StandardCharsets.UTF_8);
        private QoS qos = QoS.AT_MOST_ONCE;
        private int packetId;
        private boolean retain;
        private boolean dup;
        private Integer payloadFormat;
        private String contentType;
        private String responseTopic;
        private byte[] correlationData;
        private final List<UserProperty> userProperties = new ArrayList<>();
        private long expirySeconds = -1;
        private int alias = PublishRequest.NO_ALIAS;

        private Publish(String topic) {
            this.topic = topic;
        }

        static Publish to(String topic) {
            return new Publish(topic);
        }

        Publish payload(String text) {
            return payload(text.getBytes(StandardCharsets.UTF_8));
        }

        Publish payload(byte[] bytes) {
            payload = bytes;
            return this;
        }

        Publish qos(QoS level, int id) {
            qos = level;
            packetId = id;
            return this;
        }

        Publish retain() {
            retain = true;
            return this;
        }

        Publish dup() {
            dup = true;
            return this;
        }

        /** Payload Format Indicator 1: the payload is declared UTF-8. */
        Publish utf8() {
            payloadFormat = 1;
            return this;
        }

        Publish contentType(String type) {
            contentType = type;
            return this;
        }

        Publish responseTopic(String topic) {
            responseTopic = topic;
            return this;
        }

        Publish correlationData(byte[] data) {
            correlationData = data;
            return this;
        }

        Publish userProperty(String name, String value) {
            userProperties.add(new UserProperty(name, value));
            return this;
        }

        Publish expiry(long seconds) {
            expirySeconds = seconds;
            return this;
        }

        Publish alias(int topicAlias) {
            alias = topicAlias;
            return this;
        }

        PublishRequest request() {
            return new PublishRequest(topic, payload, qos, retain, dup, packetId,
                    new MessageProperties(payloadFormat, contentType, responseTopic, correlationData, userProperties),
                    expirySeconds, alias);
        }
    }
}
