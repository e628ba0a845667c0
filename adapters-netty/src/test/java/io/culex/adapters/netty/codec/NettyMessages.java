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
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribePayload;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubAckPayload;
import io.netty.handler.codec.mqtt.MqttUnsubscribePayload;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.AttributeKey;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Netty's own MQTT codec as an independent reference: converts our packets to Netty messages and
 * back, and runs Netty's encoder and decoder at a protocol level.
 */
final class NettyMessages {

    private static final int NETTY_DECODER_LIMIT = 1 << 20;
    /** Where Netty keeps a channel's MQTT version (its MqttCodecUtil, which names it, is package-private). */
    private static final AttributeKey<MqttVersion> NETTY_VERSION = AttributeKey.valueOf("NETTY_CODEC_MQTT_VERSION");

    private NettyMessages() {}

    static byte[] nettyEncode(MqttPacket packet) {
        return nettyEncode(packet, MqttCodec.MQTT_3_1_1);
    }

    static byte[] nettyEncode(MqttPacket packet, int protocolLevel) {
        EmbeddedChannel channel = new EmbeddedChannel(MqttEncoder.INSTANCE);
        channel.attr(NETTY_VERSION).set(nettyVersion(protocolLevel));
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
        return nettyDecode(bytes, MqttCodec.MQTT_3_1_1);
    }

    static MqttPacket nettyDecode(byte[] bytes, int protocolLevel) {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(NETTY_DECODER_LIMIT));
        channel.attr(NETTY_VERSION).set(nettyVersion(protocolLevel));
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

    private static MqttVersion nettyVersion(int protocolLevel) {
        return protocolLevel == MqttCodec.MQTT_5 ? MqttVersion.MQTT_5
                : protocolLevel == MqttCodec.MQTT_3_1 ? MqttVersion.MQTT_3_1 : MqttVersion.MQTT_3_1_1;
    }

    static MqttMessage toNetty(MqttPacket packet) {
        if (packet instanceof ConnectPacket p) {
            WillPacketPart will = p.will();
            MqttConnectVariableHeader header = new MqttConnectVariableHeader(p.protocolName(), p.protocolLevel(),
                    p.username() != null, p.password() != null, will != null && will.retain(),
                    will == null ? 0 : will.qos(), will != null, p.cleanSession(), p.keepAliveSeconds(),
                    NettyProperties.toNetty(p.properties()));
            MqttConnectPayload payload = new MqttConnectPayload(p.clientId(),
                    will == null ? NettyProperties.toNetty(MqttProperties.EMPTY) : NettyProperties.toNetty(will.properties()),
                    will == null ? null : will.topic(), will == null ? null : will.payload(), p.username(), p.password());
            return MqttMessageFactory.newMessage(fixed(MqttMessageType.CONNECT, 0), header, payload);
        } else if (packet instanceof ConnackPacket p) {
            return MqttMessageFactory.newMessage(fixed(MqttMessageType.CONNACK, 0),
                    new MqttConnAckVariableHeader(MqttConnectReturnCode.valueOf((byte) p.returnCode()), p.sessionPresent(),
                            NettyProperties.toNetty(p.properties())),
                    null);
        } else if (packet instanceof PublishPacket p) {
            MqttFixedHeader header = new MqttFixedHeader(MqttMessageType.PUBLISH, p.dup(),
                    MqttQoS.valueOf(p.qos()), p.retain(), 0);
            return new MqttPublishMessage(header,
                    new MqttPublishVariableHeader(p.topic(), p.packetId(), NettyProperties.toNetty(p.properties())),
                    Unpooled.wrappedBuffer(p.payload()));
        } else if (packet instanceof PubackPacket p) {
            return publishAck(MqttMessageType.PUBACK, 0, p.packetId(), p.reasonCode(), p.properties());
        } else if (packet instanceof PubrecPacket p) {
            return publishAck(MqttMessageType.PUBREC, 0, p.packetId(), p.reasonCode(), p.properties());
        } else if (packet instanceof PubrelPacket p) {
            return publishAck(MqttMessageType.PUBREL, 1, p.packetId(), p.reasonCode(), p.properties());
        } else if (packet instanceof PubcompPacket p) {
            return publishAck(MqttMessageType.PUBCOMP, 0, p.packetId(), p.reasonCode(), p.properties());
        } else if (packet instanceof SubscribePacket p) {
            List<MqttTopicSubscription> subscriptions = p.subscriptions().stream()
                    .map(s -> new MqttTopicSubscription(s.filter(), new MqttSubscriptionOption(MqttQoS.valueOf(s.qos()),
                            s.noLocal(), s.retainAsPublished(),
                            MqttSubscriptionOption.RetainedHandlingPolicy.valueOf(s.retainHandling()))))
                    .collect(Collectors.toList());
            return MqttMessageFactory.newMessage(fixed(MqttMessageType.SUBSCRIBE, 1),
                    idAndProperties(p.packetId(), p.properties()), new MqttSubscribePayload(subscriptions));
        } else if (packet instanceof SubackPacket p) {
            return MqttMessageFactory.newMessage(fixed(MqttMessageType.SUBACK, 0),
                    idAndProperties(p.packetId(), p.properties()), new MqttSubAckPayload(p.returnCodes()));
        } else if (packet instanceof UnsubscribePacket p) {
            return MqttMessageFactory.newMessage(fixed(MqttMessageType.UNSUBSCRIBE, 1),
                    idAndProperties(p.packetId(), p.properties()), new MqttUnsubscribePayload(p.filters()));
        } else if (packet instanceof UnsubackPacket p) {
            return MqttMessageFactory.newMessage(fixed(MqttMessageType.UNSUBACK, 0),
                    idAndProperties(p.packetId(), p.properties()),
                    new MqttUnsubAckPayload(p.reasonCodes().stream().map(Integer::shortValue).toList()));
        } else if (packet instanceof PingreqPacket) {
            return MqttMessage.PINGREQ;
        } else if (packet instanceof PingrespPacket) {
            return MqttMessage.PINGRESP;
        } else if (packet instanceof DisconnectPacket p) {
            return MqttMessageFactory.newMessage(fixed(MqttMessageType.DISCONNECT, 0),
                    new MqttReasonCodeAndPropertiesVariableHeader((byte) p.reasonCode(), NettyProperties.toNetty(p.properties())),
                    null);
        } else if (packet instanceof AuthPacket p) {
            return MqttMessageFactory.newMessage(fixed(MqttMessageType.AUTH, 0),
                    new MqttReasonCodeAndPropertiesVariableHeader((byte) p.reasonCode(), NettyProperties.toNetty(p.properties())),
                    null);
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
                                header.isWillRetain(), NettyProperties.fromNetty(payload.willProperties()))
                        : null;
                return new ConnectPacket(header.name(), header.version(), payload.clientIdentifier(),
                        header.isCleanSession(), header.keepAliveTimeSeconds(),
                        header.hasUserName() ? payload.userName() : null,
                        header.hasPassword() ? payload.passwordInBytes() : null, will,
                        NettyProperties.fromNetty(header.properties()));
            }
            case CONNACK: {
                MqttConnAckVariableHeader header = (MqttConnAckVariableHeader) message.variableHeader();
                return new ConnackPacket(header.isSessionPresent(), header.connectReturnCode().byteValue() & 0xFF,
                        NettyProperties.fromNetty(header.properties()));
            }
            case PUBLISH: {
                MqttPublishMessage publish = (MqttPublishMessage) message;
                return new PublishPacket(publish.variableHeader().topicName(), ByteBufUtil.getBytes(publish.payload()),
                        fixed.qosLevel().value(), fixed.isRetain(), fixed.isDup(),
                        Math.max(0, publish.variableHeader().packetId()),
                        NettyProperties.fromNetty(publish.variableHeader().properties()));
            }
            case PUBACK:
                return new PubackPacket(messageId(message), reasonCode(message), properties(message));
            case PUBREC:
                return new PubrecPacket(messageId(message), reasonCode(message), properties(message));
            case PUBREL:
                return new PubrelPacket(messageId(message), reasonCode(message), properties(message));
            case PUBCOMP:
                return new PubcompPacket(messageId(message), reasonCode(message), properties(message));
            case SUBSCRIBE: {
                MqttSubscribePayload payload = (MqttSubscribePayload) message.payload();
                return new SubscribePacket(messageId(message), payload.topicSubscriptions().stream()
                        .map(s -> new TopicSubscription(s.topicFilter(), s.qualityOfService().value(),
                                s.option().isNoLocal(), s.option().isRetainAsPublished(), s.option().retainHandling().value()))
                        .collect(Collectors.toList()), properties(message));
            }
            case SUBACK: {
                MqttSubAckPayload payload = (MqttSubAckPayload) message.payload();
                return new SubackPacket(messageId(message), payload.reasonCodes(), properties(message));
            }
            case UNSUBSCRIBE:
                return new UnsubscribePacket(messageId(message), ((MqttUnsubscribePayload) message.payload()).topics(),
                        properties(message));
            case UNSUBACK: {
                MqttUnsubAckPayload payload = (MqttUnsubAckPayload) message.payload();
                List<Integer> codes = payload == null ? List.of()
                        : payload.unsubscribeReasonCodes().stream().map(Short::intValue).toList();
                return new UnsubackPacket(messageId(message), codes, properties(message));
            }
            case PINGREQ:
                return PingreqPacket.INSTANCE;
            case PINGRESP:
                return PingrespPacket.INSTANCE;
            case DISCONNECT: {
                if (!(message.variableHeader() instanceof MqttReasonCodeAndPropertiesVariableHeader header)) {
                    return DisconnectPacket.INSTANCE;
                }
                DisconnectPacket disconnect = new DisconnectPacket(header.reasonCode() & 0xFF,
                        NettyProperties.fromNetty(header.properties()));
                return disconnect.equals(DisconnectPacket.INSTANCE) ? DisconnectPacket.INSTANCE : disconnect;
            }
            case AUTH: {
                MqttReasonCodeAndPropertiesVariableHeader header =
                        (MqttReasonCodeAndPropertiesVariableHeader) message.variableHeader();
                return new AuthPacket(header.reasonCode() & 0xFF, NettyProperties.fromNetty(header.properties()));
            }
            default:
                throw new IllegalArgumentException("unexpected Netty message " + message);
        }
    }

    private static MqttFixedHeader fixed(MqttMessageType type, int qos) {
        return new MqttFixedHeader(type, false, MqttQoS.valueOf(qos), false, 0);
    }

    private static MqttMessage publishAck(MqttMessageType type, int qos, int packetId, int reasonCode,
            MqttProperties properties) {
        return MqttMessageFactory.newMessage(fixed(type, qos),
                new MqttPubReplyMessageVariableHeader(packetId, (byte) reasonCode, NettyProperties.toNetty(properties)),
                null);
    }

    private static MqttMessageIdAndPropertiesVariableHeader idAndProperties(int packetId, MqttProperties properties) {
        return new MqttMessageIdAndPropertiesVariableHeader(packetId, NettyProperties.toNetty(properties));
    }

    private static int messageId(MqttMessage message) {
        return ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
    }

    /** Netty decodes a 3.x (or shortest-form) ack to a header without reason code: that is success. */
    private static int reasonCode(MqttMessage message) {
        return message.variableHeader() instanceof MqttPubReplyMessageVariableHeader reply ? reply.reasonCode() & 0xFF : 0;
    }

    private static MqttProperties properties(MqttMessage message) {
        Object header = message.variableHeader();
        if (header instanceof MqttPubReplyMessageVariableHeader reply) {
            return NettyProperties.fromNetty(reply.properties());
        } else if (header instanceof MqttMessageIdAndPropertiesVariableHeader withProperties) {
            return NettyProperties.fromNetty(withProperties.properties());
        }
        return MqttProperties.EMPTY;
    }
}
