package io.culex.adapters.netty;

import io.culex.adapters.netty.codec.ConnackPacket;
import io.culex.adapters.netty.codec.MqttProperties;
import io.culex.adapters.netty.codec.PublishPacket;
import io.culex.application.connection.Connack;
import io.culex.domain.message.Message;
import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.UserProperty;
import io.culex.domain.session.Delivery;

/** Turns the application's outbound requests into packets (the encoder leaves out what 3.x lacks). */
public final class OutboundPackets {

    private OutboundPackets() {
    }

    static ConnackPacket connack(Connack connack) {
        Connack.Properties p = connack.properties();
        MqttProperties.Builder builder = MqttProperties.builder()
                .sessionExpiryInterval(p.sessionExpiryInterval())
                .receiveMaximum(p.receiveMaximum())
                .maximumQos(p.maximumQos())
                .retainAvailable(flag(p.retainAvailable()))
                .maximumPacketSize(p.maximumPacketSize())
                .assignedClientIdentifier(p.assignedClientIdentifier())
                .topicAliasMaximum(p.topicAliasMaximum())
                .reasonString(p.reasonString())
                .wildcardSubscriptionAvailable(flag(p.wildcardSubscriptionAvailable()))
                .subscriptionIdentifierAvailable(flag(p.subscriptionIdentifiersAvailable()))
                .sharedSubscriptionAvailable(flag(p.sharedSubscriptionAvailable()))
                .serverKeepAlive(p.serverKeepAlive())
                .serverReference(p.serverReference())
                .authenticationMethod(p.authenticationMethod())
                .authenticationData(p.authenticationData());
        for (UserProperty property : p.userProperties()) {
            builder.userProperty(property.name(), property.value());
        }
        return new ConnackPacket(connack.sessionPresent(), connack.code(), builder.build());
    }

    /**
     * @param topic the topic to send: the message's, or "" when {@code alias} stands for it
     * @param alias the Topic Alias to send, 0 for none
     */
    public static PublishPacket publish(int packetId, Delivery delivery, boolean dup, long expirySeconds, String topic,
                                 int alias) {
        Message message = delivery.message();
        MessageProperties p = message.properties();
        MqttProperties.Builder builder = MqttProperties.builder()
                .payloadFormatIndicator(p.payloadFormatIndicator())
                .contentType(p.contentType())
                .responseTopic(p.responseTopic())
                .correlationData(p.correlationData())
                .messageExpiryInterval(expirySeconds < 0 ? null : expirySeconds)
                .subscriptionIdentifiers(delivery.subscriptionIds())
                .topicAlias(alias == 0 ? null : alias);
        for (UserProperty property : p.userProperties()) {
            builder.userProperty(property.name(), property.value());
        }
        return new PublishPacket(topic, message.payload(), delivery.qos().value(), delivery.retainFlag(), dup,
                packetId, builder.build());
    }

    static MqttProperties reasonString(String reason) {
        return reason == null ? MqttProperties.EMPTY : MqttProperties.builder().reasonString(reason).build();
    }

    private static Integer flag(Boolean value) {
        return value == null ? null : value ? 1 : 0;
    }
}
