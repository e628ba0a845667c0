package io.culex.adapters.netty.codec;

import java.util.EnumSet;

/**
 * Parses an MQTT 5 property list (spec 2.2.2): a Variable Byte Integer length, then identifier and
 * value pairs filling exactly that length.
 *
 * <p>Error codes follow the spec's wording: an unknown identifier, one not allowed where it
 * appears, or a length overrunning the packet or the list is a Malformed Packet (0x81); a
 * property given twice where it may not repeat, or a value outside its allowed range, is a
 * Protocol Error (0x82).
 */
final class PropertiesParser {

    private PropertiesParser() {}

    static MqttProperties parse(BodyReader body, PropertyScope scope) {
        String where = scope == PropertyScope.WILL ? "will property" : "property";
        int length = body.readVariableByteInteger(where + " length");
        if (length == 0) {
            return MqttProperties.EMPTY;
        }
        if (length > body.remaining()) {
            throw body.malformed(where + " length " + length + " overruns the packet");
        }
        int end = body.position() + length;
        MqttProperties.Builder properties = MqttProperties.builder();
        EnumSet<PropertyId> seen = EnumSet.noneOf(PropertyId.class);
        while (body.position() < end) {
            int identifier = body.readVariableByteInteger(where + " identifier");
            PropertyId id = PropertyId.ofIdentifier(identifier);
            if (id == null) {
                throw body.malformed("unknown " + where + " identifier 0x" + Integer.toHexString(identifier));
            }
            if (!id.isAllowedIn(scope)) {
                throw body.malformed("property " + id + " not allowed on " + scope);
            }
            if (!seen.add(id) && !id.mayRepeatIn(scope)) {
                throw body.protocolError("property " + id + " given more than once on " + scope);
            }
            readValue(body, id, properties);
            if (body.position() > end) {
                throw body.malformed("property " + id + " overruns the " + where + " length");
            }
        }
        return properties.build();
    }

    private static void readValue(BodyReader body, PropertyId id, MqttProperties.Builder properties) {
        String field = id.toString();
        PropertyType type = id.type();
        if (type.isInteger()) {
            long value = readInteger(body, type, field);
            if (!id.accepts(value)) {
                throw body.protocolError("property " + id + " must be in " + id.range() + " but was " + value);
            }
            Object typed = boxed(type, value);
            if (id.isList()) {
                properties.add(id, typed);
            } else {
                properties.set(id, typed);
            }
        } else if (type == PropertyType.UTF8_STRING) {
            properties.set(id, body.readString(field));
        } else if (type == PropertyType.BINARY_DATA) {
            properties.set(id, body.readBinary(field));
        } else {
            String name = body.readString(field + " name");
            properties.add(id, new UserProperty(name, body.readString(field + " value")));
        }
    }

    /** Not a conditional expression: that would unbox both branches to {@code long}. */
    private static Object boxed(PropertyType type, long value) {
        if (type == PropertyType.FOUR_BYTE_INTEGER) {
            return value;
        }
        return (int) value;
    }

    private static long readInteger(BodyReader body, PropertyType type, String field) {
        switch (type) {
            case BYTE:
                return body.readUnsignedByte(field);
            case TWO_BYTE_INTEGER:
                return body.readUnsignedShort(field);
            case FOUR_BYTE_INTEGER:
                return body.readUnsignedInt(field);
            case VARIABLE_BYTE_INTEGER:
                return body.readVariableByteInteger(field);
            default:
                throw new IllegalStateException(type + " is not an integer type");
        }
    }
}
