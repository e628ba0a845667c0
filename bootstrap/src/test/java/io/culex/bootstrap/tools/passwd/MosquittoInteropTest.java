package io.culex.bootstrap.tools.passwd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.security.password.PasswordFile;
import io.culex.application.security.password.PasswordFileParser;
import io.culex.adapters.netty.bridge.MosquittoProcess;
import io.culex.bootstrap.tools.passwd.MosquittoInstallation.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Against Debian's real Mosquitto 2.0: its broker accepts files written by {@code culex passwd}, our code
 * reads files written by its mosquitto_passwd, and both tools fail the same way on the same bad input.
 * Skipped when the binaries are missing, except on CI (CI set), where that fails.
 */
class MosquittoInteropTest {

    private static final String NOT_AUTHORISED = "Connection Refused: not authorised";

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("passwords");
    }

    private static void ok(ToolRun run) {
        assertEquals(0, run.exitCode(), run::toString);
    }

    @Test
    void realBrokerAcceptsAFileWrittenByCulexPasswd() throws Exception {
        Path pub = MosquittoInstallation.require("mosquitto_pub");
        String f = file().toString();
        ok(ToolRun.passwd("-c", "-b", f, "alice", "pbkdf2 pässwörd"));
        ok(ToolRun.passwd("-H", "sha512", "-b", f, "bob", "sha512 pw"));
        ok(ToolRun.passwd("-I", "1000", "-b", f, "carol", "many rounds"));
        ok(ToolRun.withStdin("typed\ntyped\n", f, "dave"));
        ok(ToolRun.passwd("-b", f, "gone", "soon"));
        ok(ToolRun.passwd("-D", f, "gone"));
        // A plain-text line, as an administrator might add by hand before running -U.
        Files.writeString(file(), "erin:plain text\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        ok(ToolRun.passwd("-U", f));

        try (MosquittoProcess broker = MosquittoProcess.start(dir,
                "allow_anonymous false\npassword_file " + file().toAbsolutePath())) {
            for (String[] user : new String[][] {{"alice", "pbkdf2 pässwörd"}, {"bob", "sha512 pw"},
                    {"carol", "many rounds"}, {"dave", "typed"}, {"erin", "plain text"}}) {
                Result accepted = publish(pub, broker, user[0], user[1]);
                assertEquals(0, accepted.exitCode(), () -> user[0] + ": " + accepted + "\n" + broker.log());

                Result refused = publish(pub, broker, user[0], user[1] + "x");
                assertNotEquals(0, refused.exitCode(), () -> user[0] + ": " + refused);
                assertTrue(refused.stderr().contains(NOT_AUTHORISED), refused::toString);
            }
            Result deleted = publish(pub, broker, "gone", "soon");
            assertTrue(deleted.stderr().contains(NOT_AUTHORISED), deleted::toString);
        }
    }

    private static Result publish(Path pub, MosquittoProcess broker, String username, String password) {
        return MosquittoInstallation.run("", List.of(pub.toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(broker.port()), "-u", username, "-P", password, "-t", "interop/passwd", "-m", "hi"));
    }

    @Test
    void culexReadsAndEditsAFileWrittenByMosquittoPasswd() throws Exception {
        Path mosquittoPasswd = MosquittoInstallation.require("mosquitto_passwd");
        String f = file().toString();
        realPasswd(mosquittoPasswd, "-c", "-b", f, "alice", "pässwörd");
        realPasswd(mosquittoPasswd, "-H", "sha512", "-b", f, "bob", "old style");
        realPasswd(mosquittoPasswd, "-I", "7", "-b", f, "carol", "seven");

        PasswordFile parsed = PasswordFileParser.parse(Files.readString(file()));
        assertEquals(List.of(), parsed.problems());
        assertTrue(parsed.verify("alice", "pässwörd"));
        assertTrue(parsed.verify("bob", "old style"));
        assertTrue(parsed.verify("carol", "seven"));
        assertFalse(parsed.verify("carol", "eight"));

        // Our edits keep mosquitto_passwd's lines as they were, and mosquitto_passwd can edit our result.
        List<String> before = Files.readAllLines(file());
        ok(ToolRun.passwd("-b", f, "dave", "new"));
        ok(ToolRun.passwd("-D", f, "bob"));
        List<String> after = Files.readAllLines(file());
        assertEquals(List.of(before.get(0), before.get(2)), after.subList(0, 2));
        realPasswd(mosquittoPasswd, "-b", f, "erin", "last");
        PasswordFile edited = PasswordFileParser.parse(Files.readString(file()));
        assertEquals(List.of("alice", "carol", "dave", "erin"),
                edited.entries().stream().map(e -> e.username()).toList());
        assertTrue(edited.verify("dave", "new"));
        assertTrue(edited.verify("erin", "last"));
    }

    private static void realPasswd(Path mosquittoPasswd, String... args) {
        List<String> command = new ArrayList<>(List.of(mosquittoPasswd.toString()));
        command.addAll(List.of(args));
        Result result = MosquittoInstallation.run("", command);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.stderr(), result::toString);
    }

    /**
     * The same arguments and stdin go to mosquitto_passwd and to culex passwd, each on its own copy of
     * the same directory; FILE, MISSING and DIR stand for a file holding user alice, a missing file and a
     * directory. Exit code, stderr and (except for the usage text, which names the tool) stdout must match.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-H md5 -b FILE u p           | ''",
        "-H                           | ''",
        "-I 0 -b FILE u p             | ''",
        "-I                           | ''",
        "-c -D FILE u                 | ''",
        "-c -U FILE                   | ''",
        "-D -U FILE                   | ''",
        "-b -D FILE u                 | ''",
        "-c FILE                      | ''",
        "-c -b FILE u                 | ''",
        "-D FILE                      | ''",
        "-U                           | ''",
        "-b FILE a:b p                | ''",
        "-b MISSING u p               | ''",
        "-D MISSING u                 | ''",
        "-U MISSING                   | ''",
        "-D FILE nobody               | ''",
        "-b DIR u p                   | ''",
        "-c -b DIR u p                | ''",
        "FILE alice                   | 'abc\\nxyz\\n'",
        "-c MISSING alice             | 'abc\\nxyz\\n'",
        "FILE alice                   | '\\n'",
        "FILE alice                   | 'abc\\n'",
        "MISSING alice                | 'abc\\nabc\\n'",
        "FILE                         | ''",
        "-x FILE u                    | ''",
        "-b FILE u p extra            | ''",
        "''                           | ''",
    })
    void failsExactlyAsMosquittoPasswdDoes(String args, String stdin) throws Exception {
        Path mosquittoPasswd = MosquittoInstallation.require("mosquitto_passwd");
        String input = stdin.replace("\\n", "\n");
        Path realDir = Files.createDirectory(dir.resolve("real"));
        Path culexDir = Files.createDirectory(dir.resolve("culex"));

        List<String> realCommand = new ArrayList<>(List.of(mosquittoPasswd.toString()));
        realCommand.addAll(arguments(args, realDir));
        realPasswd(mosquittoPasswd, "-c", "-b", realDir.resolve("file").toString(), "alice", "pw");
        Result real = MosquittoInstallation.run(input, realCommand);

        ok(ToolRun.passwd("-c", "-b", culexDir.resolve("file").toString(), "alice", "pw"));
        String before = Files.readString(culexDir.resolve("file"));
        ToolRun culex = ToolRun.withStdin(input, arguments(args, culexDir).toArray(String[]::new));

        assertNotEquals(0, real.exitCode(), real::toString);
        String where = "mosquitto_passwd: " + real + "\nculex passwd: " + culex;
        assertEquals(real.exitCode(), culex.exitCode(), where);
        assertEquals(real.stderr().replace(realDir.toString(), "<dir>"),
                culex.stderr().replace(culexDir.toString(), "<dir>"), where);
        if (real.stdout().startsWith("mosquitto_passwd is a tool")) {
            assertTrue(culex.stdout().startsWith("culex passwd is a tool"), where);
        } else {
            assertEquals(real.stdout(), culex.stdout(), where);
        }
        assertEquals(before, Files.readString(culexDir.resolve("file")), "a failed run changed the file");
    }

    private static List<String> arguments(String args, Path base) {
        List<String> list = new ArrayList<>();
        if (args.isEmpty()) {
            return list;
        }
        for (String arg : args.split(" +")) {
            list.add(switch (arg) {
                case "FILE" -> base.resolve("file").toString();
                case "MISSING" -> base.resolve("missing").toString();
                case "DIR" -> base.toString();
                default -> arg;
            });
        }
        return list;
    }
}
