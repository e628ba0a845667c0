package io.culex.bootstrap.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.security.password.HashAlgorithm;
import io.culex.application.security.password.PasswordFile;
import io.culex.application.security.password.PasswordHasher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFileLoaderTest {

    @TempDir
    Path dir;

    @Test
    void loadsUsableUsersAndWarnsPerBadLineNamingFileLineAndUser() throws Exception {
        Path file = dir.resolve("passwd");
        String alice = new PasswordHasher().hash("pw", HashAlgorithm.SHA512_PBKDF2, 101).encode();
        Files.writeString(file, "# comment\nalice:" + alice + "\ncarol:$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA\n"
                + "no colon here\n");
        PasswordFile loaded;
        try (LogLines log = new LogLines("io.culex")) {
            loaded = new PasswordFileLoader(file.toString()).load();
            assertEquals(List.of(
                    "Warning: " + file + ":3: user 'carol': unsupported hash type '$argon2id$'.",
                    "Warning: " + file + ":4: no ':' between user and hash; line ignored."), log.lines);
        }
        assertEquals(List.of("alice"), loaded.entries().stream().map(e -> e.username()).toList());
        assertTrue(loaded.verify("alice", "pw"));
    }

    @Test
    void aMissingFileIsAnErrorNamingThePath() {
        Path missing = dir.resolve("nope");
        PasswordFileException e = assertThrows(PasswordFileException.class,
                () -> new PasswordFileLoader(missing.toString()).load());
        assertEquals("Unable to open pwfile \"" + missing + "\": no such file.", e.getMessage());
    }

    @Test
    void aDirectoryIsAnErrorToo() {
        PasswordFileException e = assertThrows(PasswordFileException.class,
                () -> new PasswordFileLoader(dir.toString()).load());
        assertTrue(e.getMessage().startsWith("Unable to open pwfile \"" + dir + "\": "), e.getMessage());
    }
}
