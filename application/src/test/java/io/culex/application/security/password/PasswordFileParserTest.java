package io.culex.application.security.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordFileParserTest {

    private static final String ALICE = "alice:" + PasswordHashTest.PBKDF2_1000;     // password "x"
    private static final String BOB = "bob:" + PasswordHashTest.SHA512_COLON;         // password "colon:in $pass"

    @Test
    void readsEntriesAndVerifiesBothAlgorithms() {
        PasswordFile file = PasswordFileParser.parse(ALICE + "\n" + BOB + "\n");
        assertEquals(List.of("alice", "bob"), file.entries().stream().map(PasswordEntry::username).toList());
        assertEquals(List.of(), file.problems());
        assertTrue(file.verify("alice", "x"));
        assertTrue(file.verify("bob", "colon:in $pass"));
        assertFalse(file.verify("alice", "colon:in $pass"));
        assertFalse(file.verify("carol", "x"));
        assertEquals(2, file.entry("bob").orElseThrow().line());
    }

    @Test
    void commentsBlankLinesAndSurroundingBlanksAreAllowedAsTheBrokerDoes() {
        String text = "# users\n\n   \n  alice \t:  " + PasswordHashTest.PBKDF2_1000 + " \r\n" + BOB;
        PasswordFile file = PasswordFileParser.parse(text);
        assertEquals(List.of(), file.problems());
        assertTrue(file.verify("alice", "x"));
        assertEquals(4, file.entry("alice").orElseThrow().line());
        assertTrue(file.verify("bob", "colon:in $pass"), "last line without a newline");
    }

    @Test
    void textAfterASecondColonIsIgnoredAsTheBrokerDoes() {
        PasswordFile file = PasswordFileParser.parse(ALICE + ":whatever");
        assertEquals(List.of(), file.problems());
        assertTrue(file.verify("alice", "x"));
    }

    @Test
    void badLinesAreReportedWithTheirNumbersAndTheRestStillWorks() {
        String text = String.join("\n",
                "carol:$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g",   // 1
                ALICE,                                                          // 2
                "dave:plaintext",                                               // 3
                "no separator",                                                 // 4
                ":" + PasswordHashTest.PBKDF2_EMPTY,                            // 5
                "erin:",                                                        // 6
                "frank:$7$101$c2FsdA==$aGFzaA==",                               // 7
                BOB);                                                           // 8
        PasswordFile file = PasswordFileParser.parse(text);

        assertEquals(List.of("alice", "bob"), file.entries().stream().map(PasswordEntry::username).toList());
        List<PasswordFileProblem> problems = file.problems();
        assertEquals(List.of(1, 3, 4, 5, 6, 7), problems.stream().map(PasswordFileProblem::line).toList());
        assertEquals("user 'carol': unsupported hash type '$argon2id$'", problems.get(0).message());
        assertTrue(problems.get(1).message().startsWith("user 'dave': not a password hash"), problems::toString);
        assertTrue(problems.get(2).message().contains("no ':'"), problems::toString);
        assertEquals("empty username", problems.get(3).message());
        assertEquals("user 'erin' has no password hash", problems.get(4).message());
        assertEquals("user 'frank': salt is 4 bytes, expected 12", problems.get(5).message());
        assertFalse(file.verify("carol", "anything"));
    }

    @Test
    void scramEntriesSitBesideMosquittoOnesAndServeBothKindsOfLogin() {
        PasswordFile file = PasswordFileParser.parse(
                "user:" + ScramCredentialsTest.RFC7677_PENCIL + "\n" + ALICE + "\n");
        assertEquals(List.of(), file.problems());
        assertTrue(file.verify("user", "pencil"));
        assertFalse(file.verify("user", "x"));
        assertTrue(file.verify("alice", "x"));
        assertEquals(4096, file.scramCredentials("user").orElseThrow().iterations());
        assertTrue(file.scramCredentials("alice").isEmpty(), "a $7$ entry cannot serve SCRAM");
        assertTrue(file.scramCredentials("nobody").isEmpty());
    }

    @Test
    void badScramLinesAreReportedWithTheirNumbersAndProblem() {
        String key = "WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=";
        String text = String.join("\n",
                "# SCRAM users",                                                          // 1
                "u1:$scram-sha-256$1000$W22ZaJ0SNY7soEsUEjb6gQ==$" + key + "$" + key,     // 2
                "u2:$scram-sha-256$4096$W22ZaJ0SNY7soEsUEjb6gQ==$" + key,                 // 3
                "user:" + ScramCredentialsTest.RFC7677_PENCIL,                            // 4
                "u3:$scram-sha-256$4096$W22ZaJ0SNY7soEsUEjb6gQ==$" + key + "$c2hvcnQ=");  // 5
        PasswordFile file = PasswordFileParser.parse(text);

        assertEquals(List.of("user"), file.entries().stream().map(PasswordEntry::username).toList());
        assertEquals(List.of(
                new PasswordFileProblem(2, "user 'u1': iteration count must be at least 4096 for SCRAM-SHA-256"),
                new PasswordFileProblem(3, "user 'u2': malformed $scram-sha-256$ hash: expected 4 fields after the"
                        + " type, found 3"),
                new PasswordFileProblem(5, "user 'u3': ServerKey is 5 bytes, expected 32")), file.problems());
        assertTrue(file.scramCredentials("u1").isEmpty());
    }

    @Test
    void aRepeatedUserKeepsItsLastLineAsMosquittoDoes() {
        // Checked against mosquitto 2.0.11: with two lines for one user, only the second password works.
        PasswordFile file = PasswordFileParser.parse("u:" + PasswordHashTest.PBKDF2_EMPTY + "\nu:"
                + PasswordHashTest.PBKDF2_1000 + "\n");
        assertTrue(file.verify("u", "x"));
        assertFalse(file.verify("u", ""));
        assertEquals(List.of(new PasswordFileProblem(2, "user 'u' again; this line replaces line 1")),
                file.problems());
    }

    @Test
    void anEmptyFileHasNoEntries() {
        PasswordFile file = PasswordFileParser.parse("");
        assertEquals(List.of(), file.entries());
        assertEquals(List.of(), file.problems());
    }
}
