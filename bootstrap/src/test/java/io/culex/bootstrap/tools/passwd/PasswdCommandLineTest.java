package io.culex.bootstrap.tools.passwd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.security.password.HashAlgorithm;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Messages and checks copied from running Debian's mosquitto_passwd 2.0.11 with the same arguments. */
class PasswdCommandLineTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "-H                  | Error: -H argument given but not enough other arguments.",
        "-H md5 -b f u p     | Error: Unknown hash type 'md5'",
        "-I                  | Error: -I argument given but not enough other arguments.",
        "-I 0 -b f u p       | Error: Number of iterations must be > 0.",
        "-I abc -b f u p     | Error: Number of iterations must be > 0.",
        "-I -1 -b f u p      | Error: Number of iterations must be > 0.",
        "-H scram-sha-256 -I 4095 -b f u p | Error: Number of iterations must be at least 4096 for scram-sha-256.",
        "-I 101 -H scram-sha-256 -c f u    | Error: Number of iterations must be at least 4096 for scram-sha-256.",
        "-c -D f u           | Error: -c and -D cannot be used together.",
        "-c -U f             | Error: -c and -U cannot be used together.",
        "-D -U f             | Error: -D and -U cannot be used together.",
        "-b -D f u           | Error: -b and -D cannot be used together.",
        "-c f                | Error: -c argument given but password file or username missing.",
        "-c -b f u           | Error: -c argument given but password file, username, or password missing.",
        "-D f                | Error: -D argument given but password file or username missing.",
        "-U                  | Error: -U argument given but password file missing.",
        "-U f extra          | Error: -U argument given but password file missing.",
        "-b f a:b p          | Error: Username must not contain the ':' character.",
        "-c f a:b            | Error: Username must not contain the ':' character.",
    })
    void refusesWithMosquittoPasswdsMessage(String args, String message) {
        PasswdFailure failure = assertThrows(PasswdFailure.class, () -> PasswdCommandLine.parse(args.split(" ")));
        assertEquals(message, failure.getMessage());
        assertEquals(1, failure.exitCode());
        assertFalse(failure.isUsage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"f", "-b f u", "-b f u p extra", "f u extra", "-x f u"})
    void wrongPositionalCountPrintsUsage(String args) {
        PasswdFailure failure = assertThrows(PasswdFailure.class, () -> PasswdCommandLine.parse(args.split(" ")));
        assertTrue(failure.isUsage());
        assertEquals(1, failure.exitCode());
    }

    @Test
    void noArgumentsPrintsUsage() {
        assertTrue(assertThrows(PasswdFailure.class, () -> PasswdCommandLine.parse(new String[0])).isUsage());
    }

    @Test
    void controlCharactersAndEmptyNamesAreRefused() {
        assertEquals("Error: Username must not contain control characters.", assertThrows(PasswdFailure.class,
                () -> PasswdCommandLine.parse(new String[] {"-b", "f", "a\tb", "p"})).getMessage());
        assertEquals("Error: Username must not be empty.", assertThrows(PasswdFailure.class,
                () -> PasswdCommandLine.parse(new String[] {"-b", "f", "", "p"})).getMessage());
    }

    @Test
    void readsEveryModeWithItsDefaults() throws Exception {
        assertEquals(new PasswdCommand(PasswdCommand.Mode.SET, HashAlgorithm.SHA512_PBKDF2, 101, "f",
                Optional.of("u"), Optional.empty()), PasswdCommandLine.parse(new String[] {"f", "u"}));
        assertEquals(new PasswdCommand(PasswdCommand.Mode.SET, HashAlgorithm.SHA512, 101, "f",
                Optional.of("u"), Optional.of("p")), PasswdCommandLine.parse("-H sha512 -b f u p".split(" ")));
        assertEquals(new PasswdCommand(PasswdCommand.Mode.CREATE, HashAlgorithm.SHA512_PBKDF2, 5, "f",
                Optional.of("u"), Optional.of("p")), PasswdCommandLine.parse("-I 5 -c -b f u p".split(" ")));
        assertEquals(PasswdCommand.Mode.DELETE, PasswdCommandLine.parse("-D f u".split(" ")).mode());
        assertEquals(new PasswdCommand(PasswdCommand.Mode.CONVERT, HashAlgorithm.SHA512, 101, "f",
                Optional.empty(), Optional.empty()), PasswdCommandLine.parse("-H sha512 -U f".split(" ")));
        // mosquitto_passwd ignores extra arguments after -c and -D.
        assertEquals(PasswdCommand.Mode.CREATE, PasswdCommandLine.parse("-c f u extra".split(" ")).mode());
        // -b is ignored with -U.
        assertEquals(PasswdCommand.Mode.CONVERT, PasswdCommandLine.parse("-U -b f".split(" ")).mode());
    }

    @Test
    void scramDefaultsTo4096IterationsAndTakesMore() throws Exception {
        assertEquals(new PasswdCommand(PasswdCommand.Mode.SET, HashAlgorithm.SCRAM_SHA256, 4096, "f",
                Optional.of("u"), Optional.of("p")), PasswdCommandLine.parse("-H scram-sha-256 -b f u p".split(" ")));
        assertEquals(10000, PasswdCommandLine.parse("-I 10000 -H scram-sha-256 -c f u".split(" ")).iterations());
        assertEquals(HashAlgorithm.SCRAM_SHA256,
                PasswdCommandLine.parse("-H scram-sha-256 -U f".split(" ")).algorithm());
    }

    @Test
    void usageNamesTheScramOption() {
        assertTrue(PasswdCommandLine.USAGE.contains(
                "Usage: culex passwd [-H sha512 | -H sha512-pbkdf2 | -H scram-sha-256] [-I iterations] [-c | -D]"
                        + " passwordfile username\n"), PasswdCommandLine.USAGE);
        assertTrue(PasswdCommandLine.USAGE.contains("For scram-sha-256: at least 4096, which is the default."));
    }

    @Test
    void iterationsAreReadLikeCsAtoi() {
        assertEquals(5, PasswdCommandLine.atoi("5x"));
        assertEquals(12, PasswdCommandLine.atoi("  +12"));
        assertEquals(-3, PasswdCommandLine.atoi("-3"));
        assertEquals(0, PasswdCommandLine.atoi("x5"));
        assertEquals(0, PasswdCommandLine.atoi("99999999999"));
    }
}
