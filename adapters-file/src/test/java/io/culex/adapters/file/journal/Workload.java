package io.culex.adapters.file.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.application.storage.memory.MemoryStateStore;
import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.message.UserProperty;
import io.culex.domain.persistence.RecoveredState;
import io.culex.domain.persistence.RecoveredState.QueuedMessage;
import io.culex.domain.persistence.RecoveredState.RecoveredSession;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.persistence.StoreOperation.Dequeued;
import io.culex.domain.persistence.StoreOperation.Enqueued;
import io.culex.domain.persistence.StoreOperation.FlightEnded;
import io.culex.domain.persistence.StoreOperation.FlightReleased;
import io.culex.domain.persistence.StoreOperation.FlightStarted;
import io.culex.domain.persistence.StoreOperation.InboundQos2Received;
import io.culex.domain.persistence.StoreOperation.InboundQos2Released;
import io.culex.domain.persistence.StoreOperation.RetainedDeleted;
import io.culex.domain.persistence.StoreOperation.RetainedSaved;
import io.culex.domain.persistence.StoreOperation.SessionDeleted;
import io.culex.domain.persistence.StoreOperation.SessionDisconnected;
import io.culex.domain.persistence.StoreOperation.SessionSaved;
import io.culex.domain.persistence.StoreOperation.SubscriptionDeleted;
import io.culex.domain.persistence.StoreOperation.SubscriptionSaved;
import io.culex.domain.persistence.StoredDelivery;
import io.culex.domain.persistence.StoredMessage;
import io.culex.domain.port.StateStore;
import io.culex.domain.topic.Subscription;
import io.culex.domain.topic.Subscription.RetainHandling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random batches of every kind of operation, applied to the reference memory store alongside the
 * store under test, and a comparison of everything the two can be asked.
 */
final class Workload {

    private final Random random;
    private final int clients;
    private final int payloadSize;
    private final Map<String, Long> nextSequence = new HashMap<>();
    final MemoryStateStore reference = new MemoryStateStore();

    Workload(long seed, int clients, int payloadSize) {
        this.random = new Random(seed);
        this.clients = clients;
        this.payloadSize = payloadSize;
    }

    /** A batch of {@code size} operations, already applied to the reference. */
    List<StoreOperation> nextBatch(int size) {
        List<StoreOperation> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(nextOperation());
        }
        reference.apply(batch);
        return batch;
    }

    private StoreOperation nextOperation() {
        String client = "client-" + random.nextInt(clients);
        int kind = random.nextInt(100);
        if (kind < 8) {
            return new SessionSaved(client, random.nextInt(10_000));
        } else if (kind < 11) {
            return new SessionDisconnected(client, 1_700_000_000_000L + random.nextInt(1_000_000));
        } else if (kind < 12) {
            return new SessionDeleted(client);
        } else if (kind < 17) {
            return new SubscriptionSaved(client, new Subscription("t/" + random.nextInt(20) + "/#",
                    QoS.of(random.nextInt(3)), random.nextBoolean(), random.nextBoolean(),
                    RetainHandling.of(random.nextInt(3)), random.nextInt(5)));
        } else if (kind < 19) {
            return new SubscriptionDeleted(client, "t/" + random.nextInt(20) + "/#");
        } else if (kind < 55) {
            long sequence = nextSequence.merge(client, 1L, Long::sum);
            return new Enqueued(client, sequence, delivery());
        } else if (kind < 75) {
            List<QueuedMessage> head = reference.readQueue(client, 0, 3);
            long sequence = head.isEmpty() ? 1 : head.get(random.nextInt(head.size())).sequence();
            return new Dequeued(client, sequence);
        } else if (kind < 82) {
            return new FlightStarted(client, 1 + random.nextInt(20), delivery());
        } else if (kind < 85) {
            return new FlightReleased(client, 1 + random.nextInt(20));
        } else if (kind < 88) {
            return new FlightEnded(client, 1 + random.nextInt(20));
        } else if (kind < 90) {
            return new InboundQos2Received(client, 1 + random.nextInt(20));
        } else if (kind < 92) {
            return new InboundQos2Released(client, 1 + random.nextInt(20));
        } else if (kind < 98) {
            return new RetainedSaved(message("r/" + random.nextInt(50)));
        } else {
            return new RetainedDeleted("r/" + random.nextInt(50));
        }
    }

    private StoredDelivery delivery() {
        List<Integer> ids = random.nextBoolean() ? List.of() : List.of(1 + random.nextInt(1000), 70_000);
        return new StoredDelivery(message("t/" + random.nextInt(20) + "/x"), QoS.of(random.nextInt(3)),
                random.nextBoolean(), ids);
    }

    private StoredMessage message(String topic) {
        byte[] payload = new byte[random.nextInt(payloadSize + 1)];
        random.nextBytes(payload);
        MessageProperties properties = random.nextInt(4) == 0 ? MessageProperties.NONE
                : new MessageProperties(random.nextBoolean() ? null : random.nextInt(2),
                        random.nextBoolean() ? null : "text/plain", random.nextBoolean() ? null : "reply/" + topic,
                        random.nextBoolean() ? null : new byte[] {1, 2, (byte) random.nextInt()},
                        random.nextBoolean() ? List.of() : List.of(new UserProperty("k", "v" + random.nextInt(9)),
                                new UserProperty("ü", "€")));
        return new StoredMessage(topic, payload, QoS.of(random.nextInt(3)), random.nextBoolean(), properties,
                random.nextBoolean() ? StoredMessage.NEVER : 1_900_000_000_000L + random.nextInt(1000),
                random.nextBoolean() ? null : "publisher-" + random.nextInt(5));
    }

    /** Everything a store can tell: its recovered state and every queue in full. */
    record Picture(RecoveredState state, Map<String, List<QueuedMessage>> queues) {
    }

    static Picture picture(StateStore store) {
        RecoveredState state = store.recover();
        Map<String, List<QueuedMessage>> queues = new LinkedHashMap<>();
        for (RecoveredSession session : state.sessions()) {
            queues.put(session.clientId(), store.readQueue(session.clientId(), 0, Integer.MAX_VALUE));
        }
        return new Picture(state, queues);
    }

    Picture expected() {
        return picture(reference);
    }

    static void assertSame(Picture expected, StateStore actual) {
        Picture picture = picture(actual);
        assertEquals(expected.state(), picture.state());
        assertEquals(expected.queues(), picture.queues());
    }
}
