package io.culex.bootstrap.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.security.ThrottlingAuthenticator;
import io.culex.application.security.password.HashAlgorithm;
import io.culex.application.security.password.PasswordHasher;
import io.culex.bootstrap.config.BrokerConfig;
import io.culex.bootstrap.config.ConfigParser;
import io.culex.domain.port.Authenticator;
import io.culex.domain.port.Authenticator.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticationTest {

    @TempDir
    Path dir;

    private static BrokerConfig config(String... lines) throws Exception {
        return ConfigParser.parse("listener 0 127.0.0.1\n" + String.join("\n", lines) + "\n", "test.conf");
    }

    private static void write(Path file, String user, String password) throws Exception {
        Files.writeString(file, user + ":" + new PasswordHasher().hash(password, HashAlgorithm.SHA512, 1).encode() + "\n");
    }

    private static Verdict login(Authenticator authenticator, String user, String password) {
        return authenticator.authenticate("c", "127.0.0.1:1", user, password == null ? null : password.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withoutPasswordFileAllowAnonymousDecidesAndReloadDoesNothing() throws Exception {
        Authentication closed = Authentication.configure(config(), () -> 0);
        assertEquals(Verdict.NOT_AUTHORIZED, login(closed.authenticator(), null, null));
        assertEquals(Verdict.NOT_AUTHORIZED, login(closed.authenticator(), "any", "thing"));
        assertFalse(closed.reload());
        Authentication open = Authentication.configure(config("allow_anonymous true"), () -> 0);
        assertEquals(Verdict.ACCEPTED, login(open.authenticator(), "any", "thing"));
    }

    @Test
    void withPasswordFileUsernamesAreCheckedAndThrottled() throws Exception {
        Path file = dir.resolve("passwd");
        write(file, "alice", "one");
        Authentication auth = Authentication.configure(config("password_file " + file, "allow_anonymous true"), () -> 0);
        assertTrue(auth.authenticator() instanceof ThrottlingAuthenticator, "failed logins are throttled");
        assertEquals(Verdict.ACCEPTED, login(auth.authenticator(), "alice", "one"));
        assertEquals(Verdict.NOT_AUTHORIZED, login(auth.authenticator(), "alice", "two"));
        assertEquals(Verdict.ACCEPTED, login(auth.authenticator(), null, null));
    }

    @Test
    void reloadTakesTheNewFileAndKeepsTheOldOneWhenUnreadable() throws Exception {
        Path file = dir.resolve("passwd");
        write(file, "alice", "one");
        Authentication auth = Authentication.configure(config("password_file " + file), () -> 0);
        write(file, "alice", "two");
        try (LogLines log = new LogLines("io.culex")) {
            assertTrue(auth.reload());
            assertEquals(Verdict.NOT_AUTHORIZED, login(auth.authenticator(), "alice", "one"));
            assertEquals(Verdict.ACCEPTED, login(auth.authenticator(), "alice", "two"));
            Files.delete(file);
            assertFalse(auth.reload());
            assertEquals(Verdict.ACCEPTED, login(auth.authenticator(), "alice", "two"), "old users kept");
            assertEquals("Error: Unable to open pwfile \"" + file + "\": no such file. Keeping the previous 1 users.",
                    log.lines.get(log.lines.size() - 1));
        }
    }

    @Test
    void anUnreadableFileStopsTheStartUp() throws Exception {
        Path missing = dir.resolve("missing");
        PasswordFileException e = assertThrows(PasswordFileException.class,
                () -> Authentication.configure(config("password_file " + missing), () -> 0));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
