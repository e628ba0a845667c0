package io.culex.adapters.netty.codec;

import java.util.Objects;

/** An MQTT 5 User Property: a name/value string pair. Names may repeat within one packet. */
public record UserProperty(String name, String value) {

    public UserProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
