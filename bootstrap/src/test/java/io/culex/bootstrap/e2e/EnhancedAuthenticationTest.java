package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.security.password.ScramCredentials;
import io.culex.bootstrap.e2e.Paho5Clients.Client;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MQTT 5 enhanced authentication with SCRAM-SHA-256 over a real socket. */
class EnhancedAuthenticationTest extends BrokerTestSupport {

    @TempDir
    Path dir;

    private void startWithScramUser(String user, String password) throws Exception {
        ScramCredentials credentials = ScramCredentials.derive(password, "0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                4096);
        Path file = dir.resolve("passwd");
        Files.writeString(file, user + ":" + credentials.encode() + "\n");
        startBroker("password_file " + file, "allow_anonymous false");
    }

    // Paho's Java MQTT 5 client (1.2.5) does not carry an AUTH exchange through CONNECT, so the
    // SCRAM conversation is spoken with raw packets.

    private static final int AUTH = 15;
    private static final int CONNACK = 2;

    /** CONNECT (MQTT 5) naming SCRAM-SHA-256 with the client-first message as Authentication Data. */
    private static byte[] connect(String clientId, byte[] clientFirst) {
        ByteArrayOutputStream properties = new ByteArrayOutputStream();
        properties.write(0x15);
        writeField(properties, "SCRAM-SHA-256".getBytes(StandardCharsets.UTF_8));
        properties.write(0x16);
        writeField(properties, clientFirst);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeField(body, "MQTT".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {5, 0x02, 0, 60});
        body.writeBytes(RawPackets.remainingLength(properties.size()));
        body.writeBytes(properties.toByteArray());
        writeField(body, clientId.getBytes(StandardCharsets.UTF_8));
        return RawPackets.packet(0x10, body.toByteArray());
    }

    /** AUTH 0x18 (continue) carrying the client-final message. */
    private static byte[] authContinue(byte[] clientFinal) {
        return auth(0x18, clientFinal);
    }

    /** AUTH with a reason code (0x18 continue, 0x19 re-authenticate) and SCRAM data. */
    private static byte[] auth(int reasonCode, byte[] data) {
        ByteArrayOutputStream properties = new ByteArrayOutputStream();
        properties.write(0x15);
        writeField(properties, "SCRAM-SHA-256".getBytes(StandardCharsets.UTF_8));
        properties.write(0x16);
        writeField(properties, data);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(reasonCode);
        body.writeBytes(RawPackets.remainingLength(properties.size()));
        body.writeBytes(properties.toByteArray());
        return RawPackets.packet(0xF0, body.toByteArray());
    }

    private static void writeField(ByteArrayOutputStream out, byte[] field) {
        out.write(field.length >> 8);
        out.write(field.length & 0xFF);
        out.writeBytes(field);
    }

    /** The reason code of a CONNACK (byte 1) or AUTH (byte 0). */
    private static int reasonCode(RawMqttClient.Packet packet) {
        return packet.body()[packet.type() == CONNACK ? 1 : 0] & 0xFF;
    }

    /** The Authentication Data property (0x16) of a CONNACK or AUTH, or null. */
    private static byte[] authenticationData(RawMqttClient.Packet packet) {
        ByteBuffer body = ByteBuffer.wrap(packet.body());
        body.position(packet.type() == CONNACK ? 2 : 1);
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            int digit = body.get() & 0xFF;
            length |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0) {
                break;
            }
        }
        int end = body.position() + length;
        while (body.position() < end) {
            int id = body.get() & 0xFF;
            if (id == 0x1F || id == 0x15) { // reason string, method: UTF-8 strings
                int skipped = body.getShort() & 0xFFFF;
                body.position(body.position() + skipped);
            } else if (id == 0x16) {
                byte[] data = new byte[body.getShort() & 0xFFFF];
                body.get(data);
                return data;
            } else {
                throw new AssertionError("unexpected property " + id);
            }
        }
        return null;
    }

    @Test
    void scramExchangeConnectsAndTheServerProvesItKnowsTheKeys() throws Exception {
        startWithScramUser("alice", "pencil");
        ScramTestClient scram = new ScramTestClient("alice", "pencil", "rOprNGfwEbeRWgbNEkqO");
        try (RawMqttClient raw = RawMqttClient.open(broker.port())) {
            raw.send(connect("scram-ok", scram.clientFirst()));
            RawMqttClient.Packet challenge = raw.readPacket();
            assertEquals(AUTH, challenge.type());
            assertEquals(0x18, reasonCode(challenge));

            raw.send(authContinue(scram.clientFinal(authenticationData(challenge))));
            RawMqttClient.Packet connack = raw.readPacket();
            assertEquals(CONNACK, connack.type());
            assertEquals(0x00, reasonCode(connack));
            assertTrue(scram.verifiesServer(authenticationData(connack)), "server signature");
        }
    }

    @Test
    void aConnectedClientReauthenticatesAsTheSameUser() throws Exception {
        startWithScramUser("alice", "pencil");
        ScramTestClient first = new ScramTestClient("alice", "pencil", "first-nonce-0123456789");
        try (RawMqttClient raw = RawMqttClient.open(broker.port())) {
            raw.send(connect("scram-again", first.clientFirst()));
            raw.send(authContinue(first.clientFinal(authenticationData(raw.readPacket()))));
            assertEquals(0x00, reasonCode(raw.readPacket()));

            ScramTestClient again = new ScramTestClient("alice", "pencil", "second-nonce-987654321");
            raw.send(auth(0x19, again.clientFirst()));
            RawMqttClient.Packet challenge = raw.readPacket();
            assertEquals(AUTH, challenge.type());
            assertEquals(0x18, reasonCode(challenge));
            raw.send(authContinue(again.clientFinal(authenticationData(challenge))));
            RawMqttClient.Packet done = raw.readPacket();
            assertEquals(AUTH, done.type());
            assertEquals(0x00, reasonCode(done), "re-authentication succeeded");
            assertTrue(again.verifiesServer(authenticationData(done)));
        }
    }

    @Test
    void reauthenticatingAsAnotherUserEndsTheConnection() throws Exception {
        startWithScramUser("alice", "pencil");
        ScramTestClient first = new ScramTestClient("alice", "pencil", "first-nonce-0123456789");
        try (RawMqttClient raw = RawMqttClient.open(broker.port())) {
            raw.send(connect("scram-switch", first.clientFirst()));
            raw.send(authContinue(first.clientFinal(authenticationData(raw.readPacket()))));
            assertEquals(0x00, reasonCode(raw.readPacket()));

            raw.send(auth(0x19, new ScramTestClient("mallory", "pencil", "other-nonce-1234567").clientFirst()));
            RawMqttClient.Packet refused = raw.readPacket();
            assertEquals(14, refused.type(), "DISCONNECT");
            assertEquals(0x87, refused.body()[0] & 0xFF);
        }
    }

    @Test
    void aWrongPasswordIsNotAuthorized() throws Exception {
        startWithScramUser("alice", "pencil");
        ScramTestClient scram = new ScramTestClient("alice", "crayon", "nonce-1234567890");
        try (RawMqttClient raw = RawMqttClient.open(broker.port())) {
            raw.send(connect("scram-bad", scram.clientFirst()));
            RawMqttClient.Packet challenge = raw.readPacket();
            raw.send(authContinue(scram.clientFinal(authenticationData(challenge))));
            RawMqttClient.Packet connack = raw.readPacket();
            assertEquals(CONNACK, connack.type());
            assertEquals(0x87, reasonCode(connack));
        }
    }

    @Test
    void anUnknownUserLooksLikeAWrongPassword() throws Exception {
        startWithScramUser("alice", "pencil");
        ScramTestClient scram = new ScramTestClient("mallory", "pencil", "nonce-abcdefghij");
        try (RawMqttClient raw = RawMqttClient.open(broker.port())) {
            raw.send(connect("scram-unknown", scram.clientFirst()));
            RawMqttClient.Packet challenge = raw.readPacket();
            assertEquals(0x18, reasonCode(challenge), "a salt and iteration count come back for unknown users too");
            raw.send(authContinue(scram.clientFinal(authenticationData(challenge))));
            assertEquals(0x87, reasonCode(raw.readPacket()));
        }
    }

    @Test
    void anUnknownMethodIsABadAuthenticationMethod() throws Exception {
        startWithScramUser("alice", "pencil");
        MqttConnectionOptions options = Paho5Clients.options(true, 0L);
        options.setAuthMethod("KERBEROS-9");
        Paho5Clients clients5 = new Paho5Clients(broker);
        try {
            MqttException refused = assertThrows(MqttException.class, () -> clients5.connect("kerberos", options));
            assertEquals(0x8C, refused.getReasonCode());
        } finally {
            clients5.close();
        }
    }

    @Test
    void theScramEntryAlsoChecksAPlainPassword() throws Exception {
        startWithScramUser("alice", "pencil");
        Paho5Clients clients5 = new Paho5Clients(broker);
        try {
            MqttConnectionOptions options = Paho5Clients.options(true, 0L);
            options.setUserName("alice");
            options.setPassword("pencil".getBytes(StandardCharsets.UTF_8));
            Client client = clients5.connect("plain", options);
            assertTrue(client.paho.isConnected());
        } finally {
            clients5.close();
        }
    }
}
