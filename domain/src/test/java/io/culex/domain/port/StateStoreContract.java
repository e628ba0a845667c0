package io.culex.domain.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.message.UserProperty;
import io.culex.domain.persistence.RecoveredState;
import io.culex.domain.persistence.RecoveredState.QueuedMessage;
import io.culex.domain.persistence.RecoveredState.RecoveredFlight;
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
import io.culex.domain.topic.Subscription;
import io.culex.domain.topic.Subscription.RetainHandling;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link StateStore} must have, written once and run against each backend
 * (memory, file, SQLite, RocksDB) by a subclass in that backend's module. The memory store is the
 * reference. Durable backends also implement {@link #reopen}: every test then checks its state both
 * before and after the store is closed and opened again.
 */
public abstract class StateStoreContract {

    private StateStore store;

    /** A new, empty store (e.g. in a fresh temporary directory). */
    protected abstract StateStore createStore();

    /**
     * The same store opened again after {@code closed} was closed, or {@code closed} itself for a store
     * that does not outlive {@link StateStore#close()} (memory).
     */
    protected abstract StateStore reopen(StateStore closed);

    @BeforeEach
    void open() {
        store = createStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private void apply(StoreOperation... operations) {
        store.apply(List.of(operations));
    }

    /** Checks what the store recovers now and after it is closed and opened again. */
    private void assertRecovered(java.util.function.Consumer<RecoveredState> check) {
        check.accept(store.recover());
        store.close();
        store = reopen(store);
        check.accept(store.recover());
    }

    private static Map<String, RecoveredSession> byClient(RecoveredState state) {
        return state.sessions().stream().collect(Collectors.toMap(RecoveredSession::clientId, Function.identity()));
    }

    protected static StoredMessage message(String topic, String payload, QoS qos) {
        return new StoredMessage(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false, MessageProperties.NONE,
                StoredMessage.NEVER, "publisher");
    }

    protected static StoredDelivery delivery(String topic, String payload, QoS qos) {
        return new StoredDelivery(message(topic, payload, qos), qos, false, List.of());
    }

    private static String payloadOf(StoredDelivery delivery) {
        return new String(delivery.message().payload(), StandardCharsets.UTF_8);
    }

    // ---- sessions and subscriptions ----

    @Test
    void anEmptyStoreRecoversNothing() {
        assertRecovered(state -> {
            assertTrue(state.sessions().isEmpty());
            assertTrue(state.retained().isEmpty());
        });
    }

    @Test
    void aSessionComesBackWithItsExpiryAndSubscriptions() {
        Subscription plain = Subscription.of("sensors/+/temp", QoS.AT_LEAST_ONCE);
        Subscription options = new Subscription("$share/g/jobs/#", QoS.EXACTLY_ONCE, false, true,
                RetainHandling.DO_NOT_SEND, 42);
        apply(new SessionSaved("c1", 3_600), new SubscriptionSaved("c1", plain), new SubscriptionSaved("c1", options));
        assertRecovered(state -> {
            RecoveredSession session = byClient(state).get("c1");
            assertEquals(3_600, session.expiryIntervalSeconds());
            assertEquals(0, session.disconnectedAtEpochMillis(), "connected when the broker stopped");
            assertEquals(new HashSet<>(List.of(plain, options)), new HashSet<>(session.subscriptions()));
        });
    }

    @Test
    void aSubscriptionIsReplacedByFilterAndDeleted() {
        apply(new SessionSaved("c1", 60),
                new SubscriptionSaved("c1", Subscription.of("a", QoS.AT_MOST_ONCE)),
                new SubscriptionSaved("c1", Subscription.of("b", QoS.AT_MOST_ONCE)),
                new SubscriptionSaved("c1", Subscription.of("a", QoS.EXACTLY_ONCE)),
                new SubscriptionDeleted("c1", "b"));
        assertRecovered(state -> assertEquals(List.of(Subscription.of("a", QoS.EXACTLY_ONCE)),
                byClient(state).get("c1").subscriptions()));
    }

    @Test
    void aDisconnectTimeIsKeptUntilTheSessionIsSavedAgain() {
        apply(new SessionSaved("c1", 60), new SessionDisconnected("c1", 1_700_000_000_123L),
                new SessionSaved("c2", 60), new SessionDisconnected("c2", 5), new SessionSaved("c2", 120));
        assertRecovered(state -> {
            assertEquals(1_700_000_000_123L, byClient(state).get("c1").disconnectedAtEpochMillis());
            assertEquals(0, byClient(state).get("c2").disconnectedAtEpochMillis(), "reconnected");
            assertEquals(120, byClient(state).get("c2").expiryIntervalSeconds());
        });
    }

    @Test
    void deletingASessionDeletesEverythingItHad() {
        apply(new SessionSaved("c1", 60),
                new SubscriptionSaved("c1", Subscription.of("a", QoS.AT_LEAST_ONCE)),
                new Enqueued("c1", 1, delivery("a", "queued", QoS.AT_LEAST_ONCE)),
                new FlightStarted("c1", 7, delivery("a", "flying", QoS.AT_LEAST_ONCE)),
                new InboundQos2Received("c1", 9),
                new SessionSaved("c2", 60),
                new SessionDeleted("c1"));
        assertRecovered(state -> {
            assertEquals(List.of("c2"), state.sessions().stream().map(RecoveredSession::clientId).toList());
            assertEquals(List.of(), store.readQueue("c1", 0, 10));
        });
        apply(new SessionSaved("c1", 60));
        assertRecovered(state -> {
            RecoveredSession reborn = byClient(state).get("c1");
            assertTrue(reborn.subscriptions().isEmpty() && reborn.flights().isEmpty()
                    && reborn.inboundQos2AwaitingRelease().isEmpty() && reborn.queuedCount() == 0,
                    "a new session with the same id starts empty");
        });
    }

    @Test
    void changesToAMissingSessionAndDeletesOfMissingThingsAreIgnored() {
        apply(new SubscriptionSaved("ghost", Subscription.of("a", QoS.AT_MOST_ONCE)),
                new Enqueued("ghost", 1, delivery("a", "x", QoS.AT_LEAST_ONCE)),
                new SessionDeleted("ghost"), new RetainedDeleted("nothing/here"),
                new SessionSaved("c1", 60), new Dequeued("c1", 99), new FlightEnded("c1", 5),
                new SubscriptionDeleted("c1", "none"), new InboundQos2Released("c1", 3));
        assertRecovered(state -> {
            assertEquals(List.of("c1"), state.sessions().stream().map(RecoveredSession::clientId).toList());
            assertEquals(List.of(), store.readQueue("ghost", 0, 10));
        });
    }

    @Test
    void clientIdsAndFiltersWithAnyCharactersStayApart() {
        List<String> ids = List.of("a", "a/b", "a:b", "a b", "ä€😀", "", "A");
        for (String id : ids) {
            apply(new SessionSaved(id, 60), new SubscriptionSaved(id, Subscription.of("t/" + id, QoS.AT_MOST_ONCE)),
                    new Enqueued(id, 1, delivery("t", id, QoS.AT_LEAST_ONCE)));
        }
        assertRecovered(state -> {
            Map<String, RecoveredSession> sessions = byClient(state);
            assertEquals(new HashSet<>(ids), sessions.keySet());
            for (String id : ids) {
                assertEquals("t/" + id, sessions.get(id).subscriptions().get(0).filter());
                assertEquals(id, payloadOf(store.readQueue(id, 0, 10).get(0).delivery()));
            }
        });
    }

    // ---- queued messages ----

    @Test
    void theQueueKeepsSequenceOrderAndReadsInPages() {
        apply(new SessionSaved("c1", 60));
        List<StoreOperation> batch = new ArrayList<>();
        for (long sequence = 1; sequence <= 250; sequence++) {
            batch.add(new Enqueued("c1", sequence, delivery("t", "m" + sequence, QoS.AT_LEAST_ONCE)));
        }
        store.apply(batch);
        apply(new Dequeued("c1", 1), new Dequeued("c1", 2));
        assertRecovered(state -> {
            assertEquals(248, byClient(state).get("c1").queuedCount());
            List<QueuedMessage> first = store.readQueue("c1", 0, 100);
            assertEquals(100, first.size());
            assertEquals(3, first.get(0).sequence());
            assertEquals("m3", payloadOf(first.get(0).delivery()));
            List<QueuedMessage> rest = store.readQueue("c1", first.get(99).sequence(), 1_000);
            assertEquals(148, rest.size());
            assertEquals(103, rest.get(0).sequence());
            assertEquals(250, rest.get(147).sequence());
            assertEquals(List.of(), store.readQueue("c1", 250, 10));
        });
    }

    @Test
    void sequencesAboveIntRangeAndFarApartKeepTheirOrder() {
        apply(new SessionSaved("c1", 60), new Enqueued("c1", 5_000_000_000L, delivery("t", "b", QoS.AT_LEAST_ONCE)),
                new Enqueued("c1", 2, delivery("t", "a", QoS.AT_LEAST_ONCE)),
                new Enqueued("c1", 5_000_000_001L, delivery("t", "c", QoS.AT_LEAST_ONCE)));
        assertRecovered(state -> assertEquals(List.of("a", "b", "c"),
                store.readQueue("c1", 0, 10).stream().map(q -> payloadOf(q.delivery())).toList()));
    }

    @Test
    void anEnqueuedAndDequeuedMessageInOneBatchLeavesNothing() {
        apply(new SessionSaved("c1", 60), new Enqueued("c1", 1, delivery("t", "x", QoS.AT_LEAST_ONCE)),
                new Dequeued("c1", 1));
        assertRecovered(state -> assertEquals(0, byClient(state).get("c1").queuedCount()));
    }

    // ---- flights ----

    @Test
    void flightsComeBackInSendOrderWithTheirState() {
        apply(new SessionSaved("c1", 60),
                new FlightStarted("c1", 300, delivery("t", "first", QoS.EXACTLY_ONCE)),
                new FlightStarted("c1", 2, delivery("t", "second", QoS.AT_LEAST_ONCE)),
                new FlightStarted("c1", 65_535, delivery("t", "third", QoS.EXACTLY_ONCE)),
                new FlightStarted("c1", 1, delivery("t", "fourth", QoS.AT_LEAST_ONCE)),
                new FlightReleased("c1", 300),
                new FlightEnded("c1", 2));
        assertRecovered(state -> {
            List<RecoveredFlight> flights = byClient(state).get("c1").flights();
            assertEquals(List.of(300, 65_535, 1), flights.stream().map(RecoveredFlight::packetId).toList());
            assertEquals(List.of(true, false, false), flights.stream().map(RecoveredFlight::released).toList());
            assertEquals(List.of("first", "third", "fourth"), flights.stream().map(f -> payloadOf(f.delivery())).toList());
        });
    }

    @Test
    void aPacketIdReusedAfterItsFlightEndedStartsAFreshFlight() {
        apply(new SessionSaved("c1", 60), new FlightStarted("c1", 1, delivery("t", "old", QoS.EXACTLY_ONCE)),
                new FlightReleased("c1", 1), new FlightEnded("c1", 1),
                new FlightStarted("c1", 1, delivery("t", "new", QoS.EXACTLY_ONCE)));
        assertRecovered(state -> {
            RecoveredFlight flight = byClient(state).get("c1").flights().get(0);
            assertEquals("new", payloadOf(flight.delivery()));
            assertEquals(false, flight.released());
        });
    }

    @Test
    void inboundQos2IdsAwaitTheirRelease() {
        apply(new SessionSaved("c1", 60), new InboundQos2Received("c1", 10), new InboundQos2Received("c1", 11),
                new InboundQos2Released("c1", 10));
        assertRecovered(state -> assertEquals(List.of(11), byClient(state).get("c1").inboundQos2AwaitingRelease()));
    }

    // ---- what a message carries ----

    @Test
    void everyPartOfAMessageAndDeliveryRoundTrips() {
        MessageProperties properties = new MessageProperties(1, "text/plain", "replies/x",
                new byte[] {0, 1, 2, (byte) 0xFF}, List.of(new UserProperty("k", "v"), new UserProperty("k", "w")));
        StoredMessage full = new StoredMessage("a/b", "héllo".getBytes(StandardCharsets.UTF_8), QoS.EXACTLY_ONCE,
                true, properties, 1_900_000_000_000L, "origin-client");
        StoredDelivery delivery = new StoredDelivery(full, QoS.AT_LEAST_ONCE, true, List.of(3, 70_000));
        StoredMessage bare = new StoredMessage("z", new byte[0], QoS.AT_MOST_ONCE, false, MessageProperties.NONE,
                StoredMessage.NEVER, null);
        apply(new SessionSaved("c1", 60), new Enqueued("c1", 1, delivery), new FlightStarted("c1", 5, delivery),
                new RetainedSaved(full), new RetainedSaved(new StoredMessage("z", new byte[] {9}, QoS.AT_MOST_ONCE,
                        true, MessageProperties.NONE, StoredMessage.NEVER, null)),
                new Enqueued("c1", 2, new StoredDelivery(bare, QoS.AT_MOST_ONCE, false, List.of())));
        assertRecovered(state -> {
            assertEquals(delivery, store.readQueue("c1", 0, 1).get(0).delivery());
            assertEquals(delivery, byClient(state).get("c1").flights().get(0).delivery());
            assertEquals(new StoredDelivery(bare, QoS.AT_MOST_ONCE, false, List.of()),
                    store.readQueue("c1", 1, 1).get(0).delivery());
            StoredMessage retained = state.retained().stream().filter(m -> m.topic().equals("a/b")).findFirst()
                    .orElseThrow();
            assertEquals(full, retained);
        });
    }

    @Test
    void aLargePayloadRoundTrips() {
        byte[] payload = new byte[1 << 20];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31);
        }
        StoredMessage big = new StoredMessage("big", payload, QoS.AT_LEAST_ONCE, true, MessageProperties.NONE,
                StoredMessage.NEVER, null);
        apply(new RetainedSaved(big));
        assertRecovered(state -> assertArrayEquals(payload, state.retained().get(0).payload()));
    }

    // ---- retained messages ----

    @Test
    void aRetainedMessageIsReplacedPerTopicAndDeleted() {
        apply(new RetainedSaved(message("a", "1", QoS.AT_MOST_ONCE)), new RetainedSaved(message("b", "2", QoS.AT_MOST_ONCE)),
                new RetainedSaved(message("a", "3", QoS.AT_LEAST_ONCE)), new RetainedDeleted("b"));
        assertRecovered(state -> {
            assertEquals(1, state.retained().size());
            assertEquals("3", new String(state.retained().get(0).payload(), StandardCharsets.UTF_8));
            assertEquals(QoS.AT_LEAST_ONCE, state.retained().get(0).qos());
        });
    }

    // ---- scale ----

    @Test
    void tenThousandSessionsAndRetainedMessagesComeBack() {
        List<StoreOperation> batch = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            batch.add(new SessionSaved("client-" + i, 3_600));
            batch.add(new SubscriptionSaved("client-" + i, Subscription.of("devices/" + i + "/#", QoS.AT_LEAST_ONCE)));
            batch.add(new RetainedSaved(message("devices/" + i + "/state", "on", QoS.AT_MOST_ONCE)));
        }
        store.apply(batch);
        assertRecovered(state -> {
            assertEquals(10_000, state.sessions().size());
            assertEquals(10_000, state.retained().size());
            assertEquals("devices/42/#", byClient(state).get("client-42").subscriptions().get(0).filter());
        });
    }

    @Test
    void manySmallBatchesApplyInOrder() {
        apply(new SessionSaved("c1", 60));
        for (long sequence = 1; sequence <= 500; sequence++) {
            apply(new Enqueued("c1", sequence, delivery("t", "m" + sequence, QoS.AT_LEAST_ONCE)));
            if (sequence % 2 == 0) {
                apply(new Dequeued("c1", sequence - 1));
            }
        }
        assertRecovered(state -> {
            assertEquals(250, byClient(state).get("c1").queuedCount());
            assertEquals(2, store.readQueue("c1", 0, 1).get(0).sequence());
        });
    }
}
