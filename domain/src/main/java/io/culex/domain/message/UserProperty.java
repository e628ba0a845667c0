package io.culex.domain.message;

import java.util.Objects;

/** An MQTT 5 user property: a name/value pair the broker forwards unchanged and in order. */
public record UserProperty(String name, String value) {

    public UserProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
