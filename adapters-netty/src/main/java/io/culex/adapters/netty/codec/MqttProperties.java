package io.culex.adapters.netty.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The properties of an MQTT 5 packet or will (spec 2.2.2), immutable and compared by value.
 *
 * <p>Each getter returns {@code null} when its property is absent, except the two properties that
 * may appear several times, {@link #subscriptionIdentifiers()} and {@link #userProperties()},
 * which return an empty list then. Binary values are copied in and out. Integer properties are
 * {@code Integer}s, four-byte ones {@code Long}s (they reach 2<sup>32</sup> - 1); the builder
 * refuses values outside what the spec allows for the property (receive maximum 0, a maximum QoS
 * of 2, ...) with {@link IllegalArgumentException}.
 *
 * <p>Which properties a packet type may carry is checked by the codec, not here: the same object
 * can be built once and used on several packets.
 */
public final class MqttProperties {

    public static final MqttProperties EMPTY = new Builder().build();

    /** By {@link PropertyId} ordinal: {@code Integer}, {@code Long}, {@code String} or {@code byte[]}; null when absent. */
    private final Object[] values;
    private final List<Integer> subscriptionIdentifiers;
    private final List<UserProperty> userProperties;
    private final boolean empty;

    private MqttProperties(Builder builder) {
        this.values = builder.values.clone();
        this.subscriptionIdentifiers = List.copyOf(builder.subscriptionIdentifiers);
        this.userProperties = List.copyOf(builder.userProperties);
        this.empty = Arrays.stream(values).allMatch(Objects::isNull)
                && subscriptionIdentifiers.isEmpty() && userProperties.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these properties, to derive a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        System.arraycopy(values, 0, builder.values, 0, values.length);
        builder.subscriptionIdentifiers.addAll(subscriptionIdentifiers);
        builder.userProperties.addAll(userProperties);
        return builder;
    }

    public boolean isEmpty() {
        return empty;
    }

    /**
     * These properties without Reason String and User Properties: the two a sender may drop to fit
     * a packet into the receiver's Maximum Packet Size (spec 3.1.2.11.4).
     */
    public MqttProperties withoutReasonStringAndUserProperties() {
        if (values[PropertyId.REASON_STRING.ordinal()] == null && userProperties.isEmpty()) {
            return this;
        }
        Builder builder = toBuilder().reasonString(null);
        builder.userProperties.clear();
        return builder.build();
    }

    public Integer payloadFormatIndicator() {
        return (Integer) value(PropertyId.PAYLOAD_FORMAT_INDICATOR);
    }

    public Long messageExpiryInterval() {
        return (Long) value(PropertyId.MESSAGE_EXPIRY_INTERVAL);
    }

    public String contentType() {
        return (String) value(PropertyId.CONTENT_TYPE);
    }

    public String responseTopic() {
        return (String) value(PropertyId.RESPONSE_TOPIC);
    }

    public byte[] correlationData() {
        return copy((byte[]) value(PropertyId.CORRELATION_DATA));
    }

    /** In order; several only on a PUBLISH from the server, one for each matching subscription. */
    public List<Integer> subscriptionIdentifiers() {
        return subscriptionIdentifiers;
    }

    public Long sessionExpiryInterval() {
        return (Long) value(PropertyId.SESSION_EXPIRY_INTERVAL);
    }

    public String assignedClientIdentifier() {
        return (String) value(PropertyId.ASSIGNED_CLIENT_IDENTIFIER);
    }

    public Integer serverKeepAlive() {
        return (Integer) value(PropertyId.SERVER_KEEP_ALIVE);
    }

    public String authenticationMethod() {
        return (String) value(PropertyId.AUTHENTICATION_METHOD);
    }

    public byte[] authenticationData() {
        return copy((byte[]) value(PropertyId.AUTHENTICATION_DATA));
    }

    public Integer requestProblemInformation() {
        return (Integer) value(PropertyId.REQUEST_PROBLEM_INFORMATION);
    }

    public Long willDelayInterval() {
        return (Long) value(PropertyId.WILL_DELAY_INTERVAL);
    }

    public Integer requestResponseInformation() {
        return (Integer) value(PropertyId.REQUEST_RESPONSE_INFORMATION);
    }

    public String responseInformation() {
        return (String) value(PropertyId.RESPONSE_INFORMATION);
    }

    public String serverReference() {
        return (String) value(PropertyId.SERVER_REFERENCE);
    }

    public String reasonString() {
        return (String) value(PropertyId.REASON_STRING);
    }

    public Integer receiveMaximum() {
        return (Integer) value(PropertyId.RECEIVE_MAXIMUM);
    }

    public Integer topicAliasMaximum() {
        return (Integer) value(PropertyId.TOPIC_ALIAS_MAXIMUM);
    }

    public Integer topicAlias() {
        return (Integer) value(PropertyId.TOPIC_ALIAS);
    }

    public Integer maximumQos() {
        return (Integer) value(PropertyId.MAXIMUM_QOS);
    }

    public Integer retainAvailable() {
        return (Integer) value(PropertyId.RETAIN_AVAILABLE);
    }

    /** In the order they were given; names may repeat. */
    public List<UserProperty> userProperties() {
        return userProperties;
    }

    public Long maximumPacketSize() {
        return (Long) value(PropertyId.MAXIMUM_PACKET_SIZE);
    }

    public Integer wildcardSubscriptionAvailable() {
        return (Integer) value(PropertyId.WILDCARD_SUBSCRIPTION_AVAILABLE);
    }

    public Integer subscriptionIdentifierAvailable() {
        return (Integer) value(PropertyId.SUBSCRIPTION_IDENTIFIER_AVAILABLE);
    }

    public Integer sharedSubscriptionAvailable() {
        return (Integer) value(PropertyId.SHARED_SUBSCRIPTION_AVAILABLE);
    }

    /** The stored value of a single-valued property, binary data uncopied: the codec's view. */
    Object value(PropertyId id) {
        return values[id.ordinal()];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MqttProperties that
                && Arrays.deepEquals(values, that.values)
                && subscriptionIdentifiers.equals(that.subscriptionIdentifiers)
                && userProperties.equals(that.userProperties);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.deepHashCode(values) + subscriptionIdentifiers.hashCode()) + userProperties.hashCode();
    }

    /** Binary values print as their length: authentication data may be a secret. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("MqttProperties[");
        String separator = "";
        for (PropertyId id : PropertyId.values()) {
            Object value = id == PropertyId.SUBSCRIPTION_IDENTIFIER ? listOrNull(subscriptionIdentifiers)
                    : id == PropertyId.USER_PROPERTY ? listOrNull(userProperties)
                    : value(id);
            if (value != null) {
                text.append(separator).append(javaName(id)).append('=')
                        .append(value instanceof byte[] bytes ? bytes.length + " bytes" : value);
                separator = ", ";
            }
        }
        return text.append(']').toString();
    }

    private static Object listOrNull(List<?> list) {
        return list.isEmpty() ? null : list;
    }

    /** SESSION_EXPIRY_INTERVAL → sessionExpiryInterval, as the getters are named. */
    private static String javaName(PropertyId id) {
        if (id == PropertyId.SUBSCRIPTION_IDENTIFIER) {
            return "subscriptionIdentifiers";
        } else if (id == PropertyId.USER_PROPERTY) {
            return "userProperties";
        }
        StringBuilder name = new StringBuilder();
        for (String word : id.name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    private static byte[] copy(byte[] bytes) {
        return bytes == null ? null : bytes.clone();
    }

    /** Collects properties; each setter given {@code null} removes its property. Not thread-safe. */
    public static final class Builder {

        private final Object[] values = new Object[PropertyId.values().length];
        private final List<Integer> subscriptionIdentifiers = new ArrayList<>();
        private final List<UserProperty> userProperties = new ArrayList<>();

        private Builder() {}

        public Builder payloadFormatIndicator(Integer value) {
            return set(PropertyId.PAYLOAD_FORMAT_INDICATOR, value);
        }

        public Builder messageExpiryInterval(Long value) {
            return set(PropertyId.MESSAGE_EXPIRY_INTERVAL, value);
        }

        public Builder contentType(String value) {
            return set(PropertyId.CONTENT_TYPE, value);
        }

        public Builder responseTopic(String value) {
            return set(PropertyId.RESPONSE_TOPIC, value);
        }

        public Builder correlationData(byte[] value) {
            return set(PropertyId.CORRELATION_DATA, copy(value));
        }

        /** Adds one, after those already added. */
        public Builder subscriptionIdentifier(int value) {
            return add(PropertyId.SUBSCRIPTION_IDENTIFIER, value);
        }

        /** Replaces all; {@code null} or empty removes them. */
        public Builder subscriptionIdentifiers(List<Integer> values) {
            subscriptionIdentifiers.clear();
            if (values != null) {
                values.forEach(this::subscriptionIdentifier);
            }
            return this;
        }

        public Builder sessionExpiryInterval(Long value) {
            return set(PropertyId.SESSION_EXPIRY_INTERVAL, value);
        }

        public Builder assignedClientIdentifier(String value) {
            return set(PropertyId.ASSIGNED_CLIENT_IDENTIFIER, value);
        }

        public Builder serverKeepAlive(Integer value) {
            return set(PropertyId.SERVER_KEEP_ALIVE, value);
        }

        public Builder authenticationMethod(String value) {
            return set(PropertyId.AUTHENTICATION_METHOD, value);
        }

        public Builder authenticationData(byte[] value) {
            return set(PropertyId.AUTHENTICATION_DATA, copy(value));
        }

        public Builder requestProblemInformation(Integer value) {
            return set(PropertyId.REQUEST_PROBLEM_INFORMATION, value);
        }

        public Builder willDelayInterval(Long value) {
            return set(PropertyId.WILL_DELAY_INTERVAL, value);
        }

        public Builder requestResponseInformation(Integer value) {
            return set(PropertyId.REQUEST_RESPONSE_INFORMATION, value);
        }

        public Builder responseInformation(String value) {
            return set(PropertyId.RESPONSE_INFORMATION, value);
        }

        public Builder serverReference(String value) {
            return set(PropertyId.SERVER_REFERENCE, value);
        }

        public Builder reasonString(String value) {
            return set(PropertyId.REASON_STRING, value);
        }

        public Builder receiveMaximum(Integer value) {
            return set(PropertyId.RECEIVE_MAXIMUM, value);
        }

        public Builder topicAliasMaximum(Integer value) {
            return set(PropertyId.TOPIC_ALIAS_MAXIMUM, value);
        }

        public Builder topicAlias(Integer value) {
            return set(PropertyId.TOPIC_ALIAS, value);
        }

        public Builder maximumQos(Integer value) {
            return set(PropertyId.MAXIMUM_QOS, value);
        }

        public Builder retainAvailable(Integer value) {
            return set(PropertyId.RETAIN_AVAILABLE, value);
        }

        /** Adds one, after those already added. */
        public Builder userProperty(String name, String value) {
            return add(PropertyId.USER_PROPERTY, new UserProperty(name, value));
        }

        /** Replaces all; {@code null} or empty removes them. */
        public Builder userProperties(List<UserProperty> values) {
            userProperties.clear();
            if (values != null) {
                values.forEach(p -> add(PropertyId.USER_PROPERTY, Objects.requireNonNull(p, "user property")));
            }
            return this;
        }

        public Builder maximumPacketSize(Long value) {
            return set(PropertyId.MAXIMUM_PACKET_SIZE, value);
        }

        public Builder wildcardSubscriptionAvailable(Integer value) {
            return set(PropertyId.WILDCARD_SUBSCRIPTION_AVAILABLE, value);
        }

        public Builder subscriptionIdentifierAvailable(Integer value) {
            return set(PropertyId.SUBSCRIPTION_IDENTIFIER_AVAILABLE, value);
        }

        public Builder sharedSubscriptionAvailable(Integer value) {
            return set(PropertyId.SHARED_SUBSCRIPTION_AVAILABLE, value);
        }

        public MqttProperties build() {
            return new MqttProperties(this);
        }

        /** Sets a single-valued property; the value must be of the property's Java type. */
        Builder set(PropertyId id, Object value) {
            if (id.isList()) {
                throw new IllegalArgumentException(id + " is a list: add its values one by one");
            }
            values[id.ordinal()] = value == null ? null : checked(id, value);
            return this;
        }

        /** Appends a value of a property that may repeat (Subscription Identifier, User Property). */
        Builder add(PropertyId id, Object value) {
            if (id == PropertyId.SUBSCRIPTION_IDENTIFIER) {
                subscriptionIdentifiers.add((Integer) checked(id, value));
            } else if (id == PropertyId.USER_PROPERTY) {
                userProperties.add((UserProperty) checked(id, value));
            } else {
                throw new IllegalArgumentException(id + " may appear only once");
            }
            return this;
        }

        private static Object checked(PropertyId id, Object value) {
            if (!id.type().javaType().isInstance(value)) {
                throw new IllegalArgumentException(id + " must be a " + id.type().javaType().getSimpleName()
                        + " but was " + value.getClass().getSimpleName());
            }
            if (id.type().isInteger() && !id.accepts(((Number) value).longValue())) {
                throw new IllegalArgumentException(id + " must be in " + id.range() + " but was " + value);
            }
            return value;
        }
    }
}
