package io.culex.bootstrap.tools.bench;

import java.util.Objects;

/**
 * One reported figure: {@code key} names it in JSON, {@code label} and {@code unit} in the table.
 * {@code value} is a {@link Long}, a {@link Double} (NaN when it cannot be measured), a {@link Boolean}
 * or a {@link String}.
 */
record Metric(String key, String label, Object value, String unit) {

    Metric {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        if (!(value instanceof Long || value instanceof Double || value instanceof Boolean || value instanceof String)) {
            throw new IllegalArgumentException(key + ": unsupported value " + value);
        }
    }

    static Metric count(String key, String label, long value) {
        return new Metric(key, label, value, "");
    }

    static Metric measure(String key, String label, double value, String unit) {
        return new Metric(key, label, value, unit);
    }

    static Metric text(String key, String label, String value) {
        return new Metric(key, label, value, "");
    }
}
