package io.culex.adapters.file.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.persistence.RecoveredState.RecoveredSession;
import io.culex.domain.persistence.StoreOperation.SessionSaved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage anywhere in the file backend's files (issue 4): the open keeps every intact record, copies the damaged
 * file aside, logs the byte range lost on {@code io.culex.store}, and leaves files the next open reads cleanly.
 */
class FileStoreDamageTest {

    private static final String NAME = "mosquitto.db";
    private static final Logger STORE_LOG = Logger.getLogger("io.culex.store");
    private static final Logger FILE_LOG = Logger.getLogger(FileStateStore.class.getName());

    @TempDir
    Path directory;

    private final List<String> warnings = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level storeLevel;

    @BeforeEach
    void captureWarnings() {
        storeLevel = STORE_LOG.getLevel();
        STORE_LOG.setLevel(Level.ALL);
        STORE_LOG.setUseParentHandlers(false);
        STORE_LOG.addHandler(capture);
        FILE_LOG.setLevel(Level.SEVERE);
    }

    @AfterEach
    void release() {
        STORE_LOG.removeHandler(capture);
        STORE_LOG.setUseParentHandlers(true);
        STORE_LOG.setLevel(storeLevel);
    }

    private FileStateStore open() {
        return FileStateStore.open(directory, NAME);
    }

    private Path journal() {
        return directory.resolve(NAME + ".journal");
    }

    private Path snapshot() {
        return directory.resolve(NAME + ".snapshot");
    }

    private static List<String> clients(FileStateStore store) {
        return store.recover().sessions().stream().map(RecoveredSession::clientId).sorted().toList();
    }

    private List<Path> damagedCopies(Path of) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().startsWith(of.getFileName() + ".damaged-")).toList();
        }
    }

    /** One session per batch: "a", "b", "c", "d"; returns each record's start offset and the journal's end. */
    private long[] fourRecords() {
        long[] starts = new long[5];
        try (FileStateStore store = open()) {
            String[] names = {"a", "b", "c", "d"};
            for (int i = 0; i < names.length; i++) {
                starts[i] = store.journalSize();
                store.apply(List.of(new SessionSaved(names[i], 60 + i)));
            }
            starts[4] = store.journalSize();
        }
        return starts;
    }

    /** The next open reads the repaired files without any damage and with the same state. */
    private void assertCleanReopen(List<String> expectedClients) {
        warnings.clear();
        try (FileStateStore store = open()) {
            assertEquals(List.of(), store.losses(), "the repaired files are clean");
            assertEquals(expectedClients, clients(store));
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void aZeroFilledTailIsCutOffAndEveryRecordBeforeItKept() throws IOException {
        long[] starts = fourRecords();
        byte[] full = Files.readAllBytes(journal());
        byte[] damaged = Arrays.copyOf(full, full.length + 4096); // the last record zeroed, then zeros
        Arrays.fill(damaged, (int) starts[3], damaged.length, (byte) 0);
        Files.write(journal(), damaged);
        try (FileStateStore store = open()) {
            assertEquals(List.of("a", "b", "c"), clients(store));
            assertEquals(1, store.losses().size(), store.losses().toString());
            assertTrue(store.losses().get(0).contains("[" + starts[3] + ", " + damaged.length + ")"),
                    store.losses().toString());
        }
        List<Path> copies = damagedCopies(journal());
        assertEquals(1, copies.size());
        assertArrayEquals(damaged, Files.readAllBytes(copies.get(0)), "the copy holds the file as found");
        assertEquals(starts[3], Files.size(journal()));
        String line = warnings.stream().filter(w -> w.contains("from offset")).findFirst().orElseThrow();
        assertTrue(line.contains(journal().toAbsolutePath() + " from offset " + starts[3] + " to " + damaged.length),
                line);
        assertTrue(line.contains("zero-filled"), line);
        assertCleanReopen(List.of("a", "b", "c"));
    }

    @Test
    void flippedBytesInAMiddleRecordLoseThatRecordOnlyAndTheLogNamesTheRange() throws IOException {
        long[] starts = fourRecords();
        byte[] full = Files.readAllBytes(journal());
        for (int field : new int[] {0, 5, 9, 14, 20}) { // magic, length, checksum, count, operation
            warnings.clear();
            Files.write(journal(), full);
            Files.deleteIfExists(snapshot());
            byte[] damaged = full.clone();
            damaged[(int) starts[1] + field] ^= 0x01;
            Files.write(journal(), damaged);
            try (FileStateStore store = open()) {
                assertEquals(List.of("a", "c", "d"), clients(store), "field " + field);
                assertEquals(List.of(journal().toAbsolutePath() + " [" + starts[1] + ", " + starts[2] + ")"),
                        store.losses().stream().map(line -> line.substring(0, line.indexOf(')') + 1)).toList());
                Path copy = store.damagedCopies().get(journal());
                assertArrayEquals(damaged, Files.readAllBytes(copy), "the copy holds the file as found");
            }
            String line = warnings.stream().filter(w -> w.contains("damaged from offset")).findFirst().orElseThrow();
            assertTrue(line.contains(journal().toAbsolutePath() + " is damaged from offset " + starts[1] + " to "
                    + starts[2]), line);
            assertTrue(line.contains("may have been partial"), line);
            if (field != 0 && field != 5 && field != 14) { // the header (marker, length, count) is readable
                assertTrue(line.contains("counts 1 operations"), line);
            }
            assertCleanReopen(List.of("a", "c", "d"));
        }
    }

    @Test
    void aRecordOfAnUnknownVersionIsSkippedAndNamed() throws IOException {
        long[] starts = fourRecords();
        byte[] bytes = Files.readAllBytes(journal());
        int record = (int) starts[2];
        bytes[record + Records.RECORD_HEADER_SIZE] = 2;
        Codec.putInt(bytes, record + 8, Records.recordCrc(bytes, record, (int) (starts[3] - record)
                - Records.RECORD_HEADER_SIZE));
        Files.write(journal(), bytes);
        try (FileStateStore store = open()) {
            assertEquals(List.of("a", "b", "d"), clients(store));
            assertTrue(store.losses().get(0).contains("version 2"), store.losses().toString());
        }
        assertEquals(1, damagedCopies(journal()).size());
        assertCleanReopen(List.of("a", "b", "d"));
    }

    @Test
    void garbageAppendedOrInsertedIsSkippedAndTheRecordsAroundItKept() throws IOException {
        long[] starts = fourRecords();
        byte[] full = Files.readAllBytes(journal());
        byte[] garbage = new byte[777];
        new Random(4).nextBytes(garbage);
        byte[] appended = Arrays.copyOf(full, full.length + garbage.length);
        System.arraycopy(garbage, 0, appended, full.length, garbage.length);
        Files.write(journal(), appended);
        try (FileStateStore store = open()) {
            assertEquals(List.of("a", "b", "c", "d"), clients(store));
            store.apply(List.of(new SessionSaved("e", 1)));
        }
        assertEquals(1, damagedCopies(journal()).size());
        assertCleanReopen(List.of("a", "b", "c", "d", "e"));

        // the same garbage between two records, with valid ones after it: not a torn tail
        byte[] now = Files.readAllBytes(journal());
        int at = (int) starts[2];
        byte[] inserted = new byte[now.length + garbage.length];
        System.arraycopy(now, 0, inserted, 0, at);
        System.arraycopy(garbage, 0, inserted, at, garbage.length);
        System.arraycopy(now, at, inserted, at + garbage.length, now.length - at);
        Files.write(journal(), inserted);
        warnings.clear();
        try (FileStateStore store = open()) {
            assertEquals(List.of("a", "b", "c", "d", "e"), clients(store));
            assertTrue(store.losses().get(0).contains("[" + at + ", " + (at + garbage.length) + ")"),
                    store.losses().toString());
        }
        assertTrue(warnings.stream().anyMatch(w -> w.contains("how many operations it held is unknown")),
                warnings.toString());
        assertEquals(2, damagedCopies(journal()).size());
        assertCleanReopen(List.of("a", "b", "c", "d", "e"));
    }

    /** A store with a snapshot (compacted) and a journal after it holding session "after". */
    private Workload.Picture storeWithASnapshot(Workload workload) {
        FileStateStore.Options small = new FileStateStore.Options(4096, 1 << 20, step -> { });
        try (FileStateStore store = FileStateStore.open(directory, NAME, small)) {
            for (int i = 0; i < 60 && !Files.exists(snapshot()); i++) {
                store.apply(workload.nextBatch(10));
            }
            assertTrue(Files.exists(snapshot()), "compacted");
            store.apply(List.of(new SessionSaved("after", 5)));
            workload.reference.apply(List.of(new SessionSaved("after", 5)));
        }
        return workload.expected();
    }

    @Test
    void aDamagedSnapshotRecordLosesThatRecordOnlyAndTheJournalAfterItIsReplayed() throws IOException {
        Workload workload = new Workload(11, 6, 100);
        Workload.Picture expected = storeWithASnapshot(workload);
        byte[] full = Files.readAllBytes(snapshot());
        byte[] damaged = full.clone();
        damaged[full.length / 2] ^= 0x10;
        Files.write(snapshot(), damaged);
        Workload.Picture recovered;
        try (FileStateStore store = open()) {
            recovered = Workload.picture(store);
            assertFalse(store.losses().isEmpty());
            assertTrue(store.losses().get(0).startsWith(snapshot().toAbsolutePath() + " ["), store.losses().toString());
            assertTrue(clients(store).contains("after"), "the journal newer than the snapshot is replayed");
            // the snapshot is written in records of about 256 KiB: this small one is a single record, lost whole
            assertTrue(recovered.state().sessions().size() <= expected.state().sessions().size());
            assertTrue(store.losses().stream().anyMatch(line -> line.contains("end record counts")),
                    "how many snapshot records were lost is said: " + store.losses());
        }
        assertTrue(warnings.stream().anyMatch(w -> w.contains(snapshot().toAbsolutePath() + " is damaged from offset")),
                warnings.toString());
        assertArrayEquals(damaged, Files.readAllBytes(damagedCopies(snapshot()).get(0)));
        warnings.clear();
        try (FileStateStore store = open()) {
            assertEquals(List.of(), store.losses());
            Workload.assertSame(recovered, store);
        }
    }

    @Test
    void aSnapshotWithADamagedHeaderKeepsAllItsRecords() throws IOException {
        Workload workload = new Workload(12, 4, 100);
        Workload.Picture expected = storeWithASnapshot(workload);
        byte[] damaged = Files.readAllBytes(snapshot());
        damaged[17] ^= 0x01; // inside the generation: the header fails its checksum
        Files.write(snapshot(), damaged);
        try (FileStateStore store = open()) {
            Workload.assertSame(expected, store);
            assertEquals(1, store.losses().size(), store.losses().toString());
            assertTrue(store.losses().get(0).contains("header"), store.losses().toString());
        }
        assertEquals(1, damagedCopies(snapshot()).size());
        warnings.clear();
        try (FileStateStore store = open()) {
            assertEquals(List.of(), store.losses());
            Workload.assertSame(expected, store);
        }
    }

    @Test
    void aSnapshotCutShortKeepsItsIntactRecordsAndSaysTheRestIsLost() throws IOException {
        Workload workload = new Workload(13, 4, 100);
        storeWithASnapshot(workload);
        byte[] full = Files.readAllBytes(snapshot());
        Files.write(snapshot(), Arrays.copyOf(full, full.length * 2 / 3));
        try (FileStateStore store = open()) {
            assertTrue(clients(store).contains("after"));
            assertFalse(store.losses().isEmpty());
        }
        assertTrue(warnings.stream().anyMatch(w -> w.contains("end record")), warnings.toString());
        assertEquals(1, damagedCopies(snapshot()).size());
        warnings.clear();
        try (FileStateStore store = open()) {
            assertEquals(List.of(), store.losses());
        }
    }
}
