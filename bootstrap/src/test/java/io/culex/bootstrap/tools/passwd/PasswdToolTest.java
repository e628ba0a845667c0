package io.culex.bootstrap.tools.passwd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.security.password.HashAlgorithm;
import io.culex.application.security.password.PasswordFile;
import io.culex.application.security.password.PasswordFileParser;
import io.culex.application.security.password.ScramCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code culex passwd} end to end on temporary files, in process. */
class PasswdToolTest {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("passwords");
    }

    private String text() throws IOException {
        return Files.readString(file(), StandardCharsets.UTF_8);
    }

    private PasswordFile parsed() throws IOException {
        PasswordFile parsed = PasswordFileParser.parse(text());
        assertEquals(List.of(), parsed.problems(), parsed.problems()::toString);
        return parsed;
    }

    private void ok(ToolRun run) {
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.stderr(), run::toString);
    }

    @Test
    void createWritesOneOwnerOnlyPbkdf2Line() throws Exception {
        ok(ToolRun.passwd("-c", "-b", file().toString(), "alice", "s3cret"));

        assertTrue(text().matches("alice:\\$7\\$101\\$[A-Za-z0-9+/]{16}\\$[A-Za-z0-9+/]{86}==\n"), this::safeText);
        assertTrue(parsed().verify("alice", "s3cret"));
        assertFalse(parsed().verify("alice", "S3cret"));
        if (POSIX) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        }
    }

    @Test
    void createOverwritesAnExistingFile() throws Exception {
        Files.writeString(file(), "old:stuff\n");
        ok(ToolRun.passwd("-c", "-b", file().toString(), "alice", "pw"));
        assertEquals(List.of("alice"), parsed().entries().stream().map(e -> e.username()).toList());
    }

    @Test
    void batchAddAppendsAndKeepsOtherLinesByteForByte() throws Exception {
        String before = "# managed by hand\r\nbob:$6$Z8dLHGfEp26hZVzu$twSZhgVDBMAGy7NmpU6T9zLwXtBBBqxvdcBWVKLT7m6gv/kL"
                + "3hMzaaavyb2eU8aV5wM91ZaTjI/Pght6JiremQ==\r\n\ncarol:plain-for-now";   // no final newline
        Files.writeString(file(), before);

        ok(ToolRun.passwd("-b", file().toString(), "alice", "pw"));

        String after = text();
        assertTrue(after.startsWith(before + "\nalice:$7$101$"), after);
        assertTrue(after.endsWith("\n"), after);
        assertTrue(PasswordFileParser.parse(after).verify("alice", "pw"));
        assertTrue(PasswordFileParser.parse(after).verify("bob", "colon:in $pass"));
    }

    @Test
    void batchUpdateReplacesTheUsersLineInPlace() throws Exception {
        ok(ToolRun.passwd("-c", "-b", file().toString(), "alice", "one"));
        ok(ToolRun.passwd("-b", file().toString(), "bob", "two"));
        ok(ToolRun.passwd("-b", file().toString(), "carol", "three"));
        List<String> before = Files.readAllLines(file());

        ok(ToolRun.passwd("-H", "sha512", "-b", file().toString(), "bob", "new"));

        List<String> after = Files.readAllLines(file());
        assertEquals(3, after.size(), after::toString);
        assertEquals(before.get(0), after.get(0));
        assertTrue(after.get(1).startsWith("bob:$6$"), after::toString);
        assertEquals(before.get(2), after.get(2));
        assertTrue(parsed().verify("bob", "new"));
        assertFalse(parsed().verify("bob", "two"));
    }

    @Test
    void iterationsOptionIsWritten() throws Exception {
        ok(ToolRun.passwd("-I", "2000", "-c", "-b", file().toString(), "alice", "pw"));
        assertEquals(2000, parsed().entry("alice").orElseThrow().hash().iterations());
        assertEquals(HashAlgorithm.SHA512_PBKDF2, parsed().entry("alice").orElseThrow().hash().algorithm());
        assertTrue(parsed().verify("alice", "pw"));
    }

    @Test
    void scramOptionWritesAnEntryThatServesScramAndPlainPasswords() throws Exception {
        ok(ToolRun.passwd("-H", "scram-sha-256", "-c", "-b", file().toString(), "alice", "s3cret"));

        assertTrue(text().matches("alice:\\$scram-sha-256\\$4096\\$[A-Za-z0-9+/]{22}==(\\$[A-Za-z0-9+/]{43}=){2}\n"),
                this::safeText);
        assertTrue(parsed().verify("alice", "s3cret"));
        assertFalse(parsed().verify("alice", "S3cret"));
        ScramCredentials stored = parsed().scramCredentials("alice").orElseThrow();
        assertEquals(stored, ScramCredentials.derive("s3cret", stored.salt(), stored.iterations()));
    }

    @Test
    void scramTakesMoreIterationsAndSitsBesideMosquittoEntries() throws Exception {
        ok(ToolRun.passwd("-c", "-b", file().toString(), "mosq", "one"));
        ok(ToolRun.passwd("-H", "scram-sha-256", "-I", "5000", "-b", file().toString(), "scram", "two"));

        assertEquals(5000, parsed().entry("scram").orElseThrow().hash().iterations());
        assertTrue(parsed().verify("mosq", "one"));
        assertTrue(parsed().verify("scram", "two"));
        assertTrue(parsed().scramCredentials("mosq").isEmpty());
    }

    @Test
    void scramRefusesTooFewIterationsAndWritesNothing() {
        ToolRun run = ToolRun.passwd("-H", "scram-sha-256", "-I", "1000", "-c", "-b", file().toString(), "a", "p");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("Error: Number of iterations must be at least 4096 for scram-sha-256.\n", run.stderr());
        assertFalse(Files.exists(file()));
    }

    @Test
    void convertCanWriteScramEntries() throws Exception {
        Files.writeString(file(), "alice:plain pw\n");
        ok(ToolRun.passwd("-H", "scram-sha-256", "-U", file().toString()));
        assertTrue(text().startsWith("alice:$scram-sha-256$4096$"), this::safeText);
        assertTrue(parsed().verify("alice", "plain pw"));
        // A SCRAM entry is a hash already: converting again leaves it alone.
        String converted = text();
        ok(ToolRun.passwd("-U", file().toString()));
        assertEquals(converted, text());
    }

    @Test
    void deleteRemovesOnlyThatUser() throws Exception {
        Files.writeString(file(), "# users\n");
        ok(ToolRun.passwd("-b", file().toString(), "alice", "one"));
        ok(ToolRun.passwd("-b", file().toString(), "bob", "two"));

        ok(ToolRun.passwd("-D", file().toString(), "alice"));

        assertTrue(text().startsWith("# users\nbob:$7$"), this::safeText);
        assertTrue(parsed().entry("alice").isEmpty());
        assertTrue(parsed().verify("bob", "two"));
    }

    @Test
    void deletingAnUnknownUserWarnsFailsAndLeavesTheFile() throws Exception {
        ok(ToolRun.passwd("-c", "-b", file().toString(), "alice", "one"));
        String before = text();

        ToolRun run = ToolRun.passwd("-D", file().toString(), "nobody");

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("Warning: User nobody not found in password file.\n", run.stderr());
        assertEquals(before, text());
    }

    @Test
    void convertHashesPlainTextAndLeavesExistingHashesAlone() throws Exception {
        ok(ToolRun.passwd("-c", "-b", file().toString(), "hashed", "already"));
        String hashedLine = text().strip();
        Files.writeString(file(), "# plain\n alice : secret one \n" + hashedLine + "\nbob:pw:ignored\n");

        ok(ToolRun.passwd("-U", file().toString()));

        List<String> lines = Files.readAllLines(file());
        assertEquals("# plain", lines.get(0));
        assertTrue(lines.get(1).startsWith("alice:$7$101$"), lines::toString);
        assertEquals(hashedLine, lines.get(2));
        assertTrue(lines.get(3).startsWith("bob:$7$"), lines::toString);
        // mosquitto_passwd trims blanks around the user and the password, and stops at the next ':'.
        assertTrue(parsed().verify("alice", "secret one"));
        assertTrue(parsed().verify("hashed", "already"));
        assertTrue(parsed().verify("bob", "pw"));
    }

    @Test
    void interactiveModeReadsThePasswordTwiceFromStdin() throws Exception {
        Files.writeString(file(), "");
        ToolRun run = ToolRun.withStdin("typed pw\ntyped pw\n", file().toString(), "alice");

        ok(run);
        assertEquals("Password: \nReenter password: \n", run.stdout());
        assertTrue(parsed().verify("alice", "typed pw"));
    }

    @Test
    void interactiveCreate() throws Exception {
        ok(ToolRun.withStdin("pässwörd\npässwörd\n", "-c", file().toString(), "alice"));
        assertTrue(parsed().verify("alice", "pässwörd"));
    }

    @Test
    void mismatchedPasswordsExitTwoAndChangeNothing() throws Exception {
        ok(ToolRun.passwd("-c", "-b", file().toString(), "alice", "one"));
        String before = text();

        ToolRun run = ToolRun.withStdin("abc\nxyz\n", file().toString(), "alice");

        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("Error: Passwords do not match.\n", run.stderr());
        assertEquals(before, text());
    }

    @Test
    void mismatchOnCreateLeavesNoFile() {
        ToolRun run = ToolRun.withStdin("abc\nxyz\n", "-c", file().toString(), "alice");
        assertEquals(2, run.exitCode(), run::toString);
        assertFalse(Files.exists(file()));
    }

    @Test
    void emptyOrMissingAnswerIsAnEmptyPassword() {
        ToolRun blank = ToolRun.withStdin("\n\n", "-c", file().toString(), "alice");
        assertEquals(1, blank.exitCode(), blank::toString);
        assertEquals("Error: Empty password.\n", blank.stderr());
        assertEquals("Password: ", blank.stdout());

        ToolRun eof = ToolRun.withStdin("abc\n", "-c", file().toString(), "alice");
        assertEquals(1, eof.exitCode(), eof::toString);
        assertEquals("Error: Empty password.\n", eof.stderr());
        assertFalse(Files.exists(file()));
    }

    @Test
    void aMissingFileIsReportedBeforeAnyPrompt() {
        ToolRun run = ToolRun.withStdin("abc\nabc\n", file().toString(), "alice");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("", run.stdout());
        assertEquals("Error: Unable to open password file " + file() + ". No such file or directory.\n",
                run.stderr());
        assertFalse(Files.exists(file()));
    }

    @Test
    void aDirectoryIsNeitherReadNorOverwritten() throws Exception {
        String real = dir.toRealPath().toString();
        ToolRun update = ToolRun.passwd("-b", dir.toString(), "u", "p");
        assertEquals(1, update.exitCode(), update::toString);
        assertEquals("Error: Unable to open password file " + real + ". Is a directory.\n", update.stderr());

        ToolRun create = ToolRun.passwd("-c", "-b", dir.toString(), "u", "p");
        assertEquals(1, create.exitCode(), create::toString);
        assertEquals("Error: Unable to open file " + real + " for writing. Is a directory.\n", create.stderr());
    }

    @Test
    void aCorruptLineStopsTheEditAndKeepsTheFile() throws Exception {
        String before = "alice:x\nbob\ncarol:y\n";
        Files.writeString(file(), before);

        ToolRun run = ToolRun.passwd("-b", file().toString(), "dave", "pw");

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("Error: Corrupt password file at line 2.\n", run.stderr());
        assertEquals(before, text());
        assertEquals(1, ToolRun.passwd("-U", file().toString()).exitCode());
        assertEquals(1, ToolRun.passwd("-D", file().toString(), "alice").exitCode());
        assertEquals(before, text());
    }

    @Test
    void aUsernameWithAColonIsRefused() {
        ToolRun run = ToolRun.passwd("-c", "-b", file().toString(), "a:b", "pw");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("Error: Username must not contain the ':' character.\n", run.stderr());
        assertFalse(Files.exists(file()));
    }

    @Test
    void badUsagePrintsUsageOnStdout() {
        ToolRun run = ToolRun.passwd(file().toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.stdout().startsWith("culex passwd is a tool for managing password files"), run::toString);
        assertEquals("", run.stderr());
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws Exception {
        ok(ToolRun.passwd("-c", "-b", file().toString(), "alice", "one"));
        ok(ToolRun.passwd("-b", file().toString(), "bob", "two"));
        ok(ToolRun.passwd("-D", file().toString(), "bob"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file()), files.toList());
        }
    }

    @Test
    void anExistingFileKeepsAtMostOwnerReadWriteAndGroupRead() throws Exception {
        Assumptions.assumeTrue(POSIX, "POSIX permissions");
        ok(ToolRun.passwd("-c", "-b", file().toString(), "alice", "one"));
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-rw-r--"));

        ok(ToolRun.passwd("-b", file().toString(), "bob", "two"));

        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
    }

    @Test
    void aSymbolicLinkIsFollowedNotReplaced() throws Exception {
        Path real = dir.resolve("real");
        ok(ToolRun.passwd("-c", "-b", real.toString(), "alice", "one"));
        try {
            Files.createSymbolicLink(file(), real.getFileName());
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here: " + e);
        }

        ok(ToolRun.passwd("-b", file().toString(), "bob", "two"));

        assertTrue(Files.isSymbolicLink(file()));
        assertTrue(PasswordFileParser.parse(Files.readString(real)).verify("bob", "two"));
    }

    private String safeText() {
        try {
            return text();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
