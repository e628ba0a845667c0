package io.culex.adapters.netty.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.adapters.netty.codec.ConnackPacket;
import io.culex.adapters.netty.codec.ConnectPacket;
import io.culex.adapters.netty.codec.MqttProperties;
import io.culex.application.bridge.RemoteConnack;
import io.culex.application.bridge.RemoteConnectRequest;
import io.culex.application.bridge.RemoteWill;
import io.culex.application.protocol.ProtocolVersion;
import io.culex.domain.message.QoS;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bridge's CONNECT and its reading of CONNACK, without a socket. */
class RemotePacketsTest {

    @Test
    void anMqtt5ConnectAnnouncesOurLimitsAndNeverTheBridgeBit() {
        RemoteConnectRequest request = new RemoteConnectRequest(ProtocolVersion.MQTT_5, true, "edge", false, 3600, 30,
                "user", "pw".getBytes(StandardCharsets.UTF_8),
                new RemoteWill("state", "0".getBytes(StandardCharsets.UTF_8), QoS.AT_LEAST_ONCE, true), 100, 65_536, null);
        ConnectPacket connect = RemotePackets.connect(request);

        assertEquals(5, connect.protocolLevel());
        assertFalse(connect.bridge());
        assertFalse(connect.cleanSession());
        assertEquals(30, connect.keepAliveSeconds());
        assertEquals(3600L, connect.properties().sessionExpiryInterval());
        assertEquals(100, connect.properties().receiveMaximum());
        assertEquals(65_536L, connect.properties().maximumPacketSize());
        assertEquals(RemotePackets.TOPIC_ALIAS_MAXIMUM, connect.properties().topicAliasMaximum());
        assertEquals("state", connect.will().topic());
        assertTrue(connect.will().retain());
    }

    @Test
    void anMqtt31ConnectIsMqisdpWithTheBridgeBitAndNoProperties() {
        ConnectPacket connect = RemotePackets.connect(NettyRemoteConnectorTest.request(ProtocolVersion.MQTT_3_1, "e"));
        assertEquals("MQIsdp", connect.protocolName());
        assertEquals(3, connect.protocolLevel());
        assertTrue(connect.bridge());
        assertTrue(connect.properties().isEmpty());
    }

    @Test
    void aConnackWithoutPropertiesMeansNoLimits() {
        RemoteConnack connack = RemotePackets.accepted(new ConnackPacket(true, 0));
        assertEquals(new RemoteConnack(true, 65_535, 0, QoS.EXACTLY_ONCE, true), connack);
    }

    @Test
    void anMqtt5ConnackCarriesTheRemotesLimits() {
        MqttProperties properties = MqttProperties.builder().receiveMaximum(20).maximumPacketSize(1024L)
                .maximumQos(1).retainAvailable(0).build();
        assertEquals(new RemoteConnack(false, 20, 1024, QoS.AT_LEAST_ONCE, false),
                RemotePackets.accepted(new ConnackPacket(false, 0, properties)));
    }

    @Test
    void refusalsAreNamed() {
        assertEquals("CONNACK 0x04 bad user name or password", RemotePackets.refusal(new ConnackPacket(false, 4), 4));
        assertEquals("CONNACK 0x86 bad user name or password (try again)", RemotePackets.refusal(
                new ConnackPacket(false, 0x86, MqttProperties.builder().reasonString("try again").build()), 5));
    }

    @Test
    void theLargestRemainingLengthKeepsTheWholePacketWithinTheLimit() {
        assertEquals(268_435_455, RemotePackets.maxRemainingLength(0));
        assertEquals(127, RemotePackets.maxRemainingLength(129)); // 1 + 1 + 127
        assertEquals(127, RemotePackets.maxRemainingLength(130)); // 128 would need 2 length bytes: 131
        assertEquals(128, RemotePackets.maxRemainingLength(131));
        assertEquals(16_383, RemotePackets.maxRemainingLength(16_386));
    }
}
