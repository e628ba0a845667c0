package io.culex.adapters.netty.codec;

import static io.culex.adapters.netty.codec.PropertyScope.AUTH;
import static io.culex.adapters.netty.codec.PropertyScope.CONNACK;
import static io.culex.adapters.netty.codec.PropertyScope.CONNECT;
import static io.culex.adapters.netty.codec.PropertyScope.DISCONNECT;
import static io.culex.adapters.netty.codec.PropertyScope.PUBACK;
import static io.culex.adapters.netty.codec.PropertyScope.PUBCOMP;
import static io.culex.adapters.netty.codec.PropertyScope.PUBLISH;
import static io.culex.adapters.netty.codec.PropertyScope.PUBREC;
import static io.culex.adapters.netty.codec.PropertyScope.PUBREL;
import static io.culex.adapters.netty.codec.PropertyScope.SUBACK;
import static io.culex.adapters.netty.codec.PropertyScope.SUBSCRIBE;
import static io.culex.adapters.netty.codec.PropertyScope.UNSUBACK;
import static io.culex.adapters.netty.codec.PropertyScope.WILL;

import java.util.EnumSet;
import java.util.Set;

/**
 * The MQTT 5 properties (spec table 2.2.2.2): identifier, data type, the packets that may carry
 * each one and, where the spec narrows the data type's range, the values it allows (a value
 * outside is a Protocol Error). Declared in identifier order, which is also the order the encoder
 * writes them in.
 */
enum PropertyId {
    PAYLOAD_FORMAT_INDICATOR(0x01, "Payload Format Indicator", PropertyType.BYTE, 0, 1, PUBLISH, WILL),
    MESSAGE_EXPIRY_INTERVAL(0x02, "Message Expiry Interval", PropertyType.FOUR_BYTE_INTEGER, PUBLISH, WILL),
    CONTENT_TYPE(0x03, "Content Type", PropertyType.UTF8_STRING, PUBLISH, WILL),
    RESPONSE_TOPIC(0x08, "Response Topic", PropertyType.UTF8_STRING, PUBLISH, WILL),
    CORRELATION_DATA(0x09, "Correlation Data", PropertyType.BINARY_DATA, PUBLISH, WILL),
    SUBSCRIPTION_IDENTIFIER(0x0B, "Subscription Identifier", PropertyType.VARIABLE_BYTE_INTEGER,
            1, RemainingLength.MAX_VALUE, PUBLISH, SUBSCRIBE),
    SESSION_EXPIRY_INTERVAL(0x11, "Session Expiry Interval", PropertyType.FOUR_BYTE_INTEGER,
            CONNECT, CONNACK, DISCONNECT),
    ASSIGNED_CLIENT_IDENTIFIER(0x12, "Assigned Client Identifier", PropertyType.UTF8_STRING, CONNACK),
    SERVER_KEEP_ALIVE(0x13, "Server Keep Alive", PropertyType.TWO_BYTE_INTEGER, CONNACK),
    AUTHENTICATION_METHOD(0x15, "Authentication Method", PropertyType.UTF8_STRING, CONNECT, CONNACK, AUTH),
    AUTHENTICATION_DATA(0x16, "Authentication Data", PropertyType.BINARY_DATA, CONNECT, CONNACK, AUTH),
    REQUEST_PROBLEM_INFORMATION(0x17, "Request Problem Information", PropertyType.BYTE, 0, 1, CONNECT),
    WILL_DELAY_INTERVAL(0x18, "Will Delay Interval", PropertyType.FOUR_BYTE_INTEGER, WILL),
    REQUEST_RESPONSE_INFORMATION(0x19, "Request Response Information", PropertyType.BYTE, 0, 1, CONNECT),
    RESPONSE_INFORMATION(0x1A, "Response Information", PropertyType.UTF8_STRING, CONNACK),
    SERVER_REFERENCE(0x1C, "Server Reference", PropertyType.UTF8_STRING, CONNACK, DISCONNECT),
    REASON_STRING(0x1F, "Reason String", PropertyType.UTF8_STRING,
            CONNACK, PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK, UNSUBACK, DISCONNECT, AUTH),
    RECEIVE_MAXIMUM(0x21, "Receive Maximum", PropertyType.TWO_BYTE_INTEGER, 1, 0xFFFF, CONNECT, CONNACK),
    TOPIC_ALIAS_MAXIMUM(0x22, "Topic Alias Maximum", PropertyType.TWO_BYTE_INTEGER, CONNECT, CONNACK),
    /** 0 is decoded: refusing it (DISCONNECT 0x94) is the broker's job, which tracks aliases anyway. */
    TOPIC_ALIAS(0x23, "Topic Alias", PropertyType.TWO_BYTE_INTEGER, PUBLISH),
    MAXIMUM_QOS(0x24, "Maximum QoS", PropertyType.BYTE, 0, 1, CONNACK),
    RETAIN_AVAILABLE(0x25, "Retain Available", PropertyType.BYTE, 0, 1, CONNACK),
    USER_PROPERTY(0x26, "User Property", PropertyType.UTF8_STRING_PAIR, EnumSet.allOf(PropertyScope.class)),
    MAXIMUM_PACKET_SIZE(0x27, "Maximum Packet Size", PropertyType.FOUR_BYTE_INTEGER,
            1, 0xFFFF_FFFFL, CONNECT, CONNACK),
    WILDCARD_SUBSCRIPTION_AVAILABLE(0x28, "Wildcard Subscription Available", PropertyType.BYTE, 0, 1, CONNACK),
    SUBSCRIPTION_IDENTIFIER_AVAILABLE(0x29, "Subscription Identifier Available", PropertyType.BYTE, 0, 1, CONNACK),
    SHARED_SUBSCRIPTION_AVAILABLE(0x2A, "Shared Subscription Available", PropertyType.BYTE, 0, 1, CONNACK);

    private static final PropertyId[] BY_IDENTIFIER = new PropertyId[SHARED_SUBSCRIPTION_AVAILABLE.identifier + 1];

    static {
        for (PropertyId id : values()) {
            BY_IDENTIFIER[id.identifier] = id;
        }
    }

    private final int identifier;
    private final String displayName;
    private final PropertyType type;
    private final long minValue;
    private final long maxValue;
    private final Set<PropertyScope> scopes;

    PropertyId(int identifier, String displayName, PropertyType type, PropertyScope... scopes) {
        this(identifier, displayName, type, 0, type.maxValue(), scopes);
    }

    PropertyId(int identifier, String displayName, PropertyType type, long minValue, long maxValue,
            PropertyScope... scopes) {
        this(identifier, displayName, type, minValue, maxValue, EnumSet.of(scopes[0], scopes));
    }

    PropertyId(int identifier, String displayName, PropertyType type, Set<PropertyScope> scopes) {
        this(identifier, displayName, type, 0, type.maxValue(), scopes);
    }

    PropertyId(int identifier, String displayName, PropertyType type, long minValue, long maxValue,
            Set<PropertyScope> scopes) {
        this.identifier = identifier;
        this.displayName = displayName;
        this.type = type;
        this.minValue = minValue;
        this.maxValue = maxValue;
        this.scopes = scopes;
    }

    /** The property with this identifier, or {@code null} if the spec defines none. */
    static PropertyId ofIdentifier(int identifier) {
        return identifier >= 0 && identifier < BY_IDENTIFIER.length ? BY_IDENTIFIER[identifier] : null;
    }

    int identifier() {
        return identifier;
    }

    PropertyType type() {
        return type;
    }

    boolean isAllowedIn(PropertyScope scope) {
        return scopes.contains(scope);
    }

    /** The two properties a packet may carry several of, held as lists in {@link MqttProperties}. */
    boolean isList() {
        return this == USER_PROPERTY || this == SUBSCRIPTION_IDENTIFIER;
    }

    /**
     * User Property may always repeat; Subscription Identifier only on PUBLISH, where the server
     * lists every matching subscription's. Any other property given twice is a Protocol Error.
     */
    boolean mayRepeatIn(PropertyScope scope) {
        return this == USER_PROPERTY || this == SUBSCRIPTION_IDENTIFIER && scope == PUBLISH;
    }

    /** Whether an integer value is one the spec allows for this property. */
    boolean accepts(long value) {
        return value >= minValue && value <= maxValue;
    }

    String range() {
        return "[" + minValue + ", " + maxValue + "]";
    }

    @Override
    public String toString() {
        return displayName + " (0x" + String.format("%02X", identifier) + ")";
    }
}
