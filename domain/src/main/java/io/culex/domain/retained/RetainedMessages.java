package io.culex.domain.retained;

import io.culex.domain.message.Message;
import io.culex.domain.port.RetainedStore;

/** The retain rules: a retained PUBLISH replaces the topic's message; an empty payload clears it. */
public final class RetainedMessages {

    private final RetainedStore store;

    public RetainedMessages(RetainedStore store) {
        this.store = store;
    }

    /** Applies a PUBLISH that had the retain flag set. */
    public void accept(Message published) {
        if (published.hasEmptyPayload()) {
            store.remove(published.topic());
        } else {
            store.put(published.retain() ? published : new Message(published.topic(), published.payload(), published.qos(), true));
        }
    }

    public RetainedStore store() {
        return store;
    }
}
