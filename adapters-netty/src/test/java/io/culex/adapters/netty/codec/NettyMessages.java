package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnAckVariableHeader;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageFactory;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribePayload;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribePayload;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Netty's own MQTT codec as an independent reference: converts our packets to Netty messages and
 * back, and runs Netty's encoder and decoder.
 */
final class NettyMessages {

    private static final int NETTY_DECODER_LIMIT = 1 << 20;

    private NettyMessages() {}

    static byte[] nettyEncode(MqttPacket packet) {
        EmbeddedChannel channel = new EmbeddedChannel(MqttEncoder.INSTANCE);
        channel.writeOutbound(toNetty(packet));
        ByteBuf buf = channel.readOutbound();
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
            channel.finishAndReleaseAll();
        }
    }

    static MqttPacket nettyDecode(byte[] bytes) {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(NETTY_DECODER_LIMIT));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        MqttMessage message = channel.readInbound();
        try {
            if (message == null) {
                throw new AssertionError("Netty decoded nothing from " + bytes.length + " bytes");
            }
            if (!message.decoderResult().isSuccess()) {
                throw new AssertionError("Netty refused our bytes", message.decoderResult().cause());
            }
            if (channel.readInbound() != null) {
                throw new AssertionError("Netty decoded more than one message");
            }
            return fromNetty(message);
        } finally {
            if (message instanceof MqttPublishMessage publish) {
                publish.release();
            }
            channel.finishAndReleaseAll();
        }
    }

    static MqttMessage toNetty(MqttPacket packet) {
        if (packet instanceof ConnectPacket p) {
            WillPacketPart will = p.will();
            MqttConnectVariableHeader header = new MqttConnectVariableHeader(p.protocolName(), p.protocolLevel(),
                    p.username() != null, p.password() != null, will != null && will.retain(),
                    will == null ? 0 : will.qos(), will != null, p.cleanSession(), p.keepAliveSeconds());
            MqttConnectPayload payload = new MqttConnectPayload(p.clientId(), will == null ? null : will.topic(),
                    will == null ? null : will.payload(), p.username(), p.password());
            return MqttMessageFactory.newMessage(fixed(MqttMessageType.CONNECT, 0), header, payload);
        } else if (packet instanceof ConnackPacket p) {
            return MqttMessageFactory.newMessage(fixed(MqttMessageType.CONNACK, 0),
                    new MqttConnAckVariableHeader(MqttConnectReturnCode.valueOf((byte) p.returnCode()), p.sessionPresent()),
                    null);
        } else if (packet instanceof PublishPacket p) {
            MqttFixedHeader header = new MqttFixedHeader(MqttMessageType.PUBLISH, p.dup(),
                    MqttQoS.valueOf(p.qos()), p.retain(), 0);
            return new MqttPublishMessage(header, new MqttPublishVariableHeader(p.topic(), p.packetId()),
                    Unpooled.wrappedBuffer(p.payload()));
        } else if (packet instanceof PubackPacket p) {
            return withId(MqttMessageType.PUBACK, 0, p.packetId());
        } else if (packet instanceof PubrecPacket p) {
            return withId(MqttMessageType.PUBREC, 0, p.packetId());
        } else if (packet instanceof PubrelPacket p) {
            return withId(MqttMessageType.PUBREL, 1, p.packetId());
        } else if (packet instanceof PubcompPacket p) {
            return withId(MqttMessageType.PUBCOMP, 0, p.packetId());
        } else if (packet instanceof SubscribePacket p) {
            List<MqttTopicSubscription> subscriptions = p.subscriptions().stream()
                    .map(s -> new MqttTopicSubscription(s.filter(), MqttQoS.valueOf(s.qos())))
                    .collect(Collectors.toList());
            return MqttMessageFactory.newMessage(fixed(MqttMessageType.SUBSCRIBE, 1),
                    MqttMessageIdVariableHeader.from(p.packetId()), new MqttSubscribePayload(subscriptions));
        } else if (packet instanceof SubackPacket p) {
            return MqttMessageFactory.newMessage(fixed(MqttMessageType.SUBACK, 0),
                    MqttMessageIdVariableHeader.from(p.packetId()), new MqttSubAckPayload(p.returnCodes()));
        } else if (packet instanceof UnsubscribePacket p) {
            return MqttMessageFactory.newMessage(fixed(MqttMessageType.UNSUBSCRIBE, 1),
                    MqttMessageIdVariableHeader.from(p.packetId()), new MqttUnsubscribePayload(p.filters()));
        } else if (packet instanceof UnsubackPacket p) {
            return withId(MqttMessageType.UNSUBACK, 0, p.packetId());
        } else if (packet instanceof PingreqPacket) {
            return MqttMessage.PINGREQ;
        } else if (packet instanceof PingrespPacket) {
            return MqttMessage.PINGRESP;
        } else if (packet instanceof DisconnectPacket) {
            return MqttMessage.DISCONNECT;
        }
        throw new IllegalArgumentException("no Netty equivalent for " + packet);
    }

    static MqttPacket fromNetty(MqttMessage message) {
        MqttFixedHeader fixed = message.fixedHeader();
        switch (fixed.messageType()) {
            case CONNECT: {
                MqttConnectVariableHeader header = (MqttConnectVariableHeader) message.variableHeader();
                MqttConnectPayload payload = (MqttConnectPayload) message.payload();
                WillPacketPart will = header.isWillFlag()
                        ? new WillPacketPart(payload.willTopic(), payload.willMessageInBytes(), header.willQos(),
                                header.isWillRetain())
                        : null;
                return new ConnectPacket(header.name(), header.version(), payload.clientIdentifier(),
                        header.isCleanSession(), header.keepAliveTimeSeconds(),
                        header.hasUserName() ? payload.userName() : null,
                        header.hasPassword() ? payload.passwordInBytes() : null, will);
            }
            case CONNACK: {
                MqttConnAckVariableHeader header = (MqttConnAckVariableHeader) message.variableHeader();
                return new ConnackPacket(header.isSessionPresent(), header.connectReturnCode().byteValue() & 0xFF);
            }
            case PUBLISH: {
                MqttPublishMessage publish = (MqttPublishMessage) message;
                return new PublishPacket(publish.variableHeader().topicName(), ByteBufUtil.getBytes(publish.payload()),
                        fixed.qosLevel().value(), fixed.isRetain(), fixed.isDup(),
                        Math.max(0, publish.variableHeader().packetId()));
            }
            case PUBACK:
                return new PubackPacket(messageId(message));
            case PUBREC:
                return new PubrecPacket(messageId(message));
            case PUBREL:
                return new PubrelPacket(messageId(message));
            case PUBCOMP:
                return new PubcompPacket(messageId(message));
            case SUBSCRIBE: {
                MqttSubscribePayload payload = (MqttSubscribePayload) message.payload();
                return new SubscribePacket(messageId(message), payload.topicSubscriptions().stream()
                        .map(s -> new TopicSubscription(s.topicFilter(), s.qualityOfService().value()))
                        .collect(Collectors.toList()));
            }
            case SUBACK: {
                MqttSubAckPayload payload = (MqttSubAckPayload) message.payload();
                return new SubackPacket(messageId(message), payload.reasonCodes());
            }
            case UNSUBSCRIBE:
                return new UnsubscribePacket(messageId(message), ((MqttUnsubscribePayload) message.payload()).topics());
            case UNSUBACK:
                return new UnsubackPacket(messageId(message));
            case PINGREQ:
                return PingreqPacket.INSTANCE;
            case PINGRESP:
                return PingrespPacket.INSTANCE;
            case DISCONNECT:
                return DisconnectPacket.INSTANCE;
            default:
                throw new IllegalArgumentException("unexpected Netty message " + message);
        }
    }

    private static MqttFixedHeader fixed(MqttMessageType type, int qos) {
        return new MqttFixedHeader(type, false, MqttQoS.valueOf(qos), false, 0);
    }

    private static MqttMessage withId(MqttMessageType type, int qos, int packetId) {
        return MqttMessageFactory.newMessage(fixed(type, qos), MqttMessageIdVariableHeader.from(packetId), null);
    }

    private static int messageId(MqttMessage message) {
        return ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
    }
}
