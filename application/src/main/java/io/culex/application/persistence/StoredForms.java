package io.culex.application.persistence;

import io.culex.domain.message.Message;
import io.culex.domain.persistence.StoredDelivery;
import io.culex.domain.persistence.StoredMessage;
import io.culex.domain.port.Clock;
import io.culex.domain.session.Delivery;
import java.util.function.LongSupplier;

/**
 * Converts between the broker's messages and their stored form. Expiry is kept on the monotonic
 * clock in memory but must mean the same after a restart, so it is stored as wall-clock time.
 */
public final class StoredForms {

    private final Clock monotonic;
    private final LongSupplier epochMillis;

    public StoredForms(Clock monotonic, LongSupplier epochMillis) {
        this.monotonic = monotonic;
        this.epochMillis = epochMillis;
    }

    public StoredMessage stored(Message message) {
        long expiresAt = message.expires()
                ? epochMillis.getAsLong() + (message.expiresAt() - monotonic.monotonicMillis()) : StoredMessage.NEVER;
        return new StoredMessage(message.topic(), message.payload(), message.qos(), message.retain(),
                message.properties(), expiresAt, message.origin());
    }

    public StoredDelivery stored(Delivery delivery) {
        return new StoredDelivery(stored(delivery.message()), delivery.qos(), delivery.retainFlag(),
                delivery.subscriptionIds());
    }

    public Message message(StoredMessage stored) {
        long expiresAt = stored.expiresAtEpochMillis() == StoredMessage.NEVER ? Message.NEVER
                : monotonic.monotonicMillis() + (stored.expiresAtEpochMillis() - epochMillis.getAsLong());
        return new Message(stored.topic(), stored.payload(), stored.qos(), stored.retain(), stored.properties(),
                expiresAt, stored.origin());
    }

    public Delivery delivery(StoredDelivery stored) {
        return new Delivery(message(stored.message()), stored.qos(), stored.retainFlag(), stored.subscriptionIds(), null);
    }

    public long epochMillis() {
        return epochMillis.getAsLong();
    }
}
