package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * clientid_prefixes and use_username_as_clientid, with the CONNACK codes mosquitto 2.0.11 sends
 * (checked against /usr/sbin/mosquitto: both refuse with 5, not authorised).
 */
class ClientIdOptionsTest {

    private static final int USERNAME_FLAG = 0x80;
    private static final int CLEAN_SESSION = 0x02;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sec-", "sec-client", "sec-,abc-x"})
    void aClientIdStartingWithThePrefixIsAccepted(String clientId) throws IOException {
        try (RunningBroker broker = RunningBroker.start("clientid_prefixes sec-");
             RawMqttClient client = RawMqttClient.open(broker.port())) {
            client.send(RawPackets.connect(clientId, true, 60));
            client.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_ACCEPTED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"other", "se", "SEC-client", "x-sec-"})
    void aClientIdWithoutThePrefixGetsConnack5AndIsClosed(String clientId) throws IOException {
        try (RunningBroker broker = RunningBroker.start("clientid_prefixes sec-");
             RawMqttClient client = RawMqttClient.open(broker.port())) {
            client.send(RawPackets.connect(clientId, true, 60));
            client.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_NOT_AUTHORIZED);
            assertEquals(0, client.awaitClosedByBroker().length);
        }
    }

    /** Mosquitto 2.0 compares the whole value: "sec-,abc-" is one prefix, so "abc-x" is refused. */
    @Test
    void aCommaIsPartOfThePrefixNotAListSeparator() throws IOException {
        try (RunningBroker broker = RunningBroker.start("clientid_prefixes sec-,abc-")) {
            try (RawMqttClient client = RawMqttClient.open(broker.port())) {
                client.send(RawPackets.connect("abc-x", true, 60));
                client.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_NOT_AUTHORIZED);
            }
            try (RawMqttClient client = RawMqttClient.open(broker.port())) {
                client.send(RawPackets.connect("sec-,abc-x", true, 60));
                client.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_ACCEPTED);
            }
        }
    }

    /** A generated id is checked too, as in Mosquitto, so auto_id_prefix must carry the prefix. */
    @Test
    void aGeneratedClientIdMustCarryThePrefixToo() throws IOException {
        try (RunningBroker broker = RunningBroker.start("clientid_prefixes sec-");
             RawMqttClient client = RawMqttClient.open(broker.port())) {
            client.send(RawPackets.connect("", true, 60));
            client.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_NOT_AUTHORIZED);
        }
        try (RunningBroker broker = RunningBroker.start("clientid_prefixes sec-", "auto_id_prefix sec-auto-");
             RawMqttClient client = RawMqttClient.open(broker.port())) {
            client.send(RawPackets.connect("", true, 60));
            client.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_ACCEPTED);
        }
    }

    @Test
    void withoutUseUsernameAsClientIdAClientWithoutUsernameIsAccepted() throws IOException {
        try (RunningBroker broker = RunningBroker.start("use_username_as_clientid false");
             RawMqttClient client = RawMqttClient.open(broker.port())) {
            client.send(RawPackets.connect("plain", true, 60));
            client.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_ACCEPTED);
        }
    }

    @Test
    void useUsernameAsClientIdRefusesAClientWithoutUsernameWithConnack5() throws IOException {
        try (RunningBroker broker = RunningBroker.start("use_username_as_clientid true");
             RawMqttClient client = RawMqttClient.open(broker.port())) {
            client.send(RawPackets.connect("foo", true, 60));
            client.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_NOT_AUTHORIZED);
            assertEquals(0, client.awaitClosedByBroker().length);
        }
    }

    /** Two clients with different ids but one username share one client id, so the second takes over. */
    @Test
    void useUsernameAsClientIdMakesTheUsernameTheSessionKey() throws IOException {
        try (RunningBroker broker = RunningBroker.start("use_username_as_clientid true");
             RawMqttClient first = RawMqttClient.open(broker.port());
             RawMqttClient second = RawMqttClient.open(broker.port())) {
            first.send(connectWithUsername("a", "bob"));
            first.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_ACCEPTED);
            second.send(connectWithUsername("b", "bob"));
            second.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_ACCEPTED);
            assertEquals(0, first.awaitClosedByBroker().length);
        }
    }

    @Test
    void withoutUseUsernameAsClientIdTheSameUsernameDoesNotTakeOver() throws IOException {
        try (RunningBroker broker = RunningBroker.start();
             RawMqttClient first = RawMqttClient.open(broker.port());
             RawMqttClient second = RawMqttClient.open(broker.port())) {
            first.send(connectWithUsername("a", "bob"));
            first.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_ACCEPTED);
            second.send(connectWithUsername("b", "bob"));
            second.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_ACCEPTED);
            first.send(RawPackets.pingreq());
            first.expect(0xD0, 0x00);
        }
    }

    /** As mosquitto 2.0.11: an empty id gets one generated, then replaced by the username. */
    @Test
    void useUsernameAsClientIdAcceptsAnEmptyClientIdWithAUsername() throws IOException {
        try (RunningBroker broker = RunningBroker.start("use_username_as_clientid true");
             RawMqttClient client = RawMqttClient.open(broker.port())) {
            client.send(connectWithUsername("", "bob"));
            client.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_ACCEPTED);
        }
    }

    /** The empty-id rule comes first, as in mosquitto 2.0.11 (CONNACK 2 there too). */
    @Test
    void anEmptyClientIdRefusedByAllowZeroLengthClientIdStaysIdentifierRejected() throws IOException {
        try (RunningBroker broker = RunningBroker.start("use_username_as_clientid true",
                "allow_zero_length_clientid false");
             RawMqttClient client = RawMqttClient.open(broker.port())) {
            client.send(connectWithUsername("", "bob"));
            client.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_IDENTIFIER_REJECTED);
        }
    }

    /** The prefix applies to the client's own id, before use_username_as_clientid replaces it (as Mosquitto). */
    @Test
    void thePrefixIsCheckedOnTheClientsOwnIdNotTheUsername() throws IOException {
        try (RunningBroker broker = RunningBroker.start("clientid_prefixes sec-", "use_username_as_clientid true")) {
            try (RawMqttClient client = RawMqttClient.open(broker.port())) {
                client.send(connectWithUsername("sec-1", "bob"));
                client.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_ACCEPTED);
            }
            try (RawMqttClient client = RawMqttClient.open(broker.port())) {
                client.send(connectWithUsername("bob", "sec-bob"));
                client.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_NOT_AUTHORIZED);
            }
        }
    }

    /** A clean-session 3.1.1 CONNECT with a username and no password. */
    private static byte[] connectWithUsername(String clientId, String username) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(4);
        body.write(CLEAN_SESSION | USERNAME_FLAG);
        body.write(0);
        body.write(60);
        writeString(body, clientId);
        writeString(body, username);
        return RawPackets.packet(0x10, body.toByteArray());
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] encoded = RawPackets.utf8(value);
        out.write(encoded.length >>> 8);
        out.write(encoded.length);
        out.writeBytes(encoded);
    }
}
