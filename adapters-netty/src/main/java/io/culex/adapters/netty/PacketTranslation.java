package io.culex.adapters.netty;

import io.culex.adapters.netty.codec.ConnectPacket;
import io.culex.adapters.netty.codec.MqttProperties;
import io.culex.adapters.netty.codec.PublishPacket;
import io.culex.adapters.netty.codec.SubscribePacket;
import io.culex.adapters.netty.codec.WillPacketPart;
import io.culex.application.connection.ConnectProperties;
import io.culex.application.connection.ConnectRequest;
import io.culex.application.connection.PublishRequest;
import io.culex.application.connection.SubscriptionRequest;
import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.message.UserProperty;
import io.culex.domain.topic.Subscription.RetainHandling;
import io.culex.domain.will.Will;
import java.util.List;

/** Turns decoded packets into the application's request types. */
public final class PacketTranslation {

    private static final int MQTT_5 = 5;

    private PacketTranslation() {
    }

    static ConnectRequest toConnectRequest(ConnectPacket connect) {
        return toConnectRequest(connect, connect.username(), connect.password(), false);
    }

    /**
     * With the username taken from the client's certificate (use_identity_as_username,
     * use_subject_as_username): the packet's username and password are dropped, as Mosquitto does.
     */
    static ConnectRequest toConnectRequest(ConnectPacket connect, String certificateUsername) {
        return toConnectRequest(connect, certificateUsername, null, true);
    }

    private static ConnectRequest toConnectRequest(ConnectPacket connect, String username, byte[] password,
                                                   boolean usernameFromCertificate) {
        return new ConnectRequest(connect.protocolLevel(), connect.clientId(), connect.cleanSession(),
                connect.keepAliveSeconds(), username, password, toWill(connect.will()), usernameFromCertificate,
                connect.protocolLevel() == MQTT_5 ? toConnectProperties(connect.properties()) : ConnectProperties.NONE,
                connect.bridge());
    }

    private static ConnectProperties toConnectProperties(MqttProperties properties) {
        return new ConnectProperties(
                valueOr(properties.sessionExpiryInterval(), 0L),
                valueOr(properties.receiveMaximum(), 65_535),
                valueOr(properties.maximumPacketSize(), ConnectProperties.NO_LIMIT),
                valueOr(properties.topicAliasMaximum(), 0),
                valueOr(properties.requestProblemInformation(), 1) == 1,
                valueOr(properties.requestResponseInformation(), 0) == 1,
                properties.authenticationMethod(),
                properties.authenticationData(),
                toUserProperties(properties));
    }

    private static Will toWill(WillPacketPart will) {
        if (will == null) {
            return null;
        }
        MqttProperties properties = will.properties();
        return new Will(will.topic(), will.payload(), QoS.of(will.qos()), will.retain(), toMessageProperties(properties),
                valueOr(properties.willDelayInterval(), 0L), valueOr(properties.messageExpiryInterval(), -1L));
    }

    public static PublishRequest toPublishRequest(PublishPacket publish) {
        MqttProperties properties = publish.properties();
        return new PublishRequest(publish.topic(), publish.payload(), QoS.of(publish.qos()), publish.retain(),
                publish.dup(), publish.packetId(), toMessageProperties(properties),
                valueOr(properties.messageExpiryInterval(), -1L),
                valueOr(properties.topicAlias(), PublishRequest.NO_ALIAS));
    }

    static List<SubscriptionRequest> toSubscriptionRequests(SubscribePacket subscribe) {
        return subscribe.subscriptions().stream()
                .map(s -> new SubscriptionRequest(s.filter(), QoS.of(s.qos()), s.noLocal(), s.retainAsPublished(),
                        RetainHandling.of(s.retainHandling())))
                .toList();
    }

    /** The SUBSCRIBE's Subscription Identifier, 0 if it has none. */
    static int subscriptionId(SubscribePacket subscribe) {
        List<Integer> ids = subscribe.properties().subscriptionIdentifiers();
        return ids.isEmpty() ? 0 : ids.get(0);
    }

    /** The Session Expiry Interval a DISCONNECT sets, or -1 if it sets none. */
    static long sessionExpiry(MqttProperties disconnectProperties) {
        return valueOr(disconnectProperties.sessionExpiryInterval(), -1L);
    }

    private static MessageProperties toMessageProperties(MqttProperties properties) {
        if (properties.isEmpty()) {
            return MessageProperties.NONE;
        }
        return new MessageProperties(properties.payloadFormatIndicator(), properties.contentType(),
                properties.responseTopic(), properties.correlationData(), toUserProperties(properties));
    }

    private static List<UserProperty> toUserProperties(MqttProperties properties) {
        return properties.userProperties().stream().map(p -> new UserProperty(p.name(), p.value())).toList();
    }

    private static <T> T valueOr(T value, T absent) {
        return value != null ? value : absent;
    }
}
