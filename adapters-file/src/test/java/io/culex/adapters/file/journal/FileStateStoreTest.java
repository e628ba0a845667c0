package io.culex.adapters.file.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.spi.Storage;
import io.culex.application.spi.StorageProviders;
import io.culex.application.spi.StorageSettings;
import io.culex.application.storage.memory.MemoryRetainedStore;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.persistence.StoreOperation.SessionSaved;
import io.culex.domain.port.StateStore.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the file backend adds to the contract: torn writes, compaction, locking, bad locations (damage: FileStoreDamageTest). */
class FileStateStoreTest {

    private static final String NAME = "mosquitto.db";

    /** The torn-write tests provoke a warning per case; they would flood the build output. */
    private static final Logger QUIET = Logger.getLogger(FileStateStore.class.getName());
    private static final Logger QUIET_STORE = Logger.getLogger("io.culex.store");

    @TempDir
    Path directory;

    @BeforeAll
    static void quiet() {
        QUIET.setLevel(Level.SEVERE);
        QUIET_STORE.setLevel(Level.SEVERE);
    }

    private FileStateStore open() {
        return FileStateStore.open(directory, NAME);
    }

    private Path journal() {
        return directory.resolve(NAME + ".journal");
    }

    /** Applies three batches, then a last one; returns the journal's length before the last one. */
    private long storeWithALastBatch(Workload workload, List<Workload.Picture> before) {
        try (FileStateStore store = open()) {
            store.apply(List.of(new SessionSaved("client-0", 60), new SessionSaved("client-1", 60)));
            workload.reference.apply(List.of(new SessionSaved("client-0", 60), new SessionSaved("client-1", 60)));
            for (int i = 0; i < 3; i++) {
                store.apply(workload.nextBatch(8));
            }
            before.add(workload.expected());
            long end = store.journalSize();
            store.apply(workload.nextBatch(4));
            return end;
        }
    }

    @Test
    void aLastRecordCutAtAnyByteIsIgnoredAndTheStateBeforeItComesBack() throws IOException {
        Workload workload = new Workload(1, 2, 40);
        List<Workload.Picture> before = new ArrayList<>();
        long end = storeWithALastBatch(workload, before);
        Workload.Picture after = workload.expected();
        byte[] full = Files.readAllBytes(journal());
        assertTrue(full.length - end > 40, "the last record spans many bytes");
        for (long cut = end; cut < full.length; cut++) {
            Files.write(journal(), Arrays.copyOf(full, (int) cut));
            try (FileStateStore store = open()) {
                Workload.assertSame(before.get(0), store);
            }
            assertEquals(end, Files.size(journal()), "truncated at the last whole record (cut at " + cut + ")");
        }
        Files.write(journal(), full);
        try (FileStateStore store = open()) {
            Workload.assertSame(after, store);
        }
    }

    @Test
    void aFlippedByteAnywhereInTheLastRecordIsATornWrite() throws IOException {
        Workload workload = new Workload(2, 2, 40);
        List<Workload.Picture> before = new ArrayList<>();
        long end = storeWithALastBatch(workload, before);
        byte[] full = Files.readAllBytes(journal());
        for (int at = (int) end; at < full.length; at++) {
            byte[] damaged = full.clone();
            damaged[at] ^= 0x40;
            Files.write(journal(), damaged);
            try (FileStateStore store = open()) {
                Workload.assertSame(before.get(0), store);
            }
            assertEquals(end, Files.size(journal()));
        }
    }

    @Test
    void aSecondOpenOfTheSameStoreFailsWhileTheFirstHoldsIt() {
        try (FileStateStore first = open()) {
            StoreException failure = assertThrows(StoreException.class, this::open);
            assertTrue(failure.getMessage().contains("in use"), failure.getMessage());
            assertTrue(failure.getMessage().contains(directory.toAbsolutePath().toString()), failure.getMessage());
            first.apply(List.of(new SessionSaved("still-mine", 1)));
        }
        try (FileStateStore again = open()) {
            assertEquals("still-mine", again.recover().sessions().get(0).clientId());
        }
    }

    @Test
    void aLocationThatCannotBeCreatedFailsWithThePathAndTheError() throws IOException {
        Path file = Files.writeString(directory.resolve("plain-file"), "x");
        Path inside = file.resolve("store");
        StoreException failure = assertThrows(StoreException.class, () -> FileStateStore.open(inside, NAME));
        assertTrue(failure.getMessage().contains(inside.toAbsolutePath().toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains("Exception"), "the OS error is named: " + failure.getMessage());
    }

    @Test
    void aDirectoryWithoutWritePermissionFailsWithThePath() throws IOException {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root writes anywhere");
        Path readOnly = Files.createDirectory(directory.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            StoreException failure = assertThrows(StoreException.class, () -> FileStateStore.open(readOnly, NAME));
            assertTrue(failure.getMessage().contains(readOnly.toAbsolutePath().toString()), failure.getMessage());
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void leftoverTemporaryFilesAreDeletedAtOpen() throws IOException {
        try (FileStateStore store = open()) {
            store.apply(List.of(new SessionSaved("a", 1)));
        }
        Files.write(directory.resolve(NAME + ".snapshot.tmp"), new byte[] {1, 2, 3});
        Files.write(directory.resolve(NAME + ".journal.tmp"), new byte[] {4});
        try (FileStateStore store = open()) {
            assertEquals(1, store.recover().sessions().size());
        }
        assertFalse(Files.exists(directory.resolve(NAME + ".snapshot.tmp")));
        assertFalse(Files.exists(directory.resolve(NAME + ".journal.tmp")));
    }

    @Test
    void aJournalWithoutItsSnapshotIsRefused() throws IOException {
        FileStateStore.Options small = new FileStateStore.Options(4096, 1024, step -> { });
        Workload workload = new Workload(3, 3, 200);
        try (FileStateStore store = FileStateStore.open(directory, NAME, small)) {
            for (int i = 0; i < 100; i++) {
                store.apply(workload.nextBatch(10));
            }
        }
        Files.delete(directory.resolve(NAME + ".snapshot"));
        StoreException failure = assertThrows(StoreException.class, this::open);
        assertTrue(failure.getMessage().contains("missing"), failure.getMessage());
    }

    @Test
    void compactionKeepsTheStateWhileItRunsAndAfterReopening() {
        FileStateStore.Options small = new FileStateStore.Options(16 * 1024, 2 * 1024, step -> { });
        Workload workload = new Workload(4, 6, 300);
        int compactions = 0;
        try (FileStateStore store = FileStateStore.open(directory, NAME, small)) {
            for (int i = 0; i < 600; i++) {
                boolean was = store.compacting();
                store.apply(workload.nextBatch(1 + i % 13));
                if (was && !store.compacting()) {
                    compactions++;
                }
                if (i % 25 == 0 || store.compacting()) {
                    Workload.assertSame(workload.expected(), store);
                }
            }
            Workload.assertSame(workload.expected(), store);
        }
        assertTrue(compactions >= 3, "compacted " + compactions + " times");
        assertTrue(Files.exists(directory.resolve(NAME + ".snapshot")));
        try (FileStateStore store = FileStateStore.open(directory, NAME, small)) {
            Workload.assertSame(workload.expected(), store);
        }
    }

    @Test
    void aCrashAtAnyStepOfACompactionLeavesARecoverableStore(@TempDir Path images) throws IOException {
        List<Path> taken = new ArrayList<>();
        List<Workload.Picture> expected = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        Workload workload = new Workload(5, 5, 300);
        FileStateStore.Options small = new FileStateStore.Options(16 * 1024, 2 * 1024, step -> {
            if (steps.stream().filter(step::equals).count() < 6) {
                Path image = images.resolve("image-" + taken.size());
                Files.createDirectories(image);
                try (Stream<Path> files = Files.list(directory)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        try {
                            Files.copy(file, image.resolve(file.getFileName()));
                        } catch (java.nio.file.NoSuchFileException deletedMeanwhile) {
                            // the cleanup thread removed an obsolete journal: a crash now would not see it either
                        }
                    }
                }
                taken.add(image);
                expected.add(workload.expected());
                steps.add(step);
            }
        });
        try (FileStateStore store = FileStateStore.open(directory, NAME, small)) {
            for (int i = 0; i < 300; i++) {
                store.apply(workload.nextBatch(1 + i % 7));
            }
        }
        for (String step : List.of("journal-moved", "rotated", "snapshot-step", "snapshot-renamed", "done")) {
            assertTrue(steps.contains(step), "a crash image at " + step + " in " + steps);
        }
        for (int i = 0; i < taken.size(); i++) {
            try (FileStateStore store = FileStateStore.open(taken.get(i), NAME)) {
                Workload.assertSame(expected.get(i), store);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("crash image " + i + " taken at " + steps.get(i), e);
            }
            try (FileStateStore store = FileStateStore.open(taken.get(i), NAME)) {
                Workload.assertSame(expected.get(i), store);
            }
            try (Stream<Path> files = Files.list(taken.get(i))) {
                List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
                assertEquals(List.of(NAME + ".journal", NAME + ".lock", NAME + ".snapshot"), names,
                        "a finished pair after recovering image " + i + " (" + steps.get(i) + ")");
            }
        }
    }

    @Test
    void aQueuedMessageTooLongForTheIndexIsReadByItsLengthPrefixAlsoAfterACompaction() {
        byte[] payload = new byte[9 << 20];
        new java.util.Random(7).nextBytes(payload);
        io.culex.domain.persistence.StoredDelivery big = new io.culex.domain.persistence.StoredDelivery(
                new io.culex.domain.persistence.StoredMessage("big", payload, io.culex.domain.message.QoS.AT_LEAST_ONCE,
                        false, io.culex.domain.message.MessageProperties.NONE,
                        io.culex.domain.persistence.StoredMessage.NEVER, null),
                io.culex.domain.message.QoS.AT_LEAST_ONCE, false, List.of());
        FileStateStore.Options small = new FileStateStore.Options(1 << 20, 1 << 20, step -> { });
        try (FileStateStore store = FileStateStore.open(directory, NAME, small)) {
            store.apply(List.of(new SessionSaved("c", 60), new StoreOperation.Enqueued("c", 1, big)));
            for (int i = 2; i < 6; i++) { // churn that makes the journal mostly dead, so that it compacts
                store.apply(List.of(new StoreOperation.Enqueued("c", i, big)));
                store.apply(List.of(new StoreOperation.Dequeued("c", i)));
            }
            assertEquals(big, store.readQueue("c", 0, 1).get(0).delivery());
        }
        assertTrue(Files.exists(directory.resolve(NAME + ".snapshot")), "compacted");
        try (FileStateStore store = FileStateStore.open(directory, NAME, small)) {
            assertEquals(big, store.readQueue("c", 0, 10).get(0).delivery());
            assertEquals(1, store.readQueue("c", 0, 10).size());
        }
    }

    @Test
    void aCrashWithoutCloseKeepsEveryAppliedBatch() {
        Workload workload = new Workload(6, 4, 100);
        FileStateStore.Options small = new FileStateStore.Options(8 * 1024, 1024, step -> { });
        FileStateStore store = FileStateStore.open(directory, NAME, small);
        for (int i = 0; i < 200; i++) {
            store.apply(workload.nextBatch(5));
        }
        store.crash();
        try (FileStateStore reopened = FileStateStore.open(directory, NAME, small)) {
            Workload.assertSame(workload.expected(), reopened);
        }
    }

    @Test
    void theFileProviderIsFoundByNameAndNamesItsFilesAfterPersistenceFile() {
        try (Storage storage = StorageProviders.byName("file")
                .open(new StorageSettings(directory.resolve("data").toString(), null))) {
            assertTrue(storage.durable());
            assertTrue(storage.retained() instanceof MemoryRetainedStore);
            storage.state().apply(List.<StoreOperation>of(new SessionSaved("c", 5)));
        }
        assertTrue(Files.exists(directory.resolve("data").resolve("mosquitto.db.journal")));
        try (Storage storage = StorageProviders.byName("file")
                .open(new StorageSettings(directory.resolve("data").toString(), "culex.db"))) {
            assertTrue(storage.state().recover().sessions().isEmpty(), "another file name, another store");
        }
        assertTrue(Files.exists(directory.resolve("data").resolve("culex.db.journal")));
    }
}
