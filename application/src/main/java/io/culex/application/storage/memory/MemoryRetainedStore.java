package io.culex.application.storage.memory;

import io.culex.domain.message.Message;
import io.culex.domain.port.RetainedStore;
import io.culex.domain.topic.Topics;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * Retained messages in a concurrent map. A subscribe scans every retained topic,
 * which is cheap for the thousands a typical broker holds; an index keyed by
 * topic level replaces the scan when retained counts grow (performance issue).
 */
public final class MemoryRetainedStore implements RetainedStore {

    private final ConcurrentMap<String, Message> byTopic = new ConcurrentHashMap<>();

    @Override
    public void put(Message message) {
        byTopic.put(message.topic(), message);
    }

    @Override
    public void remove(String topic) {
        byTopic.remove(topic);
    }

    @Override
    public void forEachMatching(String filter, Consumer<Message> sink) {
        for (Message message : byTopic.values()) {
            if (Topics.matches(filter, message.topic())) {
                sink.accept(message);
            }
        }
    }

    @Override
    public int size() {
        return byTopic.size();
    }
}
