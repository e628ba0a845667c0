package io.culex.bootstrap.e2e;

import static io.culex.bootstrap.e2e.RawPackets.CONNACK_ACCEPTED;
import static io.culex.bootstrap.e2e.RawPackets.CONNACK_IDENTIFIER_REJECTED;
import static io.culex.bootstrap.e2e.RawPackets.CONNACK_NOT_AUTHORIZED;
import static io.culex.bootstrap.e2e.RawPackets.CONNACK_UNACCEPTABLE_PROTOCOL;
import static io.culex.bootstrap.e2e.RawPackets.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.bootstrap.CulexBroker;
import io.culex.bootstrap.config.ConfigParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CONNECT handshake as a client sees it on the wire: CONNACK bytes, refusals, closes. */
class ConnectProtocolTest {

    private RunningBroker broker;

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private int start(String... config) {
        broker = RunningBroker.start(config);
        return broker.port();
    }

    // ---- the first packet ----

    @Test
    void pingreqAsFirstPacketIsClosedWithoutConnack() throws Exception {
        try (RawMqttClient raw = RawMqttClient.open(start())) {
            raw.send(RawPackets.pingreq());
            assertClosedWithoutReply(raw);
        }
    }

    @Test
    void publishAsFirstPacketIsClosedWithoutConnack() throws Exception {
        try (RawMqttClient raw = RawMqttClient.open(start())) {
            raw.send(RawPackets.publish("t/early", utf8("x"), 0, 0));
            assertClosedWithoutReply(raw);
        }
    }

    // ---- protocol name and level ----

    /** The codec speaks MQTT 5, so the refusal comes in MQTT 5's layout: reason 0x84, no properties. */
    @Test
    void mqttLevel5IsRefusedWithUnsupportedProtocolVersion() throws Exception {
        try (RawMqttClient raw = RawMqttClient.open(start())) {
            raw.send(RawPackets.connect5("v5", true, 60));
            raw.expect(0x20, 0x03, 0x00, 0x84, 0x00);
            assertClosedWithoutReply(raw);
        }
    }

    @Test
    void mqttLevel6IsRefusedWithUnacceptableProtocolVersion() throws Exception {
        assertRefused(start(), RawPackets.connect("MQTT", 6, "v6", true, 60), CONNACK_UNACCEPTABLE_PROTOCOL);
    }

    @Test
    void mqisdpLevel3IsAccepted() throws Exception {
        assertAcceptedAndAnswersPing(start(), RawPackets.connect("MQIsdp", 3, "v31", true, 60));
    }

    @Test
    void mqttLevel4IsAccepted() throws Exception {
        assertAcceptedAndAnswersPing(start(), RawPackets.connect("MQTT", 4, "v311", true, 60));
    }

    // ---- empty client ids ----

    @Test
    void mqtt31WithEmptyClientIdIsRejected() throws Exception {
        assertRefused(start(), RawPackets.connect("MQIsdp", 3, "", true, 60), CONNACK_IDENTIFIER_REJECTED);
    }

    @Test
    void mqtt311EmptyClientIdWithoutCleanSessionIsRejected() throws Exception {
        assertRefused(start(), RawPackets.connect("", false, 60), CONNACK_IDENTIFIER_REJECTED);
    }

    @Test
    void mqtt311EmptyClientIdWithCleanSessionIsAcceptedAndCanSubscribeAndPublish() throws Exception {
        try (RawMqttClient raw = RawMqttClient.open(start())) {
            raw.send(RawPackets.connect("", true, 60));
            raw.expect(0x20, 0x02, 0x00, CONNACK_ACCEPTED);

            raw.send(RawPackets.subscribe(1, "t/anonymous", 0));
            raw.expect(0x90, 0x03, 0x00, 0x01, 0x00);

            raw.send(RawPackets.publish("t/anonymous", utf8("hello"), 0, 0));
            RawMqttClient.Packet delivered = raw.readPacket();
            assertEquals(0x30, delivered.firstByte());
            assertEquals("00 0b t/anonymous hello", describeQos0Body(delivered.body()));
        }
    }

    @Test
    void emptyClientIdIsGivenAnIdWithTheConfiguredPrefix() throws Exception {
        int port = start("auto_id_prefix x-");
        try (RawLogCapture log = RawLogCapture.of("io.culex.connection");
             RawMqttClient raw = RawMqttClient.open(port)) {
            raw.send(RawPackets.connect("", true, 60));
            raw.expect(0x20, 0x02, 0x00, CONNACK_ACCEPTED);

            String address = raw.localAddress();
            log.await(message -> message.contains(address + " as x-"), Duration.ofSeconds(5));
        }
    }

    @Test
    void emptyClientIdIsRejectedWhenZeroLengthIdsAreNotAllowed() throws Exception {
        assertRefused(start("allow_zero_length_clientid false"), RawPackets.connect("", true, 60), CONNACK_IDENTIFIER_REJECTED);
    }

    // ---- authentication ----

    @Test
    void anonymousClientIsNotAuthorizedWhenAnonymousAccessIsOff() throws Exception {
        // Built directly rather than through RunningBroker, which always allows anonymous clients.
        String config = "listener 0 127.0.0.1\nallow_anonymous false\n";
        try (CulexBroker closed = CulexBroker.start(ConfigParser.parse(config, "test.conf"))) {
            assertRefused(closed.listeners().get(0).getPort(), RawPackets.connect("anonymous", true, 60), CONNACK_NOT_AUTHORIZED);
        }
    }

    // ---- sessions ----

    @Test
    void sessionPresentIsSetOnlyWhenResumingAPersistentSession() throws Exception {
        int port = start();
        connectAndDisconnect(port, false, 0x00); // new persistent session
        // Resumed on every reconnect; repeated because consecutive connections land on
        // different event loops, where a session hand-over race would show.
        for (int i = 0; i < 20; i++) {
            connectAndDisconnect(port, false, 0x01);
        }
        connectAndDisconnect(port, true, 0x00); // clean session discards it
    }

    @Test
    void secondConnectionWithSameClientIdTakesOverTheFirst() throws Exception {
        int port = start();
        try (RawMqttClient first = RawMqttClient.connect(port, "twin");
             RawMqttClient second = RawMqttClient.connect(port, "twin")) {
            assertClosedWithoutReply(first);

            second.send(RawPackets.pingreq());
            second.expect(0xD0, 0x00);
        }
    }

    @Test
    void takeoverOfAPersistentSessionClosesTheFirstAndResumesTheSession() throws Exception {
        int port = start();
        for (int i = 0; i < 20; i++) { // repeated for the same reason as above
            try (RawMqttClient first = RawMqttClient.open(port);
                 RawMqttClient second = RawMqttClient.open(port)) {
                first.send(RawPackets.connect("persistent-twin", false, 60));
                first.expect(0x20, 0x02, i == 0 ? 0x00 : 0x01, CONNACK_ACCEPTED);

                second.send(RawPackets.connect("persistent-twin", false, 60));
                second.expect(0x20, 0x02, 0x01, CONNACK_ACCEPTED);
                assertClosedWithoutReply(first);
                second.send(RawPackets.disconnect());
                assertClosedWithoutReply(second);
            }
        }
    }

    @Test
    void secondConnectOnAnAcceptedConnectionClosesIt() throws Exception {
        try (RawMqttClient raw = RawMqttClient.connect(start(), "connects-twice")) {
            raw.send(RawPackets.connect("connects-twice", true, 60));
            assertClosedWithoutReply(raw);
        }
    }

    // ---- helpers ----

    private static void connectAndDisconnect(int port, boolean cleanSession, int sessionPresent) throws IOException {
        try (RawMqttClient raw = RawMqttClient.open(port)) {
            raw.send(RawPackets.connect("resumable", cleanSession, 60));
            raw.expect(0x20, 0x02, sessionPresent, CONNACK_ACCEPTED);
            raw.send(RawPackets.disconnect());
            // Wait for the broker to act on DISCONNECT so the next CONNECT sees the stored session.
            assertClosedWithoutReply(raw);
        }
    }

    private static void assertRefused(int port, byte[] connect, int returnCode) throws IOException {
        try (RawMqttClient raw = RawMqttClient.open(port)) {
            raw.send(connect);
            raw.expect(0x20, 0x02, 0x00, returnCode);
            assertClosedWithoutReply(raw);
        }
    }

    private static void assertAcceptedAndAnswersPing(int port, byte[] connect) throws IOException {
        try (RawMqttClient raw = RawMqttClient.open(port)) {
            raw.send(connect);
            raw.expect(0x20, 0x02, 0x00, CONNACK_ACCEPTED);
            raw.send(RawPackets.pingreq());
            raw.expect(0xD0, 0x00);
        }
    }

    private static void assertClosedWithoutReply(RawMqttClient raw) throws IOException {
        assertEquals("", HexFormat.of().formatHex(raw.awaitClosedByBroker()), "the broker must close without sending anything");
    }

    /** "<topic length hex> <topic> <payload>" of a QoS 0 PUBLISH body. */
    private static String describeQos0Body(byte[] body) {
        int topicLength = (body[0] & 0xFF) << 8 | body[1] & 0xFF;
        return HexFormat.of().formatHex(body, 0, 2).replaceAll("(..)(..)", "$1 $2") + " "
                + new String(body, 2, topicLength, StandardCharsets.UTF_8) + " "
                + new String(body, 2 + topicLength, body.length - 2 - topicLength, StandardCharsets.UTF_8);
    }
}
