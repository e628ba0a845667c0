package io.culex.adapters.netty.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.adapters.netty.codec.ConnectPacket;
import io.culex.adapters.netty.codec.DisconnectPacket;
import io.culex.adapters.netty.codec.MqttProperties;
import io.culex.adapters.netty.codec.PingreqPacket;
import io.culex.adapters.netty.codec.PubcompPacket;
import io.culex.adapters.netty.codec.PublishPacket;
import io.culex.adapters.netty.codec.PubrelPacket;
import io.culex.adapters.netty.codec.SubscribePacket;
import io.culex.adapters.netty.codec.TopicSubscription;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client on MQTT 5, against {@link ScriptedBroker} over the real codec. */
class Mqtt5ClientConnectionTest {

    private static final long WAIT = 10;
    private static final MqttProperties ALLOW_ALIASES = MqttProperties.builder().topicAliasMaximum(5).build();

    private ScriptedBroker broker;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();
    private final List<String> serverDisconnects = new CopyOnWriteArrayList<>();
    private final ClientListener listener = new ClientListener() {
        @Override
        public void messageArrived(ReceivedMessage message) {
            messages.add(message);
        }

        @Override
        public void packetLogged(String description) {
            log.add(description);
        }

        @Override
        public void disconnectedByServer(int reasonCode, MqttProperties properties) {
            serverDisconnects.add(reasonCode + " " + properties.reasonString());
        }
    };

    @BeforeEach
    void start() throws InterruptedException {
        broker = new ScriptedBroker();
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    private ClientOptions options(String clientId, MqttProperties properties, ClientWill will) {
        return new ClientOptions("127.0.0.1", broker.port(), MqttVersion.MQTT_5, clientId, true, 60, null, null, will,
                5_000, null, properties);
    }

    private MqttClientConnection connect(String clientId, MqttProperties properties) {
        return MqttClientConnection.open(options(clientId, properties, null), listener);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT, TimeUnit.SECONDS);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void connectCarriesTheMqtt5LevelAndTheConnectAndWillProperties() throws Exception {
        MqttProperties properties = MqttProperties.builder().sessionExpiryInterval(60L).receiveMaximum(10)
                .userProperty("app", "test").build();
        MqttProperties willProperties = MqttProperties.builder().willDelayInterval(5L).contentType("text/plain").build();
        ClientWill will = new ClientWill("will/t", utf8("bye"), 1, false, willProperties);

        try (MqttClientConnection client = MqttClientConnection.open(options("c5", properties, will), listener)) {
            await(client.connected());
            ConnectPacket connect = (ConnectPacket) broker.received.get(0);
            assertEquals("MQTT", connect.protocolName());
            assertEquals(5, connect.protocolLevel());
            assertEquals(properties, connect.properties());
            assertEquals(willProperties, connect.will().properties());
        }
    }

    @Test
    void connackPropertiesTellTheAssignedClientIdentifier() throws Exception {
        try (MqttClientConnection client = connect("", MqttProperties.EMPTY)) {
            assertFalse(await(client.connected()));
            MqttProperties connack = await(client.connackProperties());
            assertEquals("assigned-1", connack.assignedClientIdentifier());
            assertEquals(10, connack.receiveMaximum());
        }
    }

    @Test
    void aRefusalCarriesTheMqtt5ReasonCodeAndReasonString() {
        try (MqttClientConnection client = connect("refuse-me", MqttProperties.EMPTY)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> await(client.connected()));
            ConnectionRefusedException refused = assertInstanceOf(ConnectionRefusedException.class, e.getCause());
            assertEquals(0x87, refused.returnCode());
            assertEquals("not you", refused.reasonString());
            assertEquals("CONNACK return code 135 (not you)", refused.getMessage());
            assertThrows(ExecutionException.class, () -> await(client.connackProperties()));
        }
    }

    @Test
    void publishCarriesPropertiesAndReceivedMessagesExposeThem() throws Exception {
        MqttProperties properties = MqttProperties.builder().contentType("text/plain").responseTopic("reply/to")
                .correlationData(utf8("req-1")).userProperty("trace", "abc").build();
        try (MqttClientConnection client = connect("props", MqttProperties.EMPTY)) {
            await(client.connected());
            await(client.publish("t", utf8("x"), 1, false, properties));
            waitFor(() -> messages.size() == 1);

            assertEquals(properties, ((PublishPacket) broker.received.get(1)).properties());
            assertEquals("t", messages.get(0).topic());
            assertEquals(properties, messages.get(0).properties());
        }
    }

    @Test
    void inboundTopicAliasesAreResolvedToTheirTopic() throws Exception {
        try (MqttClientConnection client = connect("aliases", ALLOW_ALIASES)) {
            await(client.connected());
            await(client.publish("t/a", utf8("1"), 0, false));
            waitFor(() -> messages.size() == 1);
            await(client.publish("t/a", utf8("2"), 1, false));
            waitFor(() -> messages.size() == 2);

            List<PublishPacket> echoes = broker.sent.stream()
                    .filter(PublishPacket.class::isInstance).map(PublishPacket.class::cast).toList();
            assertEquals(List.of("t/a", ""), echoes.stream().map(PublishPacket::topic).toList(),
                    "the second echo goes through the alias alone");
            assertEquals(List.of("t/a", "t/a"), messages.stream().map(ReceivedMessage::topic).toList());
            assertEquals(1, messages.get(1).properties().topicAlias());
        }
    }

    @Test
    void anAliasNeverMappedIsAProtocolErrorTheClientDisconnectsFor() throws Exception {
        try (MqttClientConnection client = connect("unmapped", ALLOW_ALIASES)) {
            await(client.connected());
            client.publish("bad-alias", utf8("x"), 0, false);

            await(client.closed());
            waitFor(() -> broker.received.contains(new DisconnectPacket(0x82, MqttProperties.EMPTY)));
            assertTrue(messages.isEmpty());
        }
    }

    @Test
    void anAliasTheClientDidNotAllowIsTopicAliasInvalid() throws Exception {
        try (MqttClientConnection client = connect("no-aliases", MqttProperties.EMPTY)) {
            await(client.connected());
            client.publish("bad-alias", utf8("x"), 0, false);

            await(client.closed());
            waitFor(() -> broker.received.contains(new DisconnectPacket(0x94, MqttProperties.EMPTY)));
        }
    }

    @Test
    void theBrokersDisconnectReachesTheListenerAndFailsPendingRequests() throws Exception {
        try (MqttClientConnection client = connect("kicked", MqttProperties.EMPTY)) {
            await(client.connected());
            CompletableFuture<Void> pending = client.publish("disconnect", new byte[0], 1, false);

            ExecutionException e = assertThrows(ExecutionException.class, () -> await(pending));
            assertEquals("The broker disconnected with reason code 0x8E (taken over).", e.getCause().getMessage());
            await(client.closed());
            assertEquals(List.of("142 taken over"), serverDisconnects);
        }
    }

    @Test
    void aRefusedQos1PublishFailsWithTheReasonCode() throws Exception {
        try (MqttClientConnection client = connect("refused-1", MqttProperties.EMPTY)) {
            await(client.connected());

            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> await(client.publish("refuse", new byte[0], 1, false)));
            PublishRefusedException refused = assertInstanceOf(PublishRefusedException.class, e.getCause());
            assertEquals(0x87, refused.reasonCode());
            assertEquals("not allowed", refused.reasonString());
            assertTrue(log.contains("received PUBACK (Mid: 1, RC:135)"), log::toString);
        }
    }

    @Test
    void aRefusedQos2PublishEndsAtPubrecWithoutPubrel() throws Exception {
        try (MqttClientConnection client = connect("refused-2", MqttProperties.EMPTY)) {
            await(client.connected());

            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> await(client.publish("refuse", new byte[0], 2, false)));
            assertEquals(0x87, assertInstanceOf(PublishRefusedException.class, e.getCause()).reasonCode());
            await(client.publish("after", new byte[0], 1, false)); // a later round trip: no PUBREL was sent before it
            assertFalse(broker.received.stream().anyMatch(PubrelPacket.class::isInstance), broker.received::toString);
        }
    }

    @Test
    void aPubrelForAnUnknownPacketIdIsAnsweredNotFound() throws Exception {
        try (MqttClientConnection client = connect("stray", MqttProperties.EMPTY)) {
            await(client.connected());
            client.publish("stray-pubrel", new byte[0], 0, false);

            waitFor(() -> broker.received.contains(new PubcompPacket(99, 0x92, MqttProperties.EMPTY)));
        }
    }

    @Test
    void theServerKeepAliveReplacesTheClientsOwn() throws Exception {
        try (MqttClientConnection client = connect("keepalive-1", MqttProperties.EMPTY)) {
            await(client.connected());

            // The client asked for 60 s; the broker's 1 s makes it ping within a couple of seconds.
            waitFor(() -> broker.received.contains(PingreqPacket.INSTANCE));
            assertTrue(client.connected().isDone());
        }
    }

    @Test
    void subscribeSendsMqtt5OptionsAndProperties() throws Exception {
        List<TopicSubscription> subscriptions = List.of(new TopicSubscription("a/#", 1, true, true, 2));
        MqttProperties properties = MqttProperties.builder().subscriptionIdentifier(4).build();
        try (MqttClientConnection client = connect("sub", MqttProperties.EMPTY)) {
            await(client.connected());

            assertEquals(List.of(1), await(client.subscribe(subscriptions, properties)));
            assertEquals(new SubscribePacket(1, subscriptions, properties), broker.received.get(1));
            assertTrue(log.contains("sending SUBSCRIBE (Mid: 1, Topic: a/#, QoS: 1, Options: 0x2c)"), log::toString);
        }
    }

    @Test
    void propertiesNeedMqtt5() throws Exception {
        MqttProperties properties = MqttProperties.builder().userProperty("a", "b").build();
        assertThrows(IllegalArgumentException.class, () -> new ClientOptions("127.0.0.1", broker.port(),
                MqttVersion.MQTT_3_1_1, "c", true, 60, null, null, null, 5_000, null, properties));
        assertThrows(IllegalArgumentException.class, () -> new ClientOptions("127.0.0.1", broker.port(),
                MqttVersion.MQTT_3_1_1, "c", true, 60, null, null,
                new ClientWill("w", new byte[0], 0, false, properties), 5_000, null, MqttProperties.EMPTY));

        try (MqttClientConnection client = MqttClientConnection.open(
                ClientOptions.of("127.0.0.1", broker.port(), "v311"), listener)) {
            await(client.connected());
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> await(client.publish("t", new byte[0], 0, false, properties)));
            assertEquals("PUBLISH properties need MQTT 5.", e.getCause().getMessage());
            assertThrows(ExecutionException.class,
                    () -> await(client.subscribe(List.of(new TopicSubscription("t", 0)), properties)));
        }
    }

    @Test
    void mqtt311ConnectionsStillGetEmptyProperties() throws Exception {
        try (MqttClientConnection client = MqttClientConnection.open(
                ClientOptions.of("127.0.0.1", broker.port(), "v311"), listener)) {
            await(client.connected());
            assertEquals(MqttProperties.EMPTY, await(client.connackProperties()));
            await(client.publish("t", utf8("x"), 1, false));
            waitFor(() -> messages.size() == 1);
            assertEquals(MqttProperties.EMPTY, messages.get(0).properties());
            assertEquals(4, ((ConnectPacket) broker.received.get(0)).protocolLevel());
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT + " s");
            }
            Thread.sleep(5);
        }
    }
}
