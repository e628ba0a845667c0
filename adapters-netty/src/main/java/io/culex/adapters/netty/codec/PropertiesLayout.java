package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.EncoderException;
import java.util.ArrayList;
import java.util.List;

/**
 * An MQTT 5 property list measured for the wire, then written: the encoder's side of
 * {@link PropertiesParser}. Measuring validates, so a property the packet may not carry fails the
 * write before a buffer is allocated. Properties go out in identifier order.
 */
final class PropertiesLayout {

    /** An empty list: the one-byte length 0. */
    private static final PropertiesLayout NONE = new PropertiesLayout(List.of(), 0);

    private final List<Field> fields;
    private final int length;

    private PropertiesLayout(List<Field> fields, int length) {
        this.fields = fields;
        this.length = length;
    }

    /** @throws EncoderException if {@code scope} may not carry one of the properties, or a string is too long */
    static PropertiesLayout of(MqttProperties properties, PropertyScope scope) {
        if (properties.isEmpty()) {
            return NONE;
        }
        List<Field> fields = new ArrayList<>();
        for (PropertyId id : PropertyId.values()) {
            List<?> values = id == PropertyId.SUBSCRIPTION_IDENTIFIER ? properties.subscriptionIdentifiers()
                    : id == PropertyId.USER_PROPERTY ? properties.userProperties()
                    : properties.value(id) == null ? List.of() : List.of(properties.value(id));
            if (values.isEmpty()) {
                continue;
            }
            if (!id.isAllowedIn(scope)) {
                throw new EncoderException(scope + ": property " + id + " not allowed on " + scope);
            }
            if (values.size() > 1 && !id.mayRepeatIn(scope)) {
                throw new EncoderException(scope + ": property " + id + " may appear only once");
            }
            for (Object value : values) {
                fields.add(Field.of(id, value));
            }
        }
        long length = fields.stream().mapToLong(Field::size).sum();
        if (length > RemainingLength.MAX_VALUE) {
            throw new EncoderException(scope + ": properties take " + length + " bytes, more than a packet holds");
        }
        return new PropertiesLayout(fields, (int) length);
    }

    /** Bytes on the wire, the length prefix included. */
    int size() {
        return RemainingLength.size(length) + length;
    }

    void writeTo(ByteBuf out) {
        RemainingLength.write(out, length);
        for (Field field : fields) {
            field.writeTo(out);
        }
    }

    /**
     * One property with its size on the wire (identifier included) and its strings' UTF-8 lengths,
     * worked out once for sizing and reused for writing.
     */
    private record Field(PropertyId id, Object value, int size, int firstLength, int secondLength) {

        static Field of(PropertyId id, Object value) {
            String field = id.toString();
            int identifierSize = RemainingLength.size(id.identifier());
            switch (id.type()) {
                case BYTE:
                    return new Field(id, value, identifierSize + 1, 0, 0);
                case TWO_BYTE_INTEGER:
                    return new Field(id, value, identifierSize + 2, 0, 0);
                case FOUR_BYTE_INTEGER:
                    return new Field(id, value, identifierSize + 4, 0, 0);
                case VARIABLE_BYTE_INTEGER:
                    return new Field(id, value, identifierSize + RemainingLength.size((Integer) value), 0, 0);
                case UTF8_STRING:
                    int length = WireFields.utf8Length((String) value, field);
                    return new Field(id, value, identifierSize + WireFields.stringSize(length), length, 0);
                case BINARY_DATA:
                    return new Field(id, value, identifierSize + WireFields.binarySize((byte[]) value, field), 0, 0);
                case UTF8_STRING_PAIR:
                    UserProperty pair = (UserProperty) value;
                    int nameLength = WireFields.utf8Length(pair.name(), field + " name");
                    int valueLength = WireFields.utf8Length(pair.value(), field + " value");
                    return new Field(id, value,
                            identifierSize + WireFields.stringSize(nameLength) + WireFields.stringSize(valueLength),
                            nameLength, valueLength);
                default:
                    throw new IllegalStateException("unhandled property type " + id.type());
            }
        }

        void writeTo(ByteBuf out) {
            RemainingLength.write(out, id.identifier());
            switch (id.type()) {
                case BYTE:
                    out.writeByte((Integer) value);
                    break;
                case TWO_BYTE_INTEGER:
                    out.writeShort((Integer) value);
                    break;
                case FOUR_BYTE_INTEGER:
                    out.writeInt((int) (long) (Long) value);
                    break;
                case VARIABLE_BYTE_INTEGER:
                    RemainingLength.write(out, (Integer) value);
                    break;
                case UTF8_STRING:
                    WireFields.writeString(out, (String) value, firstLength);
                    break;
                case BINARY_DATA:
                    WireFields.writeBinary(out, (byte[]) value);
                    break;
                case UTF8_STRING_PAIR:
                    UserProperty pair = (UserProperty) value;
                    WireFields.writeString(out, pair.name(), firstLength);
                    WireFields.writeString(out, pair.value(), secondLength);
                    break;
                default:
                    throw new IllegalStateException("unhandled property type " + id.type());
            }
        }
    }
}
