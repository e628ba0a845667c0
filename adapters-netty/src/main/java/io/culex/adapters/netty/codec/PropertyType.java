package io.culex.adapters.netty.codec;

/** The data types of MQTT 5 property values (spec 1.5 and table 2.2.2.2), with the range each can carry. */
enum PropertyType {
    BYTE(0xFF),
    TWO_BYTE_INTEGER(0xFFFF),
    FOUR_BYTE_INTEGER(0xFFFF_FFFFL),
    VARIABLE_BYTE_INTEGER(RemainingLength.MAX_VALUE),
    UTF8_STRING(-1),
    BINARY_DATA(-1),
    UTF8_STRING_PAIR(-1);

    private final long maxValue;

    PropertyType(long maxValue) {
        this.maxValue = maxValue;
    }

    boolean isInteger() {
        return maxValue >= 0;
    }

    /** The largest value the wire format holds; only for {@link #isInteger()} types. */
    long maxValue() {
        return maxValue;
    }

    /** Four-byte integers exceed {@code int}, so they are {@code Long}s; the other integers are {@code Integer}s. */
    Class<?> javaType() {
        switch (this) {
            case FOUR_BYTE_INTEGER:
                return Long.class;
            case UTF8_STRING:
                return String.class;
            case BINARY_DATA:
                return byte[].class;
            case UTF8_STRING_PAIR:
                return UserProperty.class;
            default:
                return Integer.class;
        }
    }
}
