package io.culex.adapters.netty.codec;

import io.netty.handler.codec.mqtt.MqttProperties.BinaryProperty;
import io.netty.handler.codec.mqtt.MqttProperties.IntegerProperty;
import io.netty.handler.codec.mqtt.MqttProperties.MqttProperty;
import io.netty.handler.codec.mqtt.MqttProperties.StringPair;
import io.netty.handler.codec.mqtt.MqttProperties.StringProperty;
import io.netty.handler.codec.mqtt.MqttProperties.UserProperties;

/** Converts our properties to Netty's and back; Netty holds four-byte integers as signed ints. */
final class NettyProperties {

    private NettyProperties() {}

    static io.netty.handler.codec.mqtt.MqttProperties toNetty(MqttProperties properties) {
        io.netty.handler.codec.mqtt.MqttProperties netty = new io.netty.handler.codec.mqtt.MqttProperties();
        for (PropertyId id : PropertyId.values()) {
            if (id == PropertyId.SUBSCRIPTION_IDENTIFIER) {
                properties.subscriptionIdentifiers().forEach(v -> netty.add(new IntegerProperty(id.identifier(), v)));
            } else if (id == PropertyId.USER_PROPERTY) {
                properties.userProperties().forEach(
                        p -> netty.add(new io.netty.handler.codec.mqtt.MqttProperties.UserProperty(p.name(), p.value())));
            } else if (properties.value(id) != null) {
                netty.add(toNetty(id, properties.value(id)));
            }
        }
        return netty;
    }

    private static MqttProperty<?> toNetty(PropertyId id, Object value) {
        switch (id.type()) {
            case FOUR_BYTE_INTEGER:
                return new IntegerProperty(id.identifier(), (int) (long) (Long) value);
            case UTF8_STRING:
                return new StringProperty(id.identifier(), (String) value);
            case BINARY_DATA:
                return new BinaryProperty(id.identifier(), (byte[]) value);
            default:
                return new IntegerProperty(id.identifier(), (Integer) value);
        }
    }

    static MqttProperties fromNetty(io.netty.handler.codec.mqtt.MqttProperties netty) {
        MqttProperties.Builder properties = MqttProperties.builder();
        for (MqttProperty<?> property : netty.listAll()) {
            PropertyId id = PropertyId.ofIdentifier(property.propertyId());
            if (property instanceof UserProperties pairs) {
                for (StringPair pair : pairs.value()) {
                    properties.userProperty(pair.key, pair.value);
                }
            } else if (property instanceof io.netty.handler.codec.mqtt.MqttProperties.UserProperty pair) {
                properties.userProperty(pair.value().key, pair.value().value);
            } else if (id == PropertyId.SUBSCRIPTION_IDENTIFIER) {
                properties.subscriptionIdentifier((Integer) property.value());
            } else if (id.type() == PropertyType.FOUR_BYTE_INTEGER) {
                properties.set(id, Integer.toUnsignedLong((Integer) property.value()));
            } else {
                properties.set(id, property.value());
            }
        }
        return properties.build();
    }
}
