package io.culex.adapters.netty.codec;

import static io.culex.adapters.netty.codec.WirePacket.packet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectValidationTest {

    private static WirePacket connect(String protocolName, int level, int flags) {
        return packet(0x10).string(protocolName).u8(level, flags).u16(60);
    }

    @Test
    void mqtt311ConnectDecodesAllFields() {
        byte[] bytes = connect("MQTT", 4, 0xEE).string("id").string("w/t").string("bye").string("u").string("pw").build();

        assertEquals(new ConnectPacket("MQTT", 4, "id", true, 60, "u", SamplePackets.utf8("pw"),
                        new WillPacketPart("w/t", SamplePackets.utf8("bye"), 1, true)),
                Codec.decodeSingle(bytes));
    }

    @Test
    void mqtt31ConnectDecodes() {
        byte[] bytes = connect("MQIsdp", 3, 0x02).string("id").build();

        assertEquals(new ConnectPacket("MQIsdp", 3, "id", true, 60, null, null, null), Codec.decodeSingle(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MQTX", "mqtt", "MQIsdP", "", "HTTP/1.1"})
    void unknownProtocolNameIsMalformed(String name) {
        MalformedPacketException failure = Codec.decodeFailure(connect(name, 4, 0x02).string("id").build());

        assertEquals("CONNECT: unknown protocol name '" + name + "'", failure.getMessage());
    }

    @Test
    void longUnknownProtocolNameIsAbbreviatedInTheMessage() {
        MalformedPacketException failure = Codec.decodeFailure(connect("x".repeat(1000), 4, 0x02).build());

        assertEquals("CONNECT: unknown protocol name '" + "x".repeat(16) + "...'", failure.getMessage());
    }

    /** The broker answers CONNACK 0x01 to these; decoding must not drop the connection first. */
    @Test
    void knownNameWithUnsupportedLevelDecodesNameAndLevelOnly() {
        // A future level laid out as MQTT 5 is: its property length (0) would shift a 3.1.1 parse.
        byte[] bytes = connect("MQTT", 6, 0xC2).u8(0).string("id").string("u").string("pw").build();

        ConnectPacket decoded = (ConnectPacket) Codec.decodeSingle(bytes);

        assertEquals("MQTT", decoded.protocolName());
        assertEquals(6, decoded.protocolLevel());
        assertNull(decoded.username());
        assertNull(decoded.password());
    }

    @Test
    void mqttNameWithMqtt31LevelIsAnUnsupportedPairNotMalformed() {
        assertEquals(3, ((ConnectPacket) Codec.decodeSingle(connect("MQTT", 3, 0x02).string("id").build())).protocolLevel());
    }

    @Test
    void mqtt31NameWithMqtt311LevelIsAnUnsupportedPairNotMalformed() {
        assertEquals(4, ((ConnectPacket) Codec.decodeSingle(connect("MQIsdp", 4, 0x02).string("id").build())).protocolLevel());
    }

    @Test
    void reservedConnectFlagIsMalformed() {
        MalformedPacketException failure = Codec.decodeFailure(connect("MQTT", 4, 0x03).string("id").build());

        assertEquals("CONNECT: reserved connect flag must be 0 [MQTT-3.1.2-3]", failure.getMessage());
    }

    @Test
    void willQosWithoutWillFlagIsMalformed() {
        Codec.decodeFailure(connect("MQTT", 4, 0x0A).string("id").build());
    }

    @Test
    void willRetainWithoutWillFlagIsMalformed() {
        Codec.decodeFailure(connect("MQTT", 4, 0x22).string("id").build());
    }

    @Test
    void willQos3IsMalformed() {
        Codec.decodeFailure(connect("MQTT", 4, 0x1E).string("id").string("w").string("m").build());
    }

    @Test
    void passwordWithoutUsernameIsMalformedForMqtt311() {
        Codec.decodeFailure(connect("MQTT", 4, 0x42).string("id").string("pw").build());
    }

    @Test
    void passwordWithoutUsernameIsMalformedForMqtt31() {
        Codec.decodeFailure(connect("MQIsdp", 3, 0x42).string("id").string("pw").build());
    }

    @Test
    void emptyClientIdIsForTheBrokerToJudgeNotMalformed() {
        assertEquals("", ((ConnectPacket) Codec.decodeSingle(connect("MQTT", 4, 0x00).string("").build())).clientId());
    }

    @Test
    void flaggedFieldMissingFromThePayloadIsMalformed() {
        MalformedPacketException failure = Codec.decodeFailure(connect("MQTT", 4, 0xC2).string("id").build());

        assertEquals("CONNECT: remaining length ends inside user name length", failure.getMessage());
    }

    @Test
    void bytesAfterTheLastFlaggedFieldAreMalformed() {
        MalformedPacketException failure = Codec.decodeFailure(connect("MQTT", 4, 0x02).string("id").u8(0).build());

        assertEquals("CONNECT: 1 byte(s) left after the last field", failure.getMessage());
    }
}
