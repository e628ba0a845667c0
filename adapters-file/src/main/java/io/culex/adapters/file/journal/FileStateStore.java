package io.culex.adapters.file.journal;

import io.culex.domain.persistence.RecoveredState;
import io.culex.domain.persistence.RecoveredState.QueuedMessage;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.persistence.StoreOperation.Enqueued;
import io.culex.domain.port.StateStore;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The {@code file} backend's {@link StateStore}: an append-only journal of checksummed records, one per
 * {@link #apply} batch, on top of a snapshot, with the state rebuilt in memory at open except the queued
 * messages' bytes, which stay in the files (see the package documentation for the format and the protocol).
 * {@link #apply} is called from one writer thread; {@link #readQueue} and {@link #recover} may run on others.
 */
public final class FileStateStore implements StateStore {

    private static final System.Logger LOG = System.getLogger(FileStateStore.class.getName());
    /** What damage an open found and what was lost: where operators look for the store's health. */
    private static final System.Logger LOSS = System.getLogger("io.culex.store");

    /** Default: compact once the journal passes 64 MiB and twice the live data. */
    public static final long DEFAULT_COMPACTION_THRESHOLD = 64L << 20;
    /** Default: a compaction in progress writes at least 1 MiB of snapshot after each batch. */
    public static final long DEFAULT_COMPACTION_STEP = 1L << 20;

    /** Tuning and test hooks. */
    record Options(long compactionThreshold, long compactionStep, Probe probe) {
        static final Options DEFAULT = new Options(DEFAULT_COMPACTION_THRESHOLD, DEFAULT_COMPACTION_STEP, step -> { });
    }

    /** Called at each step of a compaction (tests copy the files there to simulate a crash at that point). */
    interface Probe {
        void at(String step) throws IOException;
    }

    private final Options options;
    private final Path directory;
    private final Path journalPath;
    private final Path oldJournalPath;
    private final Path journalTmpPath;
    private final Path snapshotPath;
    private final Path snapshotTmpPath;
    private final Path lockPath;
    private final FileChannel lockChannel;
    private final FileLock fileLock;

    /** Open files by {@link Locations} tag: 0 the snapshot, 2 and 3 journals by generation parity. */
    private final FileChannel[] channels = new FileChannel[4];
    private final Path[] paths = new Path[4];
    private final long[] generations = new long[4];

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final LiveState state = new LiveState();
    private long snapshotGeneration;
    private long journalGeneration;
    private FileChannel journal;
    private long journalEnd;
    private Codec.Output batch = new Codec.Output(64 * 1024);

    private SnapshotWriter compaction;
    private FileChannel compactionOut;
    private long compactionGeneration;
    private long compactionStarted;
    private boolean compactionDisabled;

    private IOException failure;
    /** The damaged regions the open skipped, one line each (file, byte range, problem), for tests. */
    private final List<String> losses = new ArrayList<>();
    /** The copies of damaged files the open made, by file. */
    private final Map<Path, Path> copies = new HashMap<>();
    /** Whether damage was skipped at open, so that the files are rewritten before it returns. */
    private boolean rewriteAtOpen;
    private Thread cleanup;
    private volatile boolean closed;

    private FileStateStore(Path directory, String fileName, Options options) {
        this.options = options;
        this.directory = directory;
        this.journalPath = directory.resolve(fileName + ".journal");
        this.oldJournalPath = directory.resolve(fileName + ".journal.old");
        this.journalTmpPath = directory.resolve(fileName + ".journal.tmp");
        this.snapshotPath = directory.resolve(fileName + ".snapshot");
        this.snapshotTmpPath = directory.resolve(fileName + ".snapshot.tmp");
        this.lockPath = directory.resolve(fileName + ".lock");
        try {
            Files.createDirectories(directory);
        } catch (IOException | SecurityException e) {
            throw new StoreException("cannot create the persistence directory " + directory.toAbsolutePath() + ": "
                    + describe(e), e);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | SecurityException e) {
            throw new StoreException("cannot write in the persistence directory " + directory.toAbsolutePath()
                    + " (creating " + lockPath.getFileName() + "): " + describe(e), e);
        }
        FileLock acquired;
        try {
            acquired = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("cannot lock " + lockPath.toAbsolutePath() + ": " + describe(e), e);
        }
        if (acquired == null) {
            closeQuietly(channel);
            throw new StoreException("the store " + directory.resolve(fileName).toAbsolutePath()
                    + " is in use by another broker (" + lockPath.toAbsolutePath() + " is locked)", null);
        }
        this.lockChannel = channel;
        this.fileLock = acquired;
    }

    /**
     * Opens (creating if needed) the store {@code fileName} in {@code directory}: replays its snapshot and
     * journal, cutting off a record cut short by a crash at the journal's end. Damage anywhere else is skipped
     * (the file is copied aside first, the lost byte ranges logged on {@code io.culex.store}) and the files are
     * rewritten without it; see the package documentation.
     *
     * @throws StoreException when the directory cannot be used, another process holds the store, a file of the
     *                        store is missing (a generation gap), or the repair cannot write
     */
    public static FileStateStore open(Path directory, String fileName) {
        return open(directory, fileName, Options.DEFAULT);
    }

    static FileStateStore open(Path directory, String fileName, Options options) {
        FileStateStore store = new FileStateStore(directory, fileName, options);
        try {
            store.load();
            return store;
        } catch (IOException e) {
            store.releaseAll();
            throw new StoreException("cannot open the store in " + directory.toAbsolutePath() + ": " + describe(e), e);
        } catch (RuntimeException | Error e) {
            store.releaseAll();
            throw e;
        }
    }

    // ---- opening ----

    private void load() throws IOException {
        Files.deleteIfExists(snapshotTmpPath);
        Files.deleteIfExists(journalTmpPath);
        long started = System.nanoTime();
        snapshotGeneration = 0;
        FileChannel snapshot = null;
        Long snapshotHeader = null;
        if (Files.exists(snapshotPath)) {
            snapshot = FileChannel.open(snapshotPath, StandardOpenOption.READ);
            install(Locations.SNAPSHOT, snapshot, snapshotPath, 0);
            snapshotHeader = generationOf(snapshot, snapshotPath, Records.SNAPSHOT_MAGIC);
        }
        List<Path> found = new ArrayList<>();
        List<Long> foundGenerations = new ArrayList<>();
        for (Path path : List.of(oldJournalPath, journalPath)) {
            if (Files.exists(path)) {
                try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                    found.add(path);
                    foundGenerations.add(generationOf(channel, path, Records.JOURNAL_MAGIC));
                }
            }
        }
        inferGenerations(found, foundGenerations, snapshot != null, snapshotHeader);
        if (snapshot != null) {
            snapshotGeneration = snapshotHeader != null ? snapshotHeader : inferredSnapshotGeneration;
            generations[Locations.SNAPSHOT] = snapshotGeneration;
            replay(snapshot, snapshotPath, Locations.SNAPSHOT, true, false);
        }
        List<Path> journals = new ArrayList<>();
        List<Long> journalGenerations = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Path path = found.get(i);
            long generation = foundGenerations.get(i);
            if (generation < snapshotGeneration) {
                // a compaction wrote the snapshot that holds it but stopped before deleting it
                Files.deleteIfExists(path);
                continue;
            }
            journals.add(path);
            journalGenerations.add(generation);
        }
        long expected = snapshotGeneration;
        for (int i = 0; i < journals.size(); i++) {
            if (journalGenerations.get(i) != expected) {
                throw new StoreException("the journal " + journals.get(i).toAbsolutePath() + " has generation "
                        + journalGenerations.get(i) + " where " + expected + " was expected after the snapshot "
                        + snapshotPath.toAbsolutePath() + " (generation " + snapshotGeneration
                        + "): a file of the store is missing or from another store", null);
            }
            expected++;
        }
        for (int i = 0; i < journals.size(); i++) {
            Path path = journals.get(i);
            long generation = journalGenerations.get(i);
            boolean last = i == journals.size() - 1; // only the file written last can end in a torn write
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            int tag = Locations.journalTag(generation);
            install(tag, channel, path, generation);
            journalEnd = replay(channel, path, tag, false, last);
            journal = channel;
            journalGeneration = generation;
        }
        if (journals.size() > 1 || (journals.size() == 1 && !journals.get(0).equals(journalPath))) {
            // a compaction was cut short: finish the job now, into a snapshot that holds every journal
            long generation = journalGenerations.get(journalGenerations.size() - 1) + 1;
            compactAtOpen(generation);
        } else {
            if (journals.isEmpty()) {
                journalGeneration = snapshotGeneration;
                journal = createJournal(journalGeneration);
                install(Locations.journalTag(journalGeneration), journal, journalPath, journalGeneration);
                journalEnd = Records.FILE_HEADER_SIZE;
            }
            if (rewriteAtOpen) {
                // damage was skipped: a snapshot of what was kept and a fresh journal make the next open clean
                compactAtOpen(journalGeneration + 1);
            }
        }
        if (!losses.isEmpty()) {
            LOSS.log(Level.WARNING, "the store " + journalPath.toAbsolutePath() + " was damaged and has been repaired"
                    + " (" + losses.size() + " damaged " + (losses.size() == 1 ? "region" : "regions")
                    + " skipped, every intact record kept): it opened with " + state.sessions.size() + " sessions, "
                    + state.retained.size() + " retained, " + state.queuedEntries() + " queued messages");
        }
        LOG.log(Level.DEBUG, () -> "opened " + journalPath + ": " + state.sessions.size() + " sessions, "
                + state.retained.size() + " retained, " + state.queuedEntries() + " queued in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private void compactAtOpen(long generation) throws IOException {
        try {
            compactNow(generation);
        } catch (IOException e) {
            abortCompaction(e);
            throw e;
        }
    }

    /** The snapshot's generation when its header is damaged: the oldest journal's, which must follow it. */
    private long inferredSnapshotGeneration;

    /**
     * Gives a file whose header is damaged the generation its place implies: the snapshot that of the oldest
     * journal; {@code journal.old} the one before {@code journal}, or the snapshot's; {@code journal} the one
     * after {@code journal.old}, or the snapshot's. Its records are still read (resynchronising on the first
     * valid one); the open then rewrites the files.
     */
    private void inferGenerations(List<Path> journals, List<Long> journalGenerations, boolean snapshotExists,
                                  Long snapshotHeader) {
        long oldest = Long.MAX_VALUE;
        for (Long generation : journalGenerations) {
            if (generation != null) {
                oldest = Math.min(oldest, generation);
            }
        }
        Long known = snapshotHeader;
        if (snapshotExists && snapshotHeader == null) {
            inferredSnapshotGeneration = oldest == Long.MAX_VALUE ? 0 : oldest;
            known = inferredSnapshotGeneration;
        }
        long base = known == null ? 0 : known;
        for (int i = 0; i < journals.size(); i++) {
            if (journalGenerations.get(i) != null) {
                continue;
            }
            long generation;
            if (journals.get(i).equals(oldJournalPath)) {
                Long next = journals.size() > 1 ? journalGenerations.get(1) : null;
                generation = next != null ? next - 1 : base;
            } else {
                Long previous = journals.size() > 1 ? journalGenerations.get(0) : null;
                generation = previous != null ? previous + 1 : base;
            }
            journalGenerations.set(i, Math.max(generation, base));
        }
    }

    /** The generation in a file's header, or null when the header is damaged (the loss is reported). */
    private Long generationOf(FileChannel channel, Path path, byte[] magic) throws IOException {
        try {
            return Records.readGeneration(channel, magic);
        } catch (Records.BadFileException e) {
            if (channel.size() == 0 || Files.size(path) == 0) {
                lose(path, 0, 0, "the file is empty (" + e.getMessage() + ")", -1);
            } else {
                lose(path, 0, Math.min(Records.FILE_HEADER_SIZE, channel.size()), "its header is damaged: "
                        + e.getMessage() + "; its generation is taken from the other files and its records are"
                        + " still read", -2);
            }
            return null;
        }
    }

    private void install(int tag, FileChannel channel, Path path, long generation) {
        channels[tag] = channel;
        paths[tag] = path;
        generations[tag] = generation;
    }

    /** A queued delivery decoded from a record that is not known to be intact yet. */
    private record PendingEnqueue(String clientId, long sequence, long location) {
    }

    /**
     * Replays the records of a file into the state; returns where the valid records end. A damaged region
     * (a record failing its checksum, a bad length, zeros, a record that does not decode or has an unknown
     * version) is skipped up to the next valid record, reported by {@link #lose}, and makes the open rewrite the
     * files; damage that runs to the end of the journal written last is a write cut short by a crash, cut off.
     */
    private long replay(FileChannel channel, Path path, int tag, boolean snapshot, boolean last)
            throws IOException {
        long size = channel.size();
        Records.Reader reader = new Records.Reader(channel, Math.min(Records.FILE_HEADER_SIZE, size), size);
        long[] endCount = {-1};
        boolean ended = false;
        boolean damaged = false;
        long records = 0;
        List<Object> pending = new ArrayList<>();
        Codec.OperationSink sink = new Codec.OperationSink() {
            @Override
            public void operation(StoreOperation operation) {
                pending.add(operation);
            }

            @Override
            public void enqueued(String clientId, long sequence, int deliveryOffset, int deliveryLength) {
                pending.add(new PendingEnqueue(clientId, sequence,
                        Locations.pack(tag, reader.windowStart + deliveryOffset, deliveryLength)));
            }
        };
        long end = reader.position();
        while (true) {
            if (reader.next()) {
                long offset = reader.position();
                long recordEnd = reader.windowStart + reader.bodyEnd;
                pending.clear();
                String problem = null;
                int count = -1;
                boolean endRecord = false;
                if (ended) {
                    problem = "a record after the snapshot's end record";
                } else {
                    Codec.Input in = new Codec.Input(reader.window, reader.bodyStart, reader.bodyEnd);
                    try {
                        int version = in.u8();
                        if (version != Codec.RECORD_VERSION) {
                            problem = "a record of version " + version + ", which this Culex cannot read ("
                                    + Codec.RECORD_VERSION + " only): written by a newer version?";
                        } else {
                            count = in.i32();
                            for (int i = 0; i < count; i++) {
                                if (!Codec.readOperation(in, sink, endCount)) {
                                    if (!snapshot) {
                                        throw new Codec.MalformedException("a snapshot end record in a journal");
                                    }
                                    endRecord = true;
                                }
                            }
                            if (in.hasMore()) {
                                throw new Codec.MalformedException((in.end - in.position)
                                        + " bytes after the last operation");
                            }
                        }
                    } catch (Codec.MalformedException | IllegalArgumentException | NullPointerException
                             | IndexOutOfBoundsException e) {
                        problem = "a record that passes its checksum but does not decode (" + e.getMessage() + ")";
                    }
                }
                if (problem != null) {
                    damaged = true;
                    lose(path, offset, recordEnd, problem, count >= 0 ? count : reader.claimedCount(offset));
                    continue;
                }
                for (Object item : pending) {
                    if (item instanceof PendingEnqueue e) {
                        state.enqueue(e.clientId(), e.sequence(), e.location());
                    } else {
                        state.apply((StoreOperation) item);
                    }
                }
                ended |= endRecord;
                records++;
                end = recordEnd;
                continue;
            }
            if (reader.problem == null) {
                break; // the clean end of the file
            }
            long from = reader.position();
            long next = reader.nextValidRecord(from);
            if (next < 0 && last) {
                Path copy = copyAside(path);
                LOSS.log(Level.WARNING, "ignoring the last " + (reader.size - from) + " bytes of "
                        + path.toAbsolutePath() + " from offset " + from + " to " + reader.size + " ("
                        + reader.problem + (reader.zeroFilled(from, reader.size) ? ", zero-filled" : "")
                        + countClause(reader.claimedCount(from)) + "): a write cut short by a crash, never"
                        + " acknowledged; the file is truncated there (a copy of it as found is "
                        + copy.toAbsolutePath() + ")");
                losses.add(path.toAbsolutePath() + " [" + from + ", " + reader.size + "): " + reader.problem
                        + " (torn tail)");
                channel.truncate(from);
                channel.force(true);
                end = from;
                break;
            }
            long to = next < 0 ? reader.size : next;
            damaged = true;
            lose(path, from, to, reader.problem + (reader.zeroFilled(from, to) ? ", zero-filled" : ""),
                    reader.claimedCount(from));
            if (next < 0) {
                break;
            }
            reader.skipTo(next);
        }
        if (snapshot) {
            if (!ended && !damaged) {
                lose(path, end, reader.size, "the snapshot has no end record: it was cut short after its last"
                        + " intact record, and whatever it held after that is lost", -1);
            } else if (ended && endCount[0] != records - 1) {
                lose(path, Records.FILE_HEADER_SIZE, reader.size, "the snapshot's end record counts " + endCount[0]
                        + " records before it and " + (records - 1) + " intact ones were read: "
                        + Math.max(0, endCount[0] - (records - 1)) + " records of sessions or retained messages are"
                        + " lost (their ranges are reported above)", -2);
            } else if (!ended) {
                lose(path, end, reader.size, "the snapshot's end record is lost too, so how many of its records"
                        + " were lost is unknown", -2);
            }
        }
        return end;
    }

    /**
     * Reports a damaged region of a store file: copies the file aside (once), logs what was lost at WARNING on
     * {@code io.culex.store}, and makes the open rewrite the files. {@code operations} is the count the damaged
     * record's header claims, -1 when unreadable, -2 when the region is a file header.
     */
    private void lose(Path path, long from, long to, String problem, int operations) throws IOException {
        Path copy = copyAside(path);
        rewriteAtOpen = true;
        String what = operations == -2 ? ""
                : from == to ? ""
                : operations >= 0 ? "; its header counts " + operations + " operations, which are lost"
                : "; how many operations it held is unknown (no readable record header)";
        String line = path.toAbsolutePath() + " [" + from + ", " + to + "): " + problem;
        losses.add(line);
        LOSS.log(Level.WARNING, "the store file " + path.toAbsolutePath() + " is damaged from offset " + from
                + " to " + to + " (" + (to - from) + " bytes): " + problem + what
                + ". Every intact record before and after it is kept; later changes to what it held (a message it"
                + " enqueued, a session it saved) may have been partial. A copy of the file as found is "
                + copy.toAbsolutePath() + "; the store is rewritten without the damage");
    }

    private static String countClause(int operations) {
        return operations >= 0 ? "; its header counts " + operations + " operations" : "";
    }

    /** Copies a damaged file to {@code <name>.damaged-<epochmillis>} before anything changes it (once an open). */
    private Path copyAside(Path path) throws IOException {
        Path done = copies.get(path);
        if (done != null) {
            return done;
        }
        long now = System.currentTimeMillis();
        Path copy = path.resolveSibling(path.getFileName() + ".damaged-" + now);
        for (int i = 1; Files.exists(copy); i++) {
            copy = path.resolveSibling(path.getFileName() + ".damaged-" + now + "-" + i);
        }
        Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
        copies.put(path, copy);
        return copy;
    }

    private FileChannel createJournal(long generation) throws IOException {
        // a cleanup still running may be about to delete the journal this one replaces: let it finish first
        awaitCleanup();
        Files.deleteIfExists(journalTmpPath);
        try (FileChannel tmp = FileChannel.open(journalTmpPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] header = Records.fileHeader(Records.JOURNAL_MAGIC, generation);
            Records.writeFully(tmp, header, header.length, 0);
            tmp.force(true);
        }
        Files.move(journalTmpPath, journalPath, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
        return FileChannel.open(journalPath, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // not every platform can sync a directory; the renames are still atomic
        }
    }

    // ---- the port ----

    @Override
    public void apply(List<StoreOperation> operations) {
        if (closed) {
            throw new StoreException("the store " + journalPath.toAbsolutePath() + " is closed", null);
        }
        if (failure != null) {
            throw new StoreException("the store " + journalPath.toAbsolutePath() + " failed earlier ("
                    + describe(failure) + ") and takes no more writes until the broker restarts", failure);
        }
        if (operations.isEmpty()) {
            return;
        }
        Codec.Output out = batch;
        int[] enqueuedAt = new int[countEnqueued(operations)];
        try {
            Records.begin(out);
            int enqueued = 0;
            for (StoreOperation operation : operations) {
                int at = Codec.writeOperation(out, operation);
                if (at >= 0) {
                    enqueuedAt[enqueued++] = at;
                }
            }
            Records.seal(out, operations.size());
        } catch (IllegalArgumentException e) {
            throw new StoreException("cannot encode a batch of " + operations.size() + " operations: "
                    + e.getMessage(), e);
        }
        long position = journalEnd;
        if (position + out.length > Locations.MAX_OFFSET) {
            throw new StoreException("the journal " + journalPath.toAbsolutePath() + " would pass 256 GiB", null);
        }
        try {
            Records.writeFully(journal, out.buffer, out.length, position);
        } catch (IOException e) {
            try {
                journal.truncate(position);
            } catch (IOException again) {
                failure = e;
            }
            throw new StoreException("cannot append to " + journalPath.toAbsolutePath() + ": " + describe(e), e);
        }
        try {
            journal.force(false);
        } catch (IOException e) {
            failure = e; // after a failed fsync the kernel may have dropped the pages: nothing is certain any more
            throw new StoreException("cannot sync " + journalPath.toAbsolutePath() + ": " + describe(e), e);
        }
        int recordLength = out.length;
        journalEnd = position + recordLength;
        int tag = Locations.journalTag(journalGeneration);
        lock.writeLock().lock();
        try {
            int enqueued = 0;
            for (StoreOperation operation : operations) {
                if (operation instanceof Enqueued e) {
                    int at = enqueuedAt[enqueued++];
                    state.enqueue(e.clientId(), e.sequence(),
                            Locations.pack(tag, position + at, Codec.getInt(out.buffer, at)));
                } else {
                    state.apply(operation);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
        if (out.buffer.length > 8 << 20) {
            batch = new Codec.Output(64 * 1024);
        }
        compactIfDue(recordLength);
    }

    private static int countEnqueued(List<StoreOperation> operations) {
        int count = 0;
        for (StoreOperation operation : operations) {
            if (operation instanceof Enqueued) {
                count++;
            }
        }
        return count;
    }

    @Override
    public RecoveredState recover() {
        lock.readLock().lock();
        try {
            checkOpen();
            return state.toRecoveredState();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<QueuedMessage> readQueue(String clientId, long afterSequence, int limit) {
        lock.readLock().lock();
        try {
            checkOpen();
            LiveState.Session session = state.sessions.get(clientId);
            if (session == null || limit <= 0) {
                return List.of();
            }
            int most = Math.min(limit, session.queue.size());
            long[] sequences = new long[most];
            long[] locations = new long[most];
            int count = session.queue.page(afterSequence, most, sequences, locations);
            DeliveryReader reader = new DeliveryReader(channels, paths, 64 * 1024);
            List<QueuedMessage> page = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                try {
                    page.add(new QueuedMessage(sequences[i], Codec.decodeDelivery(reader.read(locations[i]))));
                } catch (IOException | Codec.MalformedException e) {
                    throw new StoreException("cannot read queued message " + sequences[i] + " of '" + clientId
                            + "' from " + reader.path(locations[i]).toAbsolutePath() + " at offset "
                            + Locations.offset(locations[i]) + ": " + e.getMessage(), e);
                }
            }
            return page;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("the store " + journalPath.toAbsolutePath() + " is closed", null);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (compaction != null && failure == null) {
            try {
                compaction.writeSome(Long.MAX_VALUE);
                finishCompaction();
            } catch (IOException | RuntimeException e) {
                abortCompaction(e);
            }
        }
        awaitCleanup();
        lock.writeLock().lock();
        try {
            closed = true;
            releaseAll();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Simulates a crash for tests: releases everything without finishing anything. */
    void crash() {
        awaitCleanup();
        lock.writeLock().lock();
        try {
            closed = true;
            releaseAll();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void releaseAll() {
        closeQuietly(compactionOut);
        compactionOut = null;
        compaction = null;
        for (int tag = 0; tag < channels.length; tag++) {
            closeQuietly(channels[tag]);
            channels[tag] = null;
        }
        try {
            fileLock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(lockChannel);
    }

    // ---- compaction ----

    private void compactIfDue(int recordLength) {
        try {
            if (compaction == null) {
                if (compactionDisabled || journalEnd <= options.compactionThreshold()
                        || journalEnd <= 2 * state.liveBytes()) {
                    return;
                }
                startCompaction();
            }
            if (compaction.writeSome(Math.max(options.compactionStep(), 2L * recordLength))) {
                finishCompaction();
            } else {
                compactionOut.force(false); // a step's worth at a time, rather than all of it when it ends
                options.probe().at("snapshot-step");
            }
        } catch (IOException | RuntimeException e) {
            abortCompaction(e);
        }
    }

    /** Freezes the journal as the old one, starts a new journal, and begins the snapshot of the state so far. */
    private void startCompaction() throws IOException {
        compactionStarted = System.nanoTime();
        long generation = journalGeneration + 1;
        // The previous compaction's cleanup deletes a file of the name the journal is about to get: let it finish.
        awaitCleanup();
        Files.move(journalPath, oldJournalPath, StandardCopyOption.ATOMIC_MOVE);
        paths[Locations.journalTag(journalGeneration)] = oldJournalPath;
        options.probe().at("journal-moved");
        FileChannel fresh = createJournal(generation);
        lock.writeLock().lock();
        try {
            install(Locations.journalTag(generation), fresh, journalPath, generation);
        } finally {
            lock.writeLock().unlock();
        }
        journal = fresh;
        journalGeneration = generation;
        journalEnd = Records.FILE_HEADER_SIZE;
        options.probe().at("rotated");
        beginSnapshot(generation);
    }

    private void beginSnapshot(long generation) throws IOException {
        Files.deleteIfExists(snapshotTmpPath);
        compactionOut = FileChannel.open(snapshotTmpPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        byte[] header = Records.fileHeader(Records.SNAPSHOT_MAGIC, generation);
        Records.writeFully(compactionOut, header, header.length, 0);
        compactionGeneration = generation;
        compaction = new SnapshotWriter(compactionOut, snapshotTmpPath, state, channels.clone(), paths.clone());
    }

    /** At open after a compaction was cut short: a snapshot of everything, then a fresh journal. */
    private void compactNow(long generation) throws IOException {
        compactionStarted = System.nanoTime();
        beginSnapshot(generation);
        compaction.writeSome(Long.MAX_VALUE);
        finishCompaction();
        journal = createJournal(generation);
        install(Locations.journalTag(generation), journal, journalPath, generation);
        journalGeneration = generation;
        journalEnd = Records.FILE_HEADER_SIZE;
    }

    /** Syncs and renames the snapshot, points the index at it, and deletes the journals it holds. */
    private void finishCompaction() throws IOException {
        SnapshotWriter writer = compaction;
        if (!writer.done()) {
            throw new IllegalStateException("the snapshot is not complete");
        }
        compactionOut.force(true);
        compactionOut.close();
        compactionOut = null;
        Files.move(snapshotTmpPath, snapshotPath, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
        options.probe().at("snapshot-renamed");
        FileChannel snapshot = FileChannel.open(snapshotPath, StandardOpenOption.READ);
        List<FileChannel> obsolete = new ArrayList<>();
        List<Path> obsoletePaths = new ArrayList<>();
        lock.writeLock().lock();
        try {
            if (channels[Locations.SNAPSHOT] != null) {
                obsolete.add(channels[Locations.SNAPSHOT]);
            }
            install(Locations.SNAPSHOT, snapshot, snapshotPath, compactionGeneration);
            for (SnapshotWriter.FrozenSession frozen : writer.sessions()) {
                LiveState.Session live = state.sessions.get(frozen.clientId);
                if (live == null) {
                    continue;
                }
                live.queue.replaceAll(frozen.sequences, frozen.oldLocations, frozen.newLocations);
            }
            for (int tag = 2; tag < 4; tag++) {
                if (channels[tag] != null && generations[tag] < compactionGeneration) {
                    obsolete.add(channels[tag]);
                    obsoletePaths.add(paths[tag]);
                    channels[tag] = null;
                    paths[tag] = null;
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
        snapshotGeneration = compactionGeneration;
        compaction = null;
        obsolete.forEach(FileStateStore::closeQuietly);
        deleteLater(obsoletePaths);
        long millis = (System.nanoTime() - compactionStarted) / 1_000_000;
        LOG.log(Level.INFO, () -> "compacted " + snapshotPath.toAbsolutePath() + ": " + writer.bytesWritten()
                + " bytes, " + writer.sessions().size() + " sessions, " + writer.queuedWritten()
                + " queued messages, in " + millis + " ms");
        options.probe().at("done");
    }

    /**
     * Deletes journals a snapshot now holds, on a thread of its own: unlinking a large file can take tens of
     * milliseconds that the writer thread need not wait for. A crash before it is done leaves files that the next
     * open recognises by their generation and deletes.
     */
    private void deleteLater(List<Path> obsoletePaths) {
        if (obsoletePaths.isEmpty()) {
            return;
        }
        awaitCleanup();
        cleanup = new Thread(() -> {
            for (Path path : obsoletePaths) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "cannot delete " + path.toAbsolutePath() + ", which the snapshot now holds: "
                            + describe(e) + "; the next open deletes it");
                }
            }
            syncDirectory();
        }, "culex-file-store-cleanup");
        cleanup.setDaemon(true);
        cleanup.start();
    }

    private void awaitCleanup() {
        Thread running = cleanup;
        if (running == null) {
            return;
        }
        try {
            running.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cleanup = null;
    }

    /** A compaction failed: its temporary file goes; the old files stay and the next open finishes the job. */
    private void abortCompaction(Throwable cause) {
        LOG.log(Level.WARNING, "compaction of " + journalPath.toAbsolutePath() + " failed (" + cause
                + "); the store keeps working on its journals and compacts when it is next opened", cause);
        closeQuietly(compactionOut);
        compactionOut = null;
        compaction = null;
        compactionDisabled = true;
        try {
            Files.deleteIfExists(snapshotTmpPath);
        } catch (IOException e) {
            // removed at the next open
        }
    }

    // ---- figures for tests and logs ----

    /** Heap held by the queue indexes' arrays. */
    long queueIndexBytes() {
        lock.readLock().lock();
        try {
            return state.queueIndexBytes();
        } finally {
            lock.readLock().unlock();
        }
    }

    long journalSize() {
        return journalEnd;
    }

    boolean compacting() {
        return compaction != null;
    }

    Path journalPath() {
        return journalPath;
    }

    Path snapshotPath() {
        return snapshotPath;
    }

    /** The damaged regions this open skipped or cut off, one line each: file, {@code [from, to)}, problem. */
    List<String> losses() {
        return List.copyOf(losses);
    }

    /** The copies of damaged files this open made, by file. */
    Map<Path, Path> damagedCopies() {
        return Map.copyOf(copies);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing more to do
        }
    }
}
