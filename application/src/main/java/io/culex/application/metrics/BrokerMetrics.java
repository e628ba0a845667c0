package io.culex.application.metrics;

import java.util.concurrent.atomic.LongAdder;

/** Counters the broker keeps about its traffic; LongAdder keeps them cheap on every event loop. */
public final class BrokerMetrics {

    private final LongAdder messagesReceived = new LongAdder();
    private final LongAdder messagesSent = new LongAdder();
    private final LongAdder messagesDropped = new LongAdder();
    private final LongAdder clientsConnected = new LongAdder();

    public void messageReceived() {
        messagesReceived.increment();
    }

    public void messageSent() {
        messagesSent.increment();
    }

    public void messageDropped() {
        messagesDropped.increment();
    }

    public void clientConnected() {
        clientsConnected.increment();
    }

    public void clientDisconnected() {
        clientsConnected.decrement();
    }

    public long messagesReceived() {
        return messagesReceived.sum();
    }

    public long messagesSent() {
        return messagesSent.sum();
    }

    /** PUBLISHes not delivered to a subscriber: queue full, slow consumer, oversized. */
    public long messagesDropped() {
        return messagesDropped.sum();
    }

    public long clientsConnected() {
        return clientsConnected.sum();
    }
}
