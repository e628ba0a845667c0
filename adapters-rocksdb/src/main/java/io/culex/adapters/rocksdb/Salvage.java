package io.culex.adapters.rocksdb;

import io.culex.domain.port.StateStore.StoreException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.RocksIteratorInterface;
import org.rocksdb.SstFileReader;
import org.rocksdb.SstFileReaderIterator;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * What happens to a RocksDB store that RocksDB reports corrupt at open (issue 4): the start-up goes on.
 *
 * <p>RocksJava has no binding for RocksDB's {@code RepairDB} (checked against rocksdbjni 11.8.1), so the repair
 * is done here, the same way for any damage: the damaged directory is moved aside whole to
 * {@code <dir>.damaged-<epochmillis>} (nothing in it is deleted or changed), a fresh store is created in its place,
 * and every row that can still be read is copied into it, family by family. The damaged copy is opened read-only
 * without paranoid checks and with a write-ahead log replay that skips corrupted records; each family is read
 * forwards until an error, then backwards from its last key down to where the forward read stopped, so only
 * the rows in the unreadable blocks are lost. If the damaged copy cannot be opened at all (its MANIFEST is
 * damaged), each table file ({@code *.sst}) is read on its own, oldest first, into the family its properties
 * name; the write-ahead logs are then lost, and a deletion recorded in a newer file than the row it deleted
 * is lost too (the row comes back). Everything is logged on {@code io.culex.store}: the damage, the rows copied
 * per family (with RocksDB's estimate of how many there were), the errors hit, and, when nothing could be read,
 * that everything in the store was lost.
 */
final class Salvage {

    private static final System.Logger LOG = System.getLogger("io.culex.store");
    private static final int CHUNK_ROWS = 1000;
    private static final long CHUNK_BYTES = 4L << 20;

    private final Path damaged;
    private final RocksDbStateStore target;
    private final List<String> families = RocksDbStateStore.families();
    private final long[] copied;
    private final long[] before;
    private final List<String> errors = new ArrayList<>();

    private Salvage(Path damaged, RocksDbStateStore target) {
        this.damaged = damaged;
        this.target = target;
        this.copied = new long[families.size()];
        this.before = new long[families.size()];
        Arrays.fill(before, -1);
    }

    static RocksDbStateStore recover(Path dir, String damage) {
        Path aside;
        try {
            aside = moveAside(dir);
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            throw new StoreException("the RocksDB store " + dir + " is damaged (" + damage
                    + ") and cannot be moved aside: " + e, e);
        }
        LOG.log(Level.WARNING, "the RocksDB store " + dir + " is damaged (" + damage + "): it was moved whole to "
                + aside + " and a fresh store is created in its place; every row that can still be read is copied"
                + " into it");
        RocksDbStateStore store = RocksDbStateStore.openChecked(dir);
        Salvage salvage = new Salvage(aside, store);
        String source;
        try {
            source = salvage.fromDatabase();
        } catch (RocksDBException | RuntimeException e) {
            salvage.errors.add("opening the damaged copy read-only failed: " + e.getMessage());
            try {
                source = salvage.fromTableFiles();
            } catch (RocksDBException | IOException | RuntimeException again) {
                salvage.errors.add("reading its table files failed: " + again.getMessage());
                source = null;
            }
        }
        store.reloadMeta();
        salvage.report(dir, source);
        return store;
    }

    private static Path moveAside(Path dir) throws IOException {
        long now = System.currentTimeMillis();
        Path aside = dir.resolveSibling(dir.getFileName() + ".damaged-" + now);
        for (int i = 1; Files.exists(aside); i++) {
            aside = dir.resolveSibling(dir.getFileName() + ".damaged-" + now + "-" + i);
        }
        Files.move(dir, aside);
        return aside;
    }

    /** Copies every readable row of the damaged copy opened read-only; returns how it was read. */
    private String fromDatabase() throws RocksDBException {
        List<String> present = new ArrayList<>();
        try (Options options = new Options()) {
            for (byte[] name : RocksDB.listColumnFamilies(options, damaged.toString())) {
                present.add(new String(name, StandardCharsets.US_ASCII));
            }
        }
        try (DBOptions options = new DBOptions().setParanoidChecks(false)
                .setWalRecoveryMode(WALRecoveryMode.SkipAnyCorruptedRecords);
             ColumnFamilyOptions familyOptions = new ColumnFamilyOptions()) {
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            List<Integer> indexes = new ArrayList<>();
            for (String family : present) {
                int index = families.indexOf(family);
                if (index >= 0) {
                    descriptors.add(new ColumnFamilyDescriptor(family.getBytes(StandardCharsets.US_ASCII),
                            familyOptions));
                    indexes.add(index);
                }
            }
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            try (RocksDB db = RocksDB.openReadOnly(options, damaged.toString(), descriptors, handles);
                 ReadOptions read = new ReadOptions().setFillCache(false)) {
                try {
                    for (int i = 0; i < handles.size(); i++) {
                        int index = indexes.get(i);
                        before[index] = estimate(db, handles.get(i));
                        try (RocksIterator it = db.newIterator(handles.get(i), read)) {
                            copy(families.get(index), index, it, it::key, it::value);
                        }
                    }
                } finally {
                    handles.forEach(ColumnFamilyHandle::close);
                }
            }
        }
        return "read-only open of the damaged copy";
    }

    private static long estimate(RocksDB db, ColumnFamilyHandle handle) {
        try {
            return db.getLongProperty(handle, "rocksdb.estimate-num-keys");
        } catch (RocksDBException | RuntimeException e) {
            return -1;
        }
    }

    /** Copies the rows of each table file on its own, oldest first, into the family its properties name. */
    private String fromTableFiles() throws RocksDBException, IOException {
        List<Path> tables;
        try (Stream<Path> files = Files.list(damaged)) {
            tables = files.filter(p -> p.getFileName().toString().endsWith(".sst")).sorted().toList();
        }
        try (Options options = new Options(); ReadOptions read = new ReadOptions().setFillCache(false)) {
            for (Path table : tables) {
                try (SstFileReader reader = new SstFileReader(options)) {
                    reader.open(table.toString());
                    String family = new String(reader.getTableProperties().getColumnFamilyName(), StandardCharsets.UTF_8);
                    int index = families.indexOf(family);
                    if (index < 0) {
                        errors.add(table.getFileName() + ": of an unknown column family '" + family + "', skipped");
                        continue;
                    }
                    try (SstFileReaderIterator it = reader.newIterator(read)) {
                        copy(family + " (" + table.getFileName() + ")", index, it, it::key, it::value);
                    }
                } catch (RocksDBException e) {
                    errors.add(table.getFileName() + ": unreadable (" + e.getMessage() + "), skipped");
                }
            }
        }
        return "table files read one by one (the damaged copy's MANIFEST is unreadable; its write-ahead logs are"
                + " lost)";
    }

    /** Forwards until an error, then backwards from the end down to where that stopped. */
    private void copy(String name, int index, RocksIteratorInterface it, Supplier<byte[]> key,
                      Supplier<byte[]> value) {
        ColumnFamilyHandle into = target.handles().get(index);
        Chunk chunk = new Chunk(into);
        byte[] last = null;
        String failure = null;
        for (it.seekToFirst(); it.isValid(); it.next()) {
            last = key.get();
            chunk.put(last, value.get());
        }
        try {
            it.status();
        } catch (RocksDBException e) {
            failure = e.getMessage();
        }
        if (failure != null) {
            long forward = chunk.rows;
            String backError = null;
            for (it.seekToLast(); it.isValid(); it.prev()) {
                byte[] k = key.get();
                if (last != null && Arrays.compareUnsigned(k, last) <= 0) {
                    break;
                }
                chunk.put(k, value.get());
            }
            try {
                it.status();
            } catch (RocksDBException e) {
                backError = e.getMessage();
            }
            errors.add(name + ": reading stopped after " + forward + " rows"
                    + (last == null ? "" : " (last key read " + HexFormat.of().formatHex(last) + ")") + " at: "
                    + failure + "; reading back from the end copied " + (chunk.rows - forward) + " more"
                    + (backError == null ? "" : " before: " + backError) + "; the rows between are lost");
        }
        chunk.flush();
        copied[index] += chunk.rows;
    }

    /** Writes rows into the fresh store a chunk at a time. */
    private final class Chunk {
        private final ColumnFamilyHandle into;
        private WriteBatch batch = new WriteBatch();
        private int pending;
        private long bytes;
        long rows;

        Chunk(ColumnFamilyHandle into) {
            this.into = into;
        }

        void put(byte[] key, byte[] value) {
            try {
                batch.put(into, key, value);
            } catch (RocksDBException e) {
                throw new StoreException("cannot stage a salvaged row: " + e.getMessage(), e);
            }
            rows++;
            pending++;
            bytes += key.length + value.length;
            if (pending >= CHUNK_ROWS || bytes >= CHUNK_BYTES) {
                flush();
            }
        }

        void flush() {
            if (pending > 0) {
                try (WriteOptions sync = new WriteOptions().setSync(true)) {
                    target.database().write(sync, batch);
                } catch (RocksDBException e) {
                    throw new StoreException("cannot write salvaged rows into the fresh store: " + e.getMessage(), e);
                }
            }
            batch.close();
            batch = new WriteBatch();
            pending = 0;
            bytes = 0;
        }
    }

    private void report(Path dir, String source) {
        long total = 0;
        StringBuilder counts = new StringBuilder();
        for (int i = 1; i < families.size(); i++) {
            total += copied[i];
            counts.append(i == 1 ? "" : ", ").append(families.get(i)).append(' ').append(copied[i]);
            if (before[i] >= 0) {
                counts.append(" (RocksDB estimated ").append(before[i]).append(')');
            }
        }
        for (String error : errors) {
            LOG.log(Level.WARNING, "salvaging the RocksDB store " + dir + " from " + damaged + ": " + error);
        }
        if (total == 0 && !errors.isEmpty()) {
            LOG.log(Level.ERROR, "EVERYTHING in the RocksDB store " + dir + " WAS LOST: nothing could be read from"
                    + " the damaged copy " + damaged + " (kept as found); the broker starts with an empty store");
            return;
        }
        LOG.log(Level.WARNING, "the RocksDB store " + dir + " was rebuilt from the damaged copy " + damaged
                + (source == null ? "" : " by " + source) + ": rows copied per column family: " + counts + "; "
                + (errors.isEmpty() ? "every row could be read"
                        : errors.size() + (errors.size() == 1 ? " problem" : " problems")
                        + " (logged above): the rows they name are lost")
                + ". Later changes to what the lost rows held may have been partial");
    }

}
