package io.culex.application.sys;

import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where $SYS values go: retained QoS 0 messages through the broker's router. Remembers what it
 * published last so a value that did not change is not sent again, as Mosquitto does.
 * Not thread-safe: owned by one {@link SysTopicsPublisher}.
 */
final class SysValues {

    private final Consumer<Message> broker;
    private final Map<String, String> lastPublished = new HashMap<>();

    SysValues(Consumer<Message> broker) {
        this.broker = broker;
    }

    void publish(String topic, String value) {
        lastPublished.put(topic, value);
        broker.accept(new Message(topic, value.getBytes(StandardCharsets.UTF_8), QoS.AT_MOST_ONCE, true));
    }

    void publishIfChanged(String topic, String value) {
        if (!value.equals(lastPublished.get(topic))) {
            publish(topic, value);
        }
    }

    /** Removes the retained value of {@code topic} (an empty retained message, which subscribers see too). */
    void clear(String topic) {
        if (lastPublished.remove(topic) != null) {
            broker.accept(new Message(topic, new byte[0], QoS.AT_MOST_ONCE, true));
        }
    }

    void publishIfChanged(String topic, long value) {
        publishIfChanged(topic, Long.toString(value));
    }
}
