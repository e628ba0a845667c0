package io.culex.domain.port;

import io.culex.domain.message.Message;
import java.util.function.Consumer;

/**
 * Holds the last retained message per topic. Implementations must be safe to call
 * from several threads: publishers on every event loop write, subscribers read.
 */
public interface RetainedStore {

    /** Stores {@code message} as the retained message of its topic, replacing any previous one. */
    void put(Message message);

    /** Clears the retained message of {@code topic}, if any. */
    void remove(String topic);

    /** Hands every retained message whose topic matches {@code filter} to {@code sink}. */
    void forEachMatching(String filter, Consumer<Message> sink);

    int size();
}
