package io.culex.application.sys;

import io.culex.application.Broker;
import io.culex.application.connection.ClientConnection;
import io.culex.application.connection.ConnectRequest;
import io.culex.application.testing.RecordingOutbound;
import io.culex.application.connection.PublishRequest;
import io.culex.application.connection.SubscriptionRequest;
import io.culex.application.security.AnonymousPolicyAuthenticator;
import io.culex.application.settings.BrokerSettings;
import io.culex.application.spi.StorageProviders;
import io.culex.application.spi.StorageSettings;
import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import io.culex.domain.port.RetainedStore;
import io.culex.domain.session.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A real application {@link Broker} on the memory backend, with clients whose "network" runs
 * every task on the calling thread, so each call has finished when it returns.
 */
final class TestBroker {

    final RetainedStore retained = StorageProviders.byName("memory").open(StorageSettings.inMemory()).retained();
    final Broker broker = new Broker(BrokerSettings.defaults(), retained, new AnonymousPolicyAuthenticator(true));

    /** The latest retained payload of {@code topic}, or null. */
    String retainedValue(String topic) {
        String[] value = new String[1];
        retained.forEachMatching(topic, message -> value[0] = new String(message.payload(), StandardCharsets.UTF_8));
        return value[0];
    }

    int retainedCount(String filter) {
        int[] count = new int[1];
        retained.forEachMatching(filter, message -> count[0]++);
        return count[0];
    }

    Client connect(String clientId, boolean cleanSession) {
        Client client = new Client();
        client.connection = broker.accept(client);
        client.connection.connect(new ConnectRequest(4, clientId, cleanSession, 60, null, null, null));
        return client;
    }

    /** One connected client and the PUBLISHes the broker sent it. */
    static final class Client extends RecordingOutbound {
        ClientConnection connection;
        final List<Message> received = new ArrayList<>();
        private int nextPacketId = 1;

        void publish(String topic, String payload, QoS qos, boolean retain) {
            int packetId = qos == QoS.AT_MOST_ONCE ? 0 : nextPacketId++;
            connection.publish(new PublishRequest(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retain, false, packetId));
        }

        void subscribe(String filter) {
            connection.subscribe(nextPacketId++, List.of(new SubscriptionRequest(filter, QoS.AT_MOST_ONCE)));
        }

        List<String> receivedTopics() {
            return received.stream().map(Message::topic).toList();
        }

        @Override public boolean publish(int packetId, Delivery delivery, boolean dup, long expirySeconds) {
            received.add(delivery.message());
            return true;
        }
    }
}
