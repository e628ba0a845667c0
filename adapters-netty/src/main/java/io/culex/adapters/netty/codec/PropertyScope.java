package io.culex.adapters.netty.codec;

/**
 * Where a property list sits: one per packet type that has properties, plus the will properties
 * inside CONNECT, which allow a different set than CONNECT's own (spec table 2.2.2.2).
 */
enum PropertyScope {
    CONNECT("CONNECT"),
    WILL("the will"),
    CONNACK("CONNACK"),
    PUBLISH("PUBLISH"),
    PUBACK("PUBACK"),
    PUBREC("PUBREC"),
    PUBREL("PUBREL"),
    PUBCOMP("PUBCOMP"),
    SUBSCRIBE("SUBSCRIBE"),
    SUBACK("SUBACK"),
    UNSUBSCRIBE("UNSUBSCRIBE"),
    UNSUBACK("UNSUBACK"),
    DISCONNECT("DISCONNECT"),
    AUTH("AUTH");

    private final String description;

    PropertyScope(String description) {
        this.description = description;
    }

    /** The scope of a packet type's own properties (not the will's). */
    static PropertyScope of(PacketType type) {
        return valueOf(type.name());
    }

    @Override
    public String toString() {
        return description;
    }
}
