package io.culex.adapters.netty.bridge;

import io.culex.adapters.netty.codec.ConnackPacket;
import io.culex.adapters.netty.codec.ConnectPacket;
import io.culex.adapters.netty.codec.MqttCodec;
import io.culex.adapters.netty.codec.MqttProperties;
import io.culex.adapters.netty.codec.WillPacketPart;
import io.culex.application.bridge.RemoteConnack;
import io.culex.application.bridge.RemoteConnectRequest;
import io.culex.application.bridge.RemoteWill;
import io.culex.application.protocol.ReasonCode;
import io.culex.domain.message.QoS;
import java.util.Locale;

/** The bridge's CONNECT, and what the remote's CONNACK says, between the application's terms and packets. */
final class RemotePackets {

    /** Topic aliases the bridge accepts from an MQTT 5 remote (saves the topic on repeated messages). */
    static final int TOPIC_ALIAS_MAXIMUM = 10;

    private static final int UNLIMITED_RECEIVE_MAXIMUM = 65_535;
    private static final String[] MQTT3_REFUSALS = {"", "unacceptable protocol version", "identifier rejected",
        "server unavailable", "bad user name or password", "not authorized"};

    private RemotePackets() {
    }

    static ConnectPacket connect(RemoteConnectRequest request) {
        int level = request.version().level();
        boolean mqtt5 = level == MqttCodec.MQTT_5;
        MqttProperties properties = MqttProperties.EMPTY;
        if (mqtt5) {
            properties = MqttProperties.builder()
                    .sessionExpiryInterval(request.sessionExpirySeconds() > 0 ? request.sessionExpirySeconds() : null)
                    .receiveMaximum(request.receiveMaximum() > 0 ? request.receiveMaximum() : null)
                    .maximumPacketSize(request.maximumPacketSize() > 0 ? request.maximumPacketSize() : null)
                    .topicAliasMaximum(TOPIC_ALIAS_MAXIMUM)
                    .build();
        }
        RemoteWill will = request.will();
        WillPacketPart willPart = will == null ? null
                : new WillPacketPart(will.topic(), will.payload(), will.qos().value(), will.retain());
        return new ConnectPacket(level == MqttCodec.MQTT_3_1 ? "MQIsdp" : "MQTT", level, request.clientId(),
                request.cleanStart(), request.keepAliveSeconds(), request.username(), request.password(), willPart,
                properties, request.tryPrivate() && !mqtt5);
    }

    static RemoteConnack accepted(ConnackPacket connack) {
        MqttProperties p = connack.properties();
        return new RemoteConnack(connack.sessionPresent(),
                p.receiveMaximum() == null ? UNLIMITED_RECEIVE_MAXIMUM : p.receiveMaximum(),
                p.maximumPacketSize() == null ? 0 : p.maximumPacketSize(),
                p.maximumQos() == null ? QoS.EXACTLY_ONCE : QoS.of(p.maximumQos()),
                p.retainAvailable() == null || p.retainAvailable() == 1);
    }

    /** "CONNACK 0x05 not authorized", "CONNACK 0x87 not authorized (reason string)". */
    static String refusal(ConnackPacket connack, int level) {
        int code = connack.returnCode();
        String name;
        if (level != MqttCodec.MQTT_5) {
            name = code < MQTT3_REFUSALS.length ? MQTT3_REFUSALS[code] : "unknown return code";
        } else {
            ReasonCode reason = ReasonCode.of(code);
            name = reason == null ? "unknown reason code" : reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        String reasonString = connack.properties().reasonString();
        return String.format("CONNACK 0x%02X %s", code, name) + (reasonString == null ? "" : " (" + reasonString + ")");
    }

    /** The largest remaining length that keeps a whole packet within {@code maximumPacketSize} (0: no limit). */
    static int maxRemainingLength(long maximumPacketSize) {
        long max = 268_435_455;
        if (maximumPacketSize <= 0 || maximumPacketSize > max) {
            return (int) max;
        }
        // Fixed header: one type byte and 1 to 4 length bytes.
        for (int lengthBytes = 1; lengthBytes <= 4; lengthBytes++) {
            long remaining = maximumPacketSize - 1 - lengthBytes;
            long encodable = (1L << (7 * lengthBytes)) - 1;
            if (remaining <= encodable) {
                return (int) Math.max(0, remaining);
            }
        }
        return (int) max;
    }
}
