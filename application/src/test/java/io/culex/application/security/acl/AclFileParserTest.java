package io.culex.application.security.acl;

import static io.culex.domain.security.AclAccess.DENY;
import static io.culex.domain.security.AclAccess.READ;
import static io.culex.domain.security.AclAccess.READWRITE;
import static io.culex.domain.security.AclAccess.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.security.AclRule;
import io.culex.domain.security.AclRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AclFileParserTest {

    @Test
    void everyLineType() {
        AclFile file = AclFileParser.parse("""
                # comment
                topic read $SYS/#
                topic anon/inbox

                user alice
                topic write sensors/+/temp
                topic readwrite alice/#
                topic deny alice/private/#
                pattern read users/%u/#
                user bob
                topic read shared/#
                user alice
                topic read more/#
                pattern deny secret/%c
                pattern write clients/%c/out
                """);
        assertTrue(file.valid(), file.describeErrors());
        AclRules rules = file.rules();
        assertEquals(List.of(new AclRule(READ, "$SYS/#", 2), new AclRule(READWRITE, "anon/inbox", 3)), rules.anonymous());
        assertEquals(Map.of(
                "alice", List.of(new AclRule(WRITE, "sensors/+/temp", 6), new AclRule(READWRITE, "alice/#", 7),
                        new AclRule(DENY, "alice/private/#", 8), new AclRule(READ, "more/#", 13)),
                "bob", List.of(new AclRule(READ, "shared/#", 11))), rules.users());
        assertEquals(List.of(new AclRule(READ, "users/%u/#", 9), new AclRule(DENY, "secret/%c", 14),
                new AclRule(WRITE, "clients/%c/out", 15)), rules.patterns());
        assertEquals(List.of(), file.warnings());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1} \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "'topic read a/b'                | read      | a/b",
            "'topic write a/b'               | write     | a/b",
            "'topic readwrite a/b'           | readwrite | a/b",
            "'topic deny a/b'                | deny      | a/b",
            "'topic a/b'                     | readwrite | a/b",
            // a lone word is the topic, even when it spells an access
            "'topic read'                    | readwrite | read",
            // spaces: repeated separators, trailing blanks and CR ignored; the topic keeps inner spaces
            "'topic   read   a b  '          | read      | a b",
            "'  topic read a/b'              | read      | a/b",
            "'topic read a/b\r'              | read      | a/b",
            "'topic read a\tb'               | read      | a\tb",
            "'topic read +/#'                | read      | +/#",
    })
    void topicLines(String line, String access, String topic) {
        AclFile file = AclFileParser.parse(line);
        assertTrue(file.valid(), file.describeErrors());
        AclRule rule = file.rules().anonymous().get(0);
        assertEquals(access, rule.access().word());
        assertEquals(topic, rule.topic());
    }

    @Test
    void userNameIsTheTrimmedRestOfTheLine() {
        AclFile file = AclFileParser.parse("user   John Smith  \ntopic a\n");
        assertTrue(file.valid(), file.describeErrors());
        assertEquals(List.of("John Smith"), List.copyOf(file.rules().users().keySet()));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "'topic'                  | empty topic after 'topic'",
            "'pattern  '              | empty topic after 'pattern'",
            "'topic reed a/b'         | invalid access 'reed': expected read, write, readwrite or deny",
            "'topic READ a/b'         | invalid access 'READ'",
            "'topic read a/#/b'       | invalid ACL topic 'a/#/b'",
            "'pattern read a+'        | invalid ACL topic 'a+'",
            "'user'                   | missing username after 'user'",
            "'user   '                | missing username after 'user'",
            "'users alice'            | invalid line 'users alice': expected 'user', 'topic' or 'pattern'",
            "'  # indented comment'   | invalid line",
            "'topic\tread\ta'         | invalid line",
    })
    void errors(String line, String message) {
        AclFile file = AclFileParser.parse("topic ok\n" + line + "\n");
        assertFalse(file.valid());
        assertEquals(1, file.errors().size(), file.describeErrors());
        AclFileProblem problem = file.errors().get(0);
        assertEquals(2, problem.line());
        assertTrue(problem.message().startsWith(message), problem.message());
    }

    @Test
    void everyBadLineIsReportedWithItsNumber() {
        AclFile file = AclFileParser.parse("topic ok\nbogus\ntopic read a/#/b\n\nuser\ntopic fine\n");
        assertEquals(List.of(2, 3, 5), file.errors().stream().map(AclFileProblem::line).toList());
        assertEquals("line 2: invalid line 'bogus': expected 'user', 'topic' or 'pattern'; "
                + "line 3: invalid ACL topic 'a/#/b': topic filter wildcard '#' must be the last level (index 2); line 5: missing username after 'user'", file.describeErrors());
    }

    @Test
    void patternWithoutSubstitutionIsAWarning() {
        AclFile file = AclFileParser.parse("pattern read fixed/#\npattern read ok/%c\n");
        assertTrue(file.valid());
        assertEquals(List.of(new AclFileProblem(1, "ACL pattern 'fixed/#' does not contain '%c' or '%u'")), file.warnings());
    }

    @Test
    void emptyFileHasNoRules() {
        AclFile file = AclFileParser.parse("");
        assertTrue(file.valid());
        assertEquals(0, file.rules().size());
        assertFalse(file.rules().forClient("c", null).canPublish("a"));
    }
}
