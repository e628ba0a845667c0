package io.culex.application.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.application.security.password.HashAlgorithm;
import io.culex.application.security.password.PasswordFile;
import io.culex.application.security.password.PasswordFileParser;
import io.culex.application.security.password.PasswordHasher;
import io.culex.domain.port.Authenticator.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordFileAuthenticatorTest {

    private static final PasswordHasher HASHER = new PasswordHasher();

    private static String line(String user, String password, HashAlgorithm algorithm) {
        return user + ":" + HASHER.hash(password, algorithm, algorithm.defaultIterations()).encode();
    }

    private static final PasswordFile FILE = PasswordFileParser.parse(String.join("\n",
            "# users",
            line("alice", "pbkdf2 pässwörd", HashAlgorithm.SHA512_PBKDF2),
            line("bob", "old style", HashAlgorithm.SHA512),
            line("scram", "for both kinds", HashAlgorithm.SCRAM_SHA256),
            "argon:$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g",
            "plain:text"));

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private final PasswordFileAuthenticator strict = new PasswordFileAuthenticator(FILE, false);

    @Test
    void rightPasswordsAreAcceptedForEveryHashType() {
        assertEquals(Verdict.ACCEPTED, strict.authenticate("c", "127.0.0.1:1", "alice", bytes("pbkdf2 pässwörd")));
        assertEquals(Verdict.ACCEPTED, strict.authenticate("c", "127.0.0.1:1", "bob", bytes("old style")));
        assertEquals(Verdict.ACCEPTED, strict.authenticate("c", "127.0.0.1:1", "scram", bytes("for both kinds")));
    }

    @Test
    void wrongOrMissingPasswordsAndUnknownUsersAreNotAuthorised() {
        assertEquals(Verdict.NOT_AUTHORIZED, strict.authenticate("c", "127.0.0.1:1", "alice", bytes("pbkdf2 passwörd")));
        assertEquals(Verdict.NOT_AUTHORIZED, strict.authenticate("c", "127.0.0.1:1", "alice", bytes("")));
        assertEquals(Verdict.NOT_AUTHORIZED, strict.authenticate("c", "127.0.0.1:1", "alice", null));
        assertEquals(Verdict.NOT_AUTHORIZED, strict.authenticate("c", "127.0.0.1:1", "bob", bytes("pbkdf2 pässwörd")));
        assertEquals(Verdict.NOT_AUTHORIZED, strict.authenticate("c", "127.0.0.1:1", "scram", bytes("for both")));
        assertEquals(Verdict.NOT_AUTHORIZED, strict.authenticate("c", "127.0.0.1:1", "Alice", bytes("pbkdf2 pässwörd")));
        assertEquals(Verdict.NOT_AUTHORIZED, strict.authenticate("c", "127.0.0.1:1", "mallory", bytes("anything")));
        assertEquals(Verdict.NOT_AUTHORIZED, strict.authenticate("c", "127.0.0.1:1", "", null));
    }

    @Test
    void usersWhoseLineCouldNotBeDecodedCannotLogIn() {
        assertEquals(2, FILE.problems().size(), FILE.problems()::toString);
        assertEquals(Verdict.NOT_AUTHORIZED, strict.authenticate("c", "127.0.0.1:1", "argon", bytes("")));
        assertEquals(Verdict.NOT_AUTHORIZED, strict.authenticate("c", "127.0.0.1:1", "plain", bytes("text")));
    }

    @Test
    void clientsWithoutUsernameFollowAllowAnonymous() {
        assertEquals(Verdict.NOT_AUTHORIZED, strict.authenticate("c", "127.0.0.1:1", null, null));
        assertEquals(Verdict.NOT_AUTHORIZED, strict.authenticate("c", "127.0.0.1:1", null, bytes("pbkdf2 pässwörd")));
        PasswordFileAuthenticator open = new PasswordFileAuthenticator(FILE, true);
        assertEquals(Verdict.ACCEPTED, open.authenticate("c", "127.0.0.1:1", null, null));
        // allow_anonymous does not excuse a wrong password or an unknown user.
        assertEquals(Verdict.NOT_AUTHORIZED, open.authenticate("c", "127.0.0.1:1", "alice", bytes("wrong")));
        assertEquals(Verdict.NOT_AUTHORIZED, open.authenticate("c", "127.0.0.1:1", "mallory", null));
    }

    @Test
    void replacingTheFileChangesWhoMayLogIn() {
        strict.replace(PasswordFileParser.parse(line("alice", "new", HashAlgorithm.SHA512_PBKDF2) + "\n"));
        assertEquals(Verdict.NOT_AUTHORIZED, strict.authenticate("c", "127.0.0.1:1", "alice", bytes("pbkdf2 pässwörd")));
        assertEquals(Verdict.ACCEPTED, strict.authenticate("c", "127.0.0.1:1", "alice", bytes("new")));
        assertEquals(Verdict.NOT_AUTHORIZED, strict.authenticate("c", "127.0.0.1:1", "bob", bytes("old style")));
    }
}
