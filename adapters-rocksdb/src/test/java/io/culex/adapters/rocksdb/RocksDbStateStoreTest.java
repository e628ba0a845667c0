package io.culex.adapters.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.persistence.RecoveredState;
import io.culex.domain.persistence.RecoveredState.QueuedMessage;
import io.culex.domain.persistence.RecoveredState.RecoveredFlight;
import io.culex.domain.persistence.RecoveredState.RecoveredSession;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.persistence.StoreOperation.Enqueued;
import io.culex.domain.persistence.StoreOperation.FlightEnded;
import io.culex.domain.persistence.StoreOperation.FlightReleased;
import io.culex.domain.persistence.StoreOperation.FlightStarted;
import io.culex.domain.persistence.StoreOperation.InboundQos2Received;
import io.culex.domain.persistence.StoreOperation.SessionDeleted;
import io.culex.domain.persistence.StoreOperation.SessionSaved;
import io.culex.domain.persistence.StoreOperation.SubscriptionSaved;
import io.culex.domain.persistence.StoredDelivery;
import io.culex.domain.persistence.StoredMessage;
import io.culex.domain.port.StateStore.StoreException;
import io.culex.domain.topic.Subscription;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** What the contract cannot see: key ranges, flight order across restarts, locking, failures, scale, handles. */
class RocksDbStateStoreTest {

    @TempDir
    Path temp;

    private final List<RocksDbStateStore> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(RocksDbStateStore::close);
    }

    private RocksDbStateStore open() {
        RocksDbStateStore store = RocksDbStateStore.open(temp.resolve("store.rocksdb"));
        opened.add(store);
        return store;
    }

    private RocksDbStateStore reopen(RocksDbStateStore store) {
        store.close();
        return open();
    }

    private static void apply(RocksDbStateStore store, StoreOperation... operations) {
        store.apply(List.of(operations));
    }

    private static StoredDelivery delivery(String payload) {
        StoredMessage message = new StoredMessage("t", payload.getBytes(StandardCharsets.UTF_8), QoS.EXACTLY_ONCE,
                false, MessageProperties.NONE, StoredMessage.NEVER, null);
        return new StoredDelivery(message, QoS.EXACTLY_ONCE, false, List.of());
    }

    private static String payloadOf(StoredDelivery delivery) {
        return new String(delivery.message().payload(), StandardCharsets.UTF_8);
    }

    private static Map<String, RecoveredSession> byClient(RecoveredState state) {
        return state.sessions().stream().collect(Collectors.toMap(RecoveredSession::clientId, Function.identity()));
    }

    @Test
    void clientIdsThatArePrefixesOfEachOtherNeverMix() {
        RocksDbStateStore store = open();
        List<String> ids = List.of("a", "ab", "a\u0000", "", "x".repeat(127), "x".repeat(128));
        for (String id : ids) {
            apply(store, new SessionSaved(id, 60), new SubscriptionSaved(id, Subscription.of("f/" + id, QoS.AT_LEAST_ONCE)),
                    new Enqueued(id, 1, delivery("q1-" + id)), new Enqueued(id, 2, delivery("q2-" + id)),
                    new FlightStarted(id, 7, delivery("f-" + id)), new InboundQos2Received(id, 9));
        }
        apply(store, new SessionDeleted("a"), new SessionDeleted("x".repeat(127)));
        store = reopen(store);
        Map<String, RecoveredSession> sessions = byClient(store.recover());
        assertEquals(Set.of("ab", "a\u0000", "", "x".repeat(128)), sessions.keySet());
        for (String id : sessions.keySet()) {
            RecoveredSession session = sessions.get(id);
            assertEquals(List.of(Subscription.of("f/" + id, QoS.AT_LEAST_ONCE)), session.subscriptions(), id);
            assertEquals(2, session.queuedCount(), id);
            assertEquals(List.of("q1-" + id, "q2-" + id),
                    store.readQueue(id, 0, 10).stream().map(q -> payloadOf(q.delivery())).toList(), id);
            assertEquals(List.of("f-" + id), session.flights().stream().map(f -> payloadOf(f.delivery())).toList());
            assertEquals(List.of(9), session.inboundQos2AwaitingRelease());
        }
        assertEquals(List.of(), store.readQueue("a", 0, 10));
        assertEquals(List.of(), store.readQueue("x".repeat(127), 0, 10));
    }

    @Test
    void aSessionDeletedAndSavedAgainInOneBatchStartsEmptyWithWhatFollows() {
        RocksDbStateStore store = open();
        apply(store, new SessionSaved("c", 60), new SubscriptionSaved("c", Subscription.of("old", QoS.AT_MOST_ONCE)),
                new Enqueued("c", 1, delivery("old")), new FlightStarted("c", 1, delivery("old-flight")));
        apply(store, new SessionDeleted("c"), new SessionSaved("c", 30), new Enqueued("c", 1, delivery("new")),
                new FlightStarted("c", 2, delivery("new-flight")));
        store = reopen(store);
        RecoveredSession session = byClient(store.recover()).get("c");
        assertEquals(30, session.expiryIntervalSeconds());
        assertEquals(List.of(), session.subscriptions());
        assertEquals(List.of("new-flight"), session.flights().stream().map(f -> payloadOf(f.delivery())).toList());
        assertEquals(List.of("new"), store.readQueue("c", 0, 10).stream().map(q -> payloadOf(q.delivery())).toList());
    }

    @Test
    void flightsKeepTheirSendOrderAcrossRestartsAndPacketIdReuse() {
        RocksDbStateStore store = open();
        apply(store, new SessionSaved("c", 60), new FlightStarted("c", 5, delivery("one")),
                new FlightStarted("c", 6, delivery("two")), new FlightStarted("c", 7, delivery("three")),
                new FlightReleased("c", 6));
        store = reopen(store);
        apply(store, new FlightEnded("c", 5), new FlightStarted("c", 5, delivery("four")),
                new FlightStarted("c", 7, delivery("three again")), new FlightReleased("c", 5));
        store = reopen(store);
        apply(store, new FlightStarted("c", 1, delivery("five")));
        List<RecoveredFlight> flights = byClient(store.recover()).get("c").flights();
        assertEquals(List.of(6, 7, 5, 1), flights.stream().map(RecoveredFlight::packetId).toList());
        assertEquals(List.of("two", "three again", "four", "five"),
                flights.stream().map(f -> payloadOf(f.delivery())).toList());
        assertEquals(List.of(true, false, true, false), flights.stream().map(RecoveredFlight::released).toList());
    }

    @Test
    void aFailedWriteAppliesNothingAndTheStoreGoesOn() {
        RocksDbStateStore store = open();
        apply(store, new SessionSaved("c", 60), new FlightStarted("c", 1, delivery("kept")));
        store.batchWriter(batch -> {
            throw new RocksDBException("IO error: No space left on device");
        });
        StoreException failure = assertThrows(StoreException.class, () -> apply(store, new SessionSaved("new", 60),
                new FlightEnded("c", 1), new FlightStarted("c", 1, delivery("lost")), new SessionDeleted("c")));
        assertTrue(failure.getMessage().contains("none applied") && failure.getMessage().contains("No space left"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains(store.directory().toString()), failure.getMessage());
        RocksDbStateStore fixed = reopen(store);
        // the failed batch left no trace in memory either: "new" does not exist, flight 1 keeps its place
        apply(fixed, new SubscriptionSaved("new", Subscription.of("x", QoS.AT_MOST_ONCE)),
                new FlightStarted("c", 2, delivery("second")), new FlightReleased("c", 1));
        RecoveredSession session = byClient(fixed.recover()).get("c");
        assertEquals(1, fixed.recover().sessions().size());
        assertEquals(List.of("kept", "second"), session.flights().stream().map(f -> payloadOf(f.delivery())).toList());
        assertTrue(session.flights().get(0).released());
    }

    @Test
    void aFailedWriteLeavesTheOpenStoresMemoryUnchanged() {
        RocksDbStateStore store = open();
        apply(store, new SessionSaved("c", 60));
        store.batchWriter(batch -> {
            throw new RocksDBException("IO error");
        });
        assertThrows(StoreException.class, () -> apply(store, new SessionDeleted("c"), new SessionSaved("d", 60)));
        RocksDbStateStore fresh = reopen(store);
        apply(fresh, new Enqueued("c", 1, delivery("still there")), new Enqueued("d", 1, delivery("never")));
        assertEquals(1, fresh.readQueue("c", 0, 10).size());
        assertEquals(List.of("c"), fresh.recover().sessions().stream().map(RecoveredSession::clientId).toList());
    }

    @Test
    void readQueuePagesThroughAHundredThousandMessages() {
        RocksDbStateStore store = open();
        apply(store, new SessionSaved("c", 60), new SessionSaved("c1", 60), new Enqueued("c1", 1, delivery("other")));
        int total = 100_000;
        for (int start = 1; start <= total; start += 20_000) {
            List<StoreOperation> batch = new ArrayList<>();
            for (long sequence = start; sequence < start + 20_000; sequence++) {
                batch.add(new Enqueued("c", sequence, delivery("m" + sequence)));
            }
            store.apply(batch);
        }
        assertEquals(total, byClient(store.recover()).get("c").queuedCount());
        long after = 0;
        int read = 0;
        while (true) {
            List<QueuedMessage> page = store.readQueue("c", after, 1_000);
            if (page.isEmpty()) {
                break;
            }
            for (QueuedMessage queued : page) {
                assertEquals(after + 1, queued.sequence());
                after = queued.sequence();
            }
            read += page.size();
        }
        assertEquals(total, read);
        assertEquals("m77777", payloadOf(store.readQueue("c", 77_776, 1).get(0).delivery()));
        assertEquals(List.of(), store.readQueue("c", Long.MAX_VALUE, 10));
        assertEquals(List.of(), store.readQueue("c", 0, 0));
    }

    @Test
    void aSecondOpenInThisProcessGetsAClearError() {
        RocksDbStateStore store = open();
        StoreException failure = assertThrows(StoreException.class, this::open);
        assertTrue(failure.getMessage().startsWith("another broker has the RocksDB store " + store.directory() + " open"),
                failure.getMessage());
        apply(store, new SessionSaved("still", 1));
        assertEquals(1, store.recover().sessions().size());
    }

    @Test
    void anotherProcessHoldingTheStoreGetsAClearError() throws Exception {
        Path dir = temp.resolve("store.rocksdb");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                HoldStoreOpen.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("open", output.readLine(), "the other process opened the store");
            StoreException failure = assertThrows(StoreException.class, this::open);
            assertTrue(failure.getMessage().contains("another broker has the RocksDB store " + dir + " open"),
                    failure.getMessage());
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, holder.exitValue());
            open(); // free again
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void anUnusableLocationIsReportedWithItsPath() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
        StoreException failure = assertThrows(StoreException.class,
                () -> RocksDbStateStore.open(file.resolve("store.rocksdb")));
        assertTrue(failure.getMessage().contains(file.resolve("store.rocksdb").toString()), failure.getMessage());
        assertTrue(failure.getCause() instanceof IOException, String.valueOf(failure.getCause()));
    }

    @Test
    void aStoreOfAnotherFormatOrWithAnUnreadableRowIsRefused() throws RocksDBException {
        RocksDbStateStore store = open();
        apply(store, new SessionSaved("c", 60));
        store.close();
        Path dir = store.directory();
        rawPut(dir, "meta", "format".getBytes(StandardCharsets.US_ASCII), Values.format(2));
        StoreException format = assertThrows(StoreException.class, this::open);
        assertTrue(format.getMessage().contains("has format 2") && format.getMessage().contains(dir.toString()),
                format.getMessage());
        rawPut(dir, "meta", "format".getBytes(StandardCharsets.US_ASCII), Values.format(RocksDbStateStore.FORMAT));
        rawPut(dir, "sessions", Keys.session("bad"), new byte[] {9, 9});
        StoreException corrupt = assertThrows(StoreException.class, this::open);
        assertTrue(corrupt.getMessage().contains("unreadable row in sessions"), corrupt.getMessage());
    }

    /** Writes a row with RocksDB itself, as a damaged or future store would hold it. */
    private static void rawPut(Path dir, String family, byte[] key, byte[] value) throws RocksDBException {
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        try (Options options = new Options()) {
            for (byte[] name : RocksDB.listColumnFamilies(options, dir.toString())) {
                descriptors.add(new ColumnFamilyDescriptor(name));
            }
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions(); RocksDB db = RocksDB.open(options, dir.toString(), descriptors, handles)) {
            for (int i = 0; i < descriptors.size(); i++) {
                if (new String(descriptors.get(i).getName(), StandardCharsets.US_ASCII).equals(family)) {
                    db.put(handles.get(i), key, value);
                }
            }
            handles.forEach(ColumnFamilyHandle::close);
        }
    }

    @Test
    void aClosedStoreRefusesWorkAndClosesOnce() {
        RocksDbStateStore store = open();
        store.close();
        store.close();
        assertThrows(IllegalStateException.class, () -> apply(store, new SessionSaved("c", 1)));
        assertThrows(IllegalStateException.class, () -> store.readQueue("c", 0, 1));
        assertThrows(IllegalStateException.class, store::recover);
    }

    @Test
    void aHundredOpenAndCloseCyclesLeakNoFilesAndLoseNothing() throws IOException {
        Path dir = temp.resolve("cycles.rocksdb");
        try (RocksDbStateStore first = RocksDbStateStore.open(dir)) {
            apply(first, new SessionSaved("c", 60));
        }
        long descriptorsBefore = openFileDescriptors();
        for (int cycle = 1; cycle <= 100; cycle++) {
            try (RocksDbStateStore store = RocksDbStateStore.open(dir)) {
                apply(store, new Enqueued("c", cycle, delivery("m" + cycle)));
            }
        }
        long descriptorsAfter = openFileDescriptors();
        if (descriptorsBefore >= 0) {
            assertTrue(descriptorsAfter <= descriptorsBefore + 5,
                    "open file descriptors went from " + descriptorsBefore + " to " + descriptorsAfter);
        }
        try (RocksDbStateStore store = RocksDbStateStore.open(dir)) {
            assertEquals(100, byClient(store.recover()).get("c").queuedCount());
            assertEquals(100, store.readQueue("c", 99, 1).get(0).sequence());
        }
        assertFalse(Files.exists(dir.resolve("LOCK")) && isLocked(dir), "the last close released the lock");
    }

    private static boolean isLocked(Path dir) {
        try (RocksDbStateStore store = RocksDbStateStore.open(dir)) {
            return false;
        } catch (StoreException e) {
            return true;
        }
    }

    /** How many files this process has open (Linux), or -1 where that cannot be told. */
    private static long openFileDescriptors() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> list = Files.list(fds)) {
            return list.count();
        }
    }
}
