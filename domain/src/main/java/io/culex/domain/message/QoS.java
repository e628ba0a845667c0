package io.culex.domain.message;

/** MQTT quality-of-service level; the ordinal is the wire value. */
public enum QoS {
    AT_MOST_ONCE,
    AT_LEAST_ONCE,
    EXACTLY_ONCE;

    private static final QoS[] BY_VALUE = values();

    public int value() {
        return ordinal();
    }

    public static QoS of(int value) {
        if (value < 0 || value > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, got " + value);
        }
        return BY_VALUE[value];
    }

    public QoS min(QoS other) {
        return ordinal() <= other.ordinal() ? this : other;
    }

    public QoS max(QoS other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
