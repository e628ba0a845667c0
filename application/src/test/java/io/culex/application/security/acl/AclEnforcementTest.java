package io.culex.application.security.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.application.Broker;
import io.culex.application.connection.ClientConnection;
import io.culex.application.connection.ConnectRequest;
import io.culex.application.protocol.ReasonCode;
import io.culex.application.testing.RecordingOutbound;
import io.culex.application.connection.PublishRequest;
import io.culex.application.connection.SubscriptionRequest;
import io.culex.application.security.AnonymousPolicyAuthenticator;
import io.culex.application.settings.BrokerSettings;
import io.culex.application.spi.StorageProviders;
import io.culex.application.spi.StorageSettings;
import io.culex.domain.message.QoS;
import io.culex.domain.session.Delivery;
import io.culex.domain.will.Will;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The enforcement points in the application core, with a synchronous "network" (each call has finished on return). */
class AclEnforcementTest {

    private final AclAuthorizer authorizer = new AclAuthorizer(AclFileParser.parse("""
            topic read public/#
            user alice
            topic readwrite alice/#
            topic write public/#
            topic deny alice/private
            user watcher
            topic read #
            """).rules());
    private final Broker broker = new Broker(BrokerSettings.defaults(),
            StorageProviders.byName("memory").open(StorageSettings.inMemory()).retained(),
            new AnonymousPolicyAuthenticator(true), authorizer);

    @Test
    void deniedPublishIsDroppedButItsQosFlowCompletes() {
        Client watcher = connect("w", "watcher", 4, null);
        watcher.subscribe("#", QoS.EXACTLY_ONCE);
        Client anonymous = connect("anon", null, 4, null);

        anonymous.publish("public/a", QoS.AT_MOST_ONCE, 1);
        anonymous.publish("public/b", QoS.AT_LEAST_ONCE, 7);
        anonymous.publish("public/c", QoS.EXACTLY_ONCE, 8);
        anonymous.connection.pubrel(8);

        assertEquals(List.of("PUBACK 7", "PUBREC 8", "PUBCOMP 8"), anonymous.acks);
        assertEquals(List.of(), watcher.receivedTopics(), "nothing an anonymous client may not write is routed");

        Client alice = connect("a", "alice", 4, null);
        alice.publish("public/d", QoS.AT_LEAST_ONCE, 9);
        alice.publish("alice/private", QoS.AT_LEAST_ONCE, 10);
        assertEquals(List.of("PUBACK 9", "PUBACK 10"), alice.acks);
        assertEquals(List.of("public/d"), watcher.receivedTopics());
    }

    @Test
    void subscriptionsThatCanNeverBeReadGet0x80() {
        Client alice = connect("a", "alice", 4, null);
        alice.subscribe(List.of("alice/#", "public/#", "alice/private", "+/x"));
        assertEquals(List.of(List.of(1, 0x80, 0x80, 1)), alice.subacks);
    }

    @Test
    void mqtt31HasNoFailureCodeSoTheDeniedFilterIsAcknowledgedButNotSubscribed() {
        Client alice = connect("a31", "alice", 3, null);
        alice.subscribe(List.of("public/#"));
        assertEquals(List.of(List.of(1)), alice.subacks);
        connect("w", "alice", 4, null).publish("public/x", QoS.AT_MOST_ONCE, 0);
        assertEquals(List.of(), alice.receivedTopics());
    }

    @Test
    void deliveryAndRetainedMessagesAreCheckedPerSubscriber() {
        Client alice = connect("a", "alice", 4, null);
        alice.publishRetained("alice/r");
        alice.publishRetained("alice/private");
        Client watcher = connect("w", "watcher", 4, null);
        Client anonymous = connect("anon", null, 4, null);
        watcher.subscribe("#", QoS.AT_MOST_ONCE);
        anonymous.subscribe("#", QoS.AT_MOST_ONCE);
        assertEquals(List.of("alice/r"), watcher.receivedTopics(), "retained: the deny'd topic was never stored");

        alice.publish("public/news", QoS.AT_MOST_ONCE, 0);
        alice.publish("alice/x", QoS.AT_MOST_ONCE, 0);
        assertEquals(List.of("alice/r", "public/news", "alice/x"), watcher.receivedTopics());
        assertEquals(List.of("public/news"), anonymous.receivedTopics(), "only what the anonymous section lets it read");
    }

    @Test
    void willNeedsWriteAccess() {
        Client watcher = connect("w", "watcher", 4, null);
        watcher.subscribe("#", QoS.AT_MOST_ONCE);
        connect("anon", null, 4, new Will("public/will", bytes("x"), QoS.AT_MOST_ONCE, false)).connection.connectionLost();
        connect("a", "alice", 4, new Will("alice/will", bytes("x"), QoS.AT_MOST_ONCE, false)).connection.connectionLost();
        assertEquals(List.of("alice/will"), watcher.receivedTopics());
    }

    @Test
    void reloadAppliesToConnectedClients() {
        Client anonymous = connect("anon", null, 4, null);
        Client watcher = connect("w", "watcher", 4, null);
        watcher.subscribe("#", QoS.AT_MOST_ONCE);
        anonymous.publish("open/a", QoS.AT_MOST_ONCE, 0);
        authorizer.replace(AclFileParser.parse("topic readwrite open/#\nuser watcher\ntopic read #\n").rules());
        anonymous.publish("open/b", QoS.AT_MOST_ONCE, 0);
        assertEquals(List.of("open/b"), watcher.receivedTopics());
    }

    private Client connect(String clientId, String username, int level, Will will) {
        Client client = new Client();
        client.connection = broker.accept(client);
        client.connection.connect(new ConnectRequest(level, clientId, true, 60, username, null, will));
        return client;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final class Client extends RecordingOutbound {
        ClientConnection connection;
        final List<String> received = new ArrayList<>();
        final List<String> acks = new ArrayList<>();
        final List<List<Integer>> subacks = new ArrayList<>();
        private int nextPacketId = 100;

        void publish(String topic, QoS qos, int packetId) {
            connection.publish(new PublishRequest(topic, bytes("p"), qos, false, false, packetId));
        }

        void publishRetained(String topic) {
            connection.publish(new PublishRequest(topic, bytes("r"), QoS.AT_MOST_ONCE, true, false, 0));
        }

        void subscribe(String filter, QoS qos) {
            connection.subscribe(nextPacketId++, List.of(new SubscriptionRequest(filter, qos)));
        }

        void subscribe(List<String> filters) {
            connection.subscribe(nextPacketId++, filters.stream().map(f -> new SubscriptionRequest(f, QoS.AT_LEAST_ONCE)).toList());
        }

        List<String> receivedTopics() {
            return received;
        }

        @Override public boolean publish(int packetId, Delivery delivery, boolean dup, long expirySeconds) {
            received.add(delivery.message().topic());
            return true;
        }
        @Override public void puback(int packetId, ReasonCode code, String reason) { acks.add("PUBACK " + packetId); }
        @Override public void pubrec(int packetId, ReasonCode code, String reason) { acks.add("PUBREC " + packetId); }
        @Override public void pubcomp(int packetId, ReasonCode code) { acks.add("PUBCOMP " + packetId); }
        @Override public void suback(int packetId, List<Integer> returnCodes) { subacks.add(returnCodes); }
    }
}
