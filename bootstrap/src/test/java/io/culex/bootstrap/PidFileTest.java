package io.culex.bootstrap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void writesThePidAndANewlineAndDeletesTheFileOnClose() throws IOException {
        Path file = dir.resolve("culex.pid");

        PidFile pidFile = PidFile.write(file.toString(), 4242);
        assertEquals("4242\n", Files.readString(file, StandardCharsets.US_ASCII));

        pidFile.close();
        assertFalse(Files.exists(file));
    }

    @Test
    void replacesAFileLeftByABrokerThatWasKilled() throws IOException {
        Path file = dir.resolve("culex.pid");
        Files.writeString(file, "99999999\nstale\n");

        try (PidFile ignored = PidFile.write(file.toString(), 7)) {
            assertEquals("7\n", Files.readString(file));
        }
    }

    @Test
    void noPathMeansNoFile() throws IOException {
        try (PidFile pidFile = PidFile.write(null, 7)) {
            assertDoesNotThrow(pidFile::close);
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void anUnwritablePathFailsWithAMessageNamingIt() {
        Path file = dir.resolve("no-such-directory").resolve("culex.pid");

        IOException e = assertThrows(IOException.class, () -> PidFile.write(file.toString(), 7));

        assertTrue(e.getMessage().startsWith("Unable to write pid file " + file + ": "), e.getMessage());
    }

    @Test
    void aDirectoryInThePlaceOfTheFileFailsToo() {
        IOException e = assertThrows(IOException.class, () -> PidFile.write(dir.toString(), 7));

        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void closingAfterSomeoneElseRemovedTheFileIsQuiet() throws IOException {
        Path file = dir.resolve("culex.pid");
        PidFile pidFile = PidFile.write(file.toString(), 7);
        Files.delete(file);

        assertDoesNotThrow(pidFile::close);
    }
}
