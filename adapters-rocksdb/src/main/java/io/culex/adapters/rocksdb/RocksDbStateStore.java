package io.culex.adapters.rocksdb;

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
import io.culex.domain.persistence.StoredMessage;
import io.culex.domain.port.StateStore;
import io.culex.domain.topic.Subscription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;
import org.rocksdb.Status;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * A {@link StateStore} in a RocksDB database: one column family per kind of data (see {@link Keys} and
 * {@link Values} for the layout), every {@link #apply} one {@link WriteBatch} written with a synced WAL.
 *
 * <p>Writes are blind (no read before a write): what {@link #apply} must know to follow the contract (which
 * sessions exist, each flight's send order by packet id) is kept in memory, rebuilt from the sessions and
 * flights column families when the store opens, and changed only after RocksDB accepted the batch.
 */
public final class RocksDbStateStore implements StateStore {

    /** What {@code meta/format} holds: the key and value layout of {@link Keys} and {@link Values}. */
    static final int FORMAT = 1;

    private static final byte[] FORMAT_KEY = "format".getBytes(StandardCharsets.US_ASCII);

    private static final long BLOCK_CACHE_BYTES = 32L << 20;
    private static final long MEMTABLES_BYTES = 64L << 20;

    /** The column families, in the order of the handles list; "default" is RocksDB's own and stays empty. */
    private static final List<String> FAMILIES = List.of("default", "sessions", "subscriptions", "queue", "flights",
            "inbound_qos2", "retained", "meta");

    /** Writes one batch durably; a seam so tests can make a write fail. */
    interface BatchWriter {
        void write(WriteBatch batch) throws RocksDBException;
    }

    /** What apply must know of a session without reading the database. */
    private static final class SessionMeta {
        long expiryIntervalSeconds;
        long disconnectedAt;
        /** packet id → send order of the session's unfinished flights. */
        final Map<Integer, Long> flightOrders;
        long lastFlightOrder;

        SessionMeta(long expiryIntervalSeconds, long disconnectedAt) {
            this.expiryIntervalSeconds = expiryIntervalSeconds;
            this.disconnectedAt = disconnectedAt;
            this.flightOrders = new HashMap<>();
        }

        SessionMeta(SessionMeta other) {
            this.expiryIntervalSeconds = other.expiryIntervalSeconds;
            this.disconnectedAt = other.disconnectedAt;
            this.flightOrders = new HashMap<>(other.flightOrders);
            this.lastFlightOrder = other.lastFlightOrder;
        }
    }

    private final Path directory;
    private final Deque<AutoCloseable> resources;
    private final RocksDB db;
    private final ColumnFamilyHandle sessions;
    private final ColumnFamilyHandle subscriptions;
    private final ColumnFamilyHandle queue;
    private final ColumnFamilyHandle flights;
    private final ColumnFamilyHandle inboundQos2;
    private final ColumnFamilyHandle retained;
    private final WriteOptions syncWrites;
    private final List<ColumnFamilyHandle> handles;
    private final Map<String, SessionMeta> live = new HashMap<>();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile BatchWriter writer;
    private boolean closed;

    private RocksDbStateStore(Path directory, Deque<AutoCloseable> resources, RocksDB db,
                              List<ColumnFamilyHandle> handles, WriteOptions syncWrites) {
        this.directory = directory;
        this.resources = resources;
        this.db = db;
        this.sessions = handles.get(1);
        this.subscriptions = handles.get(2);
        this.queue = handles.get(3);
        this.flights = handles.get(4);
        this.inboundQos2 = handles.get(5);
        this.retained = handles.get(6);
        this.syncWrites = syncWrites;
        this.handles = handles;
        this.writer = batch -> db.write(syncWrites, batch);
    }

    /**
     * Opens the store in {@code directory}, creating it (and its parents) if missing.
     *
     * A database RocksDB reports corrupt (at open, in a table file's checksums, or while loading the sessions)
     * does not fail the open: it is moved aside and what can be read of it is copied into a fresh store (see
     * {@link Salvage}).
     *
     * @throws StoreException naming the directory: it cannot be created or written, another broker has the
     *                        store open, or it holds data of another format
     */
    public static RocksDbStateStore open(Path directory) {
        loadNativeLibrary();
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            throw new StoreException("cannot create the RocksDB store directory " + dir + ": " + e, e);
        }
        if (!Files.isWritable(dir)) {
            throw new StoreException("the RocksDB store directory " + dir + " is not writable", null);
        }
        try {
            return openChecked(dir);
        } catch (DamagedException damaged) {
            return Salvage.recover(dir, damaged.getMessage());
        }
    }

    /** RocksDB reported a corruption while opening or checking the store (the message is RocksDB's). */
    static final class DamagedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DamagedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static boolean isCorruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RocksDBException rocks && rocks.getStatus() != null) {
                Status.Code code = rocks.getStatus().getCode();
                if (code == Status.Code.Corruption) {
                    return true;
                }
                String message = rocks.getMessage();
                if (code == Status.Code.IOError && message != null && !message.contains("LOCK")
                        && (message.contains("No such file") || message.contains("not found"))) {
                    return true; // a file the MANIFEST lists is gone
                }
            }
        }
        return false;
    }

    /**
     * Opens the database and checks it: every table file's block checksums ({@code verifyChecksum}), the format,
     * the sessions and flights; a corruption RocksDB reports on the way is a {@link DamagedException}.
     */
    static RocksDbStateStore openChecked(Path dir) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            LRUCache cache = push(resources, new LRUCache(BLOCK_CACHE_BYTES));
            WriteBufferManager memtables = push(resources, new WriteBufferManager(MEMTABLES_BYTES, cache));
            DBOptions dbOptions = push(resources, new DBOptions()
                    .setCreateIfMissing(true)
                    .setCreateMissingColumnFamilies(true)
                    .setWriteBufferManager(memtables)
                    .setMaxTotalWalSize(64L << 20)
                    .setMaxBackgroundJobs(2)
                    .setMaxOpenFiles(256)
                    .setBytesPerSync(1L << 20)
                    .setInfoLogLevel(InfoLogLevel.INFO_LEVEL)
                    .setMaxLogFileSize(1L << 20)
                    .setKeepLogFileNum(3));
            BlockBasedTableConfig table = new BlockBasedTableConfig()
                    .setBlockCache(cache)
                    .setBlockSize(16 << 10)
                    .setCacheIndexAndFilterBlocks(true)
                    .setPinL0FilterAndIndexBlocksInCache(true);
            ColumnFamilyOptions small = push(resources, familyOptions(table, 4L << 20));
            ColumnFamilyOptions large = push(resources, familyOptions(table, 16L << 20));
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (String family : FAMILIES) {
                boolean busy = family.equals("queue") || family.equals("flights") || family.equals("retained");
                descriptors.add(new ColumnFamilyDescriptor(family.getBytes(StandardCharsets.US_ASCII),
                        busy ? large : small));
            }
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            RocksDB db;
            try {
                db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
            } catch (RocksDBException e) {
                if (isCorruption(e)) {
                    throw new DamagedException("opening it failed: " + e.getMessage(), e);
                }
                throw openFailure(dir, e);
            }
            resources.push(db);
            handles.forEach(resources::push); // closed before the database
            try {
                db.verifyChecksum();
            } catch (RocksDBException e) {
                if (isCorruption(e)) {
                    throw new DamagedException("a table file fails its checksums: " + e.getMessage(), e);
                }
                throw new StoreException("cannot check the RocksDB store " + dir + ": " + e.getMessage(), e);
            }
            WriteOptions syncWrites = push(resources, new WriteOptions().setSync(true));
            RocksDbStateStore store = new RocksDbStateStore(dir, resources, db, List.copyOf(handles), syncWrites);
            try {
                store.checkFormat(handles.get(7));
                store.loadMeta();
            } catch (StoreException e) {
                if (isCorruption(e)) {
                    throw new DamagedException("reading it failed: " + e.getMessage(), e);
                }
                throw e;
            }
            return store;
        } catch (RuntimeException | Error e) {
            closeAll(resources, e);
            throw e;
        }
    }

    /**
     * RocksDB extracts its native library from its jar into java.io.tmpdir and loads it from there: a temporary
     * directory mounted noexec, or a platform the jar has no library for, ends here.
     */
    private static void loadNativeLibrary() {
        try {
            RocksDB.loadLibrary();
        } catch (LinkageError | RuntimeException e) {
            throw new StoreException("cannot load RocksDB's native library for " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + " (it is unpacked into java.io.tmpdir="
                    + System.getProperty("java.io.tmpdir") + ", which must allow executing files): " + e, e);
        }
    }

    private static ColumnFamilyOptions familyOptions(BlockBasedTableConfig table, long writeBufferBytes) {
        return new ColumnFamilyOptions()
                .setWriteBufferSize(writeBufferBytes)
                .setMaxWriteBufferNumber(2)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setBottommostCompressionType(CompressionType.LZ4_COMPRESSION)
                .setLevelCompactionDynamicLevelBytes(true)
                .setTableFormatConfig(table);
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> resources, T resource) {
        resources.push(resource);
        return resource;
    }

    private static StoreException openFailure(Path dir, RocksDBException e) {
        Status status = e.getStatus();
        String detail = e.getMessage();
        if (status != null && status.getCode() == Status.Code.IOError && detail != null && detail.contains("LOCK")) {
            return new StoreException("another broker has the RocksDB store " + dir
                    + " open (its LOCK file is held); stop it or point persistence_location elsewhere: " + detail, e);
        }
        return new StoreException("cannot open the RocksDB store " + dir + ": " + detail, e);
    }

    /** A new store gets the current format; an existing one must have it. */
    private void checkFormat(ColumnFamilyHandle meta) {
        try {
            byte[] format = db.get(meta, FORMAT_KEY);
            if (format == null) {
                try (WriteBatch batch = new WriteBatch()) {
                    batch.put(meta, FORMAT_KEY, Values.format(FORMAT));
                    db.write(syncWrites, batch);
                }
            } else if (Values.format(format) != FORMAT) {
                throw new StoreException("the RocksDB store " + directory + " has format " + Values.format(format)
                        + "; this broker reads format " + FORMAT, null);
            }
        } catch (RocksDBException e) {
            throw new StoreException("cannot read the format of the RocksDB store " + directory + ": "
                    + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw corrupt("meta", FORMAT_KEY, e);
        }
    }

    /** Rebuilds which sessions exist and their flights' send order by packet id. */
    private void loadMeta() {
        try (ReadOptions options = new ReadOptions().setFillCache(false)) {
            scan(sessions, options, (key, it) -> {
                int prefix = Keys.clientPrefixLength(key);
                Values.SessionValue value = Values.session(it.value());
                live.put(Keys.clientId(key, prefix),
                        new SessionMeta(value.expiryIntervalSeconds(), value.disconnectedAtEpochMillis()));
            });
            scan(flights, options, (key, it) -> {
                int prefix = Keys.clientPrefixLength(key);
                if (key.length != prefix + 8) {
                    return; // a released marker
                }
                SessionMeta session = live.get(Keys.clientId(key, prefix));
                if (session != null) {
                    long order = Keys.longAt(key, prefix);
                    session.flightOrders.put(Values.flightPacketId(it.value()), order);
                    session.lastFlightOrder = Math.max(session.lastFlightOrder, order);
                }
            });
        }
    }

    // ---- apply ----

    /** The batch's view of the sessions: its own changes over {@link #live}. */
    private final class Staged {
        /** Sessions this batch changed; null for one it deleted. */
        final Map<String, SessionMeta> changed = new HashMap<>();

        SessionMeta get(String clientId) {
            return changed.containsKey(clientId) ? changed.get(clientId) : live.get(clientId);
        }

        /** A copy of the session that this batch may change, or null if it does not exist. */
        SessionMeta forChange(String clientId) {
            if (changed.containsKey(clientId)) {
                return changed.get(clientId);
            }
            SessionMeta current = live.get(clientId);
            if (current == null) {
                return null;
            }
            SessionMeta copy = new SessionMeta(current);
            changed.put(clientId, copy);
            return copy;
        }

        void commit() {
            changed.forEach((clientId, session) -> {
                if (session == null) {
                    live.remove(clientId);
                } else {
                    live.put(clientId, session);
                }
            });
        }
    }

    @Override
    public void apply(List<StoreOperation> operations) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            synchronized (live) {
                Staged staged = new Staged();
                try (WriteBatch batch = new WriteBatch()) {
                    for (StoreOperation operation : operations) {
                        stage(operation, batch, staged);
                    }
                    if (batch.count() > 0) {
                        writer.write(batch);
                    }
                } catch (RocksDBException e) {
                    throw new StoreException("could not write " + operations.size() + " operations to the RocksDB store "
                            + directory + " (none applied): " + e.getMessage(), e);
                }
                staged.commit();
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void stage(StoreOperation operation, WriteBatch batch, Staged staged) throws RocksDBException {
        if (operation instanceof SessionSaved saved) {
            SessionMeta session = staged.forChange(saved.clientId());
            if (session == null) {
                session = new SessionMeta(saved.expiryIntervalSeconds(), 0);
                staged.changed.put(saved.clientId(), session);
            }
            session.expiryIntervalSeconds = saved.expiryIntervalSeconds();
            session.disconnectedAt = 0;
            batch.put(sessions, Keys.session(saved.clientId()), Values.session(session.expiryIntervalSeconds, 0));
        } else if (operation instanceof SessionDisconnected disconnected) {
            SessionMeta session = staged.forChange(disconnected.clientId());
            if (session != null) {
                session.disconnectedAt = disconnected.atEpochMillis();
                batch.put(sessions, Keys.session(disconnected.clientId()),
                        Values.session(session.expiryIntervalSeconds, session.disconnectedAt));
            }
        } else if (operation instanceof SessionDeleted deleted) {
            if (staged.get(deleted.clientId()) != null) {
                staged.changed.put(deleted.clientId(), null);
                byte[] prefix = Keys.clientPrefix(deleted.clientId());
                byte[] end = Keys.successor(prefix);
                batch.delete(sessions, prefix);
                batch.deleteRange(subscriptions, prefix, end);
                batch.deleteRange(queue, prefix, end);
                batch.deleteRange(flights, prefix, end);
                batch.deleteRange(inboundQos2, prefix, end);
            }
        } else if (operation instanceof SubscriptionSaved saved) {
            if (staged.get(saved.clientId()) != null) {
                batch.put(subscriptions, Keys.subscription(saved.clientId(), saved.subscription().filter()),
                        Values.subscription(saved.subscription()));
            }
        } else if (operation instanceof SubscriptionDeleted deleted) {
            if (staged.get(deleted.clientId()) != null) {
                batch.delete(subscriptions, Keys.subscription(deleted.clientId(), deleted.filter()));
            }
        } else if (operation instanceof Enqueued enqueued) {
            if (staged.get(enqueued.clientId()) != null) {
                batch.put(queue, Keys.queue(enqueued.clientId(), enqueued.sequence()),
                        Values.queued(enqueued.delivery()));
            }
        } else if (operation instanceof Dequeued dequeued) {
            if (staged.get(dequeued.clientId()) != null) {
                batch.delete(queue, Keys.queue(dequeued.clientId(), dequeued.sequence()));
            }
        } else if (operation instanceof FlightStarted started) {
            SessionMeta session = staged.forChange(started.clientId());
            if (session != null) {
                // a packet id still in flight keeps its place, as in the reference store
                Long order = session.flightOrders.get(started.packetId());
                if (order == null) {
                    order = ++session.lastFlightOrder;
                    session.flightOrders.put(started.packetId(), order);
                } else {
                    batch.delete(flights, Keys.flightReleased(started.clientId(), order));
                }
                batch.put(flights, Keys.flight(started.clientId(), order),
                        Values.flight(started.packetId(), started.delivery()));
            }
        } else if (operation instanceof FlightReleased released) {
            SessionMeta session = staged.get(released.clientId());
            Long order = session == null ? null : session.flightOrders.get(released.packetId());
            if (order != null) {
                batch.put(flights, Keys.flightReleased(released.clientId(), order), new byte[0]);
            }
        } else if (operation instanceof FlightEnded ended) {
            SessionMeta session = staged.forChange(ended.clientId());
            Long order = session == null ? null : session.flightOrders.remove(ended.packetId());
            if (order != null) {
                batch.delete(flights, Keys.flight(ended.clientId(), order));
                batch.delete(flights, Keys.flightReleased(ended.clientId(), order));
            }
        } else if (operation instanceof InboundQos2Received received) {
            if (staged.get(received.clientId()) != null) {
                batch.put(inboundQos2, Keys.inboundQos2(received.clientId(), received.packetId()), new byte[0]);
            }
        } else if (operation instanceof InboundQos2Released released) {
            if (staged.get(released.clientId()) != null) {
                batch.delete(inboundQos2, Keys.inboundQos2(released.clientId(), released.packetId()));
            }
        } else if (operation instanceof RetainedSaved saved) {
            batch.put(retained, Keys.retained(saved.message().topic()), Values.retained(saved.message()));
        } else if (operation instanceof RetainedDeleted deleted) {
            batch.delete(retained, Keys.retained(deleted.topic()));
        } else {
            throw new IllegalArgumentException("unknown operation " + operation);
        }
    }

    // ---- reading ----

    /** Builds one recovered session. */
    private static final class SessionBuilder {
        final String clientId;
        final Values.SessionValue value;
        final List<Subscription> subscriptions = new ArrayList<>();
        final List<RecoveredFlight> flights = new ArrayList<>();
        final List<Integer> inbound = new ArrayList<>();
        long queued;

        SessionBuilder(String clientId, Values.SessionValue value) {
            this.clientId = clientId;
            this.value = value;
        }

        RecoveredSession build() {
            return new RecoveredSession(clientId, value.expiryIntervalSeconds(), value.disconnectedAtEpochMillis(),
                    subscriptions, flights, inbound, queued);
        }
    }

    /** Finds the session of a key, remembering the last prefix: keys of one session come one after another. */
    private static final class SessionLookup {
        private final Map<String, SessionBuilder> sessions;
        private byte[] lastKey;
        private int lastPrefix;
        private SessionBuilder last;

        SessionLookup(Map<String, SessionBuilder> sessions) {
            this.sessions = sessions;
        }

        /** The session the key belongs to, or null (a row left of a deleted session: none should exist). */
        SessionBuilder of(byte[] key) {
            if (lastKey != null && key.length >= lastPrefix
                    && Arrays.equals(key, 0, lastPrefix, lastKey, 0, lastPrefix)) {
                return last;
            }
            int prefix = Keys.clientPrefixLength(key);
            lastKey = key;
            lastPrefix = prefix;
            last = sessions.get(Keys.clientId(key, prefix));
            return last;
        }

        int prefixLength() {
            return lastPrefix;
        }
    }

    @Override
    public RecoveredState recover() {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            Snapshot snapshot = db.getSnapshot();
            try (ReadOptions options = new ReadOptions().setSnapshot(snapshot).setFillCache(false)) {
                Map<String, SessionBuilder> builders = new LinkedHashMap<>();
                scan(sessions, options, (key, it) -> {
                    String clientId = Keys.clientId(key, Keys.clientPrefixLength(key));
                    builders.put(clientId, new SessionBuilder(clientId, Values.session(it.value())));
                });
                SessionLookup subscriptionOwners = new SessionLookup(builders);
                scan(subscriptions, options, (key, it) -> {
                    SessionBuilder session = subscriptionOwners.of(key);
                    if (session != null) {
                        String filter = Keys.textAfter(key, subscriptionOwners.prefixLength());
                        session.subscriptions.add(Values.subscription(filter, it.value()));
                    }
                });
                SessionLookup flightOwners = new SessionLookup(builders);
                byte[][] lastFlightKey = new byte[1][];
                scan(flights, options, (key, it) -> {
                    SessionBuilder session = flightOwners.of(key);
                    if (session == null) {
                        return;
                    }
                    if (key.length == flightOwners.prefixLength() + 8) {
                        byte[] value = it.value();
                        session.flights.add(new RecoveredFlight(Values.flightPacketId(value),
                                Values.flightDelivery(value), false));
                        lastFlightKey[0] = key;
                    } else if (lastFlightKey[0] != null
                            && Arrays.equals(key, 0, key.length - 1, lastFlightKey[0], 0, lastFlightKey[0].length)) {
                        // the released marker sorts right after its flight
                        RecoveredFlight flight = session.flights.remove(session.flights.size() - 1);
                        session.flights.add(new RecoveredFlight(flight.packetId(), flight.delivery(), true));
                    }
                });
                SessionLookup inboundOwners = new SessionLookup(builders);
                scan(inboundQos2, options, (key, it) -> {
                    SessionBuilder session = inboundOwners.of(key);
                    if (session != null) {
                        session.inbound.add(Keys.packetIdAt(key, inboundOwners.prefixLength()));
                    }
                });
                SessionLookup queueOwners = new SessionLookup(builders);
                scan(queue, options, (key, it) -> {
                    SessionBuilder session = queueOwners.of(key);
                    if (session != null) {
                        session.queued++;
                    }
                });
                List<StoredMessage> retainedMessages = new ArrayList<>();
                scan(retained, options, (key, it) -> retainedMessages.add(Values.retained(Keys.topic(key), it.value())));
                List<RecoveredSession> recovered = new ArrayList<>(builders.size());
                builders.values().forEach(builder -> recovered.add(builder.build()));
                return new RecoveredState(recovered, retainedMessages);
            } finally {
                db.releaseSnapshot(snapshot);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public List<QueuedMessage> readQueue(String clientId, long afterSequence, int limit) {
        if (limit <= 0 || afterSequence == Long.MAX_VALUE) {
            return List.of();
        }
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            byte[] prefix = Keys.clientPrefix(clientId);
            List<QueuedMessage> page = new ArrayList<>(Math.min(limit, 1_024));
            try (Slice end = new Slice(Keys.successor(prefix));
                 ReadOptions options = new ReadOptions().setIterateUpperBound(end);
                 RocksIterator it = db.newIterator(queue, options)) {
                it.seek(Keys.queue(prefix, afterSequence + 1));
                while (it.isValid() && page.size() < limit) {
                    byte[] key = it.key();
                    try {
                        page.add(new QueuedMessage(Keys.longAt(key, prefix.length), Values.queued(it.value())));
                    } catch (RuntimeException e) {
                        throw corrupt("queue", key, e);
                    }
                    it.next();
                }
                it.status();
            } catch (RocksDBException e) {
                throw new StoreException("could not read the queue of '" + clientId + "' from the RocksDB store "
                        + directory + ": " + e.getMessage(), e);
            }
            return page;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Visits one row; the iterator is positioned on it. */
    private interface Row {
        void accept(byte[] key, RocksIterator it);
    }

    private void scan(ColumnFamilyHandle family, ReadOptions options, Row row) {
        String name = FAMILIES.get(familyIndex(family));
        try (RocksIterator it = db.newIterator(family, options)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] key = it.key();
                try {
                    row.accept(key, it);
                } catch (RuntimeException e) {
                    throw corrupt(name, key, e);
                }
            }
            it.status();
        } catch (RocksDBException e) {
            throw new StoreException("could not read " + name + " from the RocksDB store " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    private int familyIndex(ColumnFamilyHandle family) {
        ColumnFamilyHandle[] known = {null, sessions, subscriptions, queue, flights, inboundQos2, retained};
        for (int i = 1; i < known.length; i++) {
            if (known[i] == family) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown column family");
    }

    private StoreException corrupt(String family, byte[] key, RuntimeException cause) {
        return new StoreException("the RocksDB store " + directory + " holds an unreadable row in " + family
                + " (key " + Keys.hex(key) + "): " + cause.getMessage(), cause);
    }

    // ---- lifecycle ----

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the RocksDB store " + directory + " is closed");
        }
    }

    /** The open database and its column families in {@link #FAMILIES} order, for {@link Salvage}. */
    RocksDB database() {
        return db;
    }

    List<ColumnFamilyHandle> handles() {
        return handles;
    }

    static List<String> families() {
        return FAMILIES;
    }

    /** Rebuilds the sessions' metadata after {@link Salvage} wrote rows behind the store's back. */
    void reloadMeta() {
        synchronized (live) {
            live.clear();
            loadMeta();
        }
    }

    /** Flushes the memtables into table files (tests corrupt those). */
    void flush() {
        try (org.rocksdb.FlushOptions options = new org.rocksdb.FlushOptions().setWaitForFlush(true)) {
            db.flush(options, handles.subList(1, handles.size()));
        } catch (RocksDBException e) {
            throw new StoreException("flush failed: " + e.getMessage(), e);
        }
    }

    /** Replaces how batches are written (tests make writes fail with it). */
    void batchWriter(BatchWriter replacement) {
        this.writer = replacement;
    }

    /** The directory the database lives in. */
    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeAll(resources, null);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** Closes the resources, last opened first; a failure is added to {@code pending} or thrown. */
    private static void closeAll(Deque<AutoCloseable> resources, Throwable pending) {
        Throwable failure = pending;
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                if (resource instanceof RocksDB db) {
                    db.closeE(); // reports an error that close() would swallow
                } else {
                    resource.close();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null && pending == null) {
            throw new StoreException("closing the RocksDB store failed: " + failure.getMessage(), failure);
        }
    }
}
