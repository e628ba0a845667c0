package io.culex.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.config.LoggingConfig;
import io.culex.bootstrap.config.LoggingConfig.LogDestination;
import io.culex.bootstrap.config.LoggingConfig.LogDestination.Kind;
import io.culex.bootstrap.config.LoggingConfig.LogType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** log_dest file: append, create, and the reopen SIGHUP triggers after logrotate renamed the file. */
class FileDestinationTest {

    @TempDir
    Path dir;

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void createsAMissingFileAndWritesEachLineAtOnce() throws Exception {
        Path file = dir.resolve("broker.log");
        FileSink sink = FileSink.open(file);
        try {
            sink.write(LogType.NOTICE, "one");
            assertEquals(List.of("one"), lines(file), "flushed per line, before close");
        } finally {
            sink.close();
        }
    }

    @Test
    void appendsToAnExistingFile() throws Exception {
        Path file = dir.resolve("broker.log");
        Files.writeString(file, "earlier" + System.lineSeparator());
        FileSink sink = FileSink.open(file);
        sink.write(LogType.NOTICE, "later");
        sink.close();
        assertEquals(List.of("earlier", "later"), lines(file));
    }

    @Test
    void reopenAfterRenameStartsANewFile() throws Exception {
        Path file = dir.resolve("broker.log");
        Path rotated = dir.resolve("broker.log.1");
        FileSink sink = FileSink.open(file);
        sink.write(LogType.NOTICE, "before rotation");
        Files.move(file, rotated); // what logrotate does before sending SIGHUP
        sink.write(LogType.NOTICE, "still the old file");

        sink.reopen();
        sink.write(LogType.NOTICE, "after rotation");
        sink.close();

        assertEquals(List.of("before rotation", "still the old file"), lines(rotated));
        assertEquals(List.of("after rotation"), lines(file));
    }

    @Test
    void failedReopenKeepsWritingToTheOldFile() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("logs"));
        Path file = sub.resolve("broker.log");
        Path moved = dir.resolve("moved");
        FileSink sink = FileSink.open(file);
        Files.move(sub, moved); // the directory is gone: a new file cannot be created

        IOException error = assertThrows(IOException.class, sink::reopen);
        sink.write(LogType.NOTICE, "kept");
        sink.close();

        assertTrue(error.getMessage().startsWith("Unable to open log file " + file), error.getMessage());
        assertEquals(List.of("kept"), lines(moved.resolve("broker.log")));
    }

    @Test
    void brokerLogReopensThroughTheConfiguredHandler() throws Exception {
        Path file = dir.resolve("culex.log");
        Logger logger = Logger.getLogger("test.logging.file");
        logger.setUseParentHandlers(false);
        LoggingConfig config = new LoggingConfig(List.of(new LogDestination(Kind.FILE, file.toString())),
                LoggingConfig.defaults().types(), true, true, "%F");
        try (BrokerLog log = LogSetup.install(config, false, logger, ZoneOffset.UTC)) {
            logger.info("first");
            Files.move(file, dir.resolve("culex.log.1"));
            log.reopenFiles();
            logger.info("second");
        }
        String today = java.time.LocalDate.now(ZoneOffset.UTC).toString();
        assertEquals(List.of(today + ": first"), lines(dir.resolve("culex.log.1")));
        assertEquals(List.of(today + ": second"), lines(file));
    }

    @Test
    void aDirectoryIsNotALogFile() {
        IOException error = assertThrows(IOException.class, () -> FileSink.open(dir));
        assertTrue(error.getMessage().startsWith("Unable to open log file " + dir + " for writing: "), error.getMessage());
    }
}
