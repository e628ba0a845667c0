package io.culex.domain.security;

import static io.culex.domain.security.AclAccess.DENY;
import static io.culex.domain.security.AclAccess.READ;
import static io.culex.domain.security.AclAccess.READWRITE;
import static io.culex.domain.security.AclAccess.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Evaluation tables: each row is one client (id, username or "-" for none), one topic and the expected verdicts. */
class ClientAclTest {

    /**
     * The rules the tables run against, as the file would read:
     * <pre>
     * topic read public/#              (anonymous)
     * topic anon/inbox                 (anonymous, readwrite)
     * topic deny public/secret         (anonymous)
     * topic read $SYS/#                (anonymous)
     * user alice
     * topic write sensors/+/temp
     * topic readwrite alice/#
     * topic deny alice/private/#
     * topic read shared/#
     * user bob
     * topic read shared/#
     * pattern readwrite clients/%c/#
     * pattern read users/%u/#
     * pattern deny shared/blocked/%c
     * pattern write %u/%c/out
     * </pre>
     */
    private static final AclRules RULES = AclRules.builder()
            .topic(READ, "public/#")
            .topic(READWRITE, "anon/inbox")
            .topic(DENY, "public/secret")
            .topic(READ, "$SYS/#")
            .user("alice")
            .topic(WRITE, "sensors/+/temp")
            .topic(READWRITE, "alice/#")
            .topic(DENY, "alice/private/#")
            .topic(READ, "shared/#")
            .user("bob")
            .topic(READ, "shared/#")
            .pattern(READWRITE, "clients/%c/#")
            .pattern(READ, "users/%u/#")
            .pattern(DENY, "shared/blocked/%c")
            .pattern(WRITE, "%u/%c/out")
            .build();

    @ParameterizedTest(name = "{0}/{1} on {2}: publish {3}, receive {4}")
    @CsvSource(delimiter = '|', value = {
            // anonymous section: only for clients without a username
            "anon1 | -     | public/news            | false | true",
            "anon1 | -     | public/news/today      | false | true",
            "anon1 | -     | public                 | false | true",
            "anon1 | -     | anon/inbox             | true  | true",
            "anon1 | -     | anon/inbox/x           | false | false",
            "anon1 | -     | public/secret          | false | false",
            "anon1 | -     | other                  | false | false",
            "anon1 | -     | $SYS/broker/uptime     | false | true",
            "carol | carol | public/news            | false | false",
            "carol | carol | anon/inbox             | false | false",
            // user section: write, readwrite, read, deny first within the section
            "c1    | alice | sensors/kitchen/temp   | true  | false",
            "c1    | alice | sensors/kitchen/hum    | false | false",
            "c1    | alice | sensors/a/b/temp       | false | false",
            "c1    | alice | alice/notes            | true  | true",
            "c1    | alice | alice                  | true  | true",
            "c1    | alice | alice/private/diary    | false | false",
            "c1    | alice | alice/private          | false | false",
            "c1    | alice | public/news            | false | false",
            "c1    | alice | $SYS/broker/uptime     | false | false",
            // patterns: %c for everyone, %u only with a username
            "c1    | alice | clients/c1/state       | true  | true",
            "c1    | alice | clients/c2/state       | false | false",
            "anon1 | -     | clients/anon1/x        | true  | true",
            "c1    | alice | users/alice/feed       | false | true",
            "c1    | bob   | users/alice/feed       | false | false",
            "anon1 | -     | users//feed            | false | false",
            "c1    | alice | alice/c1/out           | true  | true",
            "c9    | dave  | dave/c9/out            | true  | false",
            "anon1 | -     | /anon1/out             | false | false",
            // a pattern deny does not override the user's own grant (Mosquitto checks the user's list first)...
            "c1    | alice | shared/blocked/c1      | false | true",
            // ...but it wins over the pattern grants
            "shared| -     | clients/shared/x       | true  | true",
    })
    void table(String clientId, String user, String topic, boolean publish, boolean receive) {
        ClientAcl acl = RULES.forClient(clientId, user.equals("-") ? null : user);
        assertEquals(publish, acl.canPublish(topic), "publish");
        assertEquals(receive, acl.canReceive(topic), "receive");
    }

    @Test
    void patternDenyBeatsPatternGrantsWhateverTheOrder() {
        AclRules rules = AclRules.builder()
                .pattern(READWRITE, "dev/%c/#")
                .pattern(DENY, "dev/%c/config")
                .build();
        ClientAcl acl = rules.forClient("d1", null);
        assertTrue(acl.canPublish("dev/d1/data"));
        assertFalse(acl.canPublish("dev/d1/config"));
        assertFalse(acl.canReceive("dev/d1/config"));
    }

    @Test
    void denyBeatsGrantsOfTheSameSectionWhateverTheOrder() {
        AclRules rules = AclRules.builder().user("u")
                .topic(READWRITE, "a/#")
                .topic(DENY, "a/b")
                .topic(READWRITE, "a/b")
                .build();
        ClientAcl acl = rules.forClient("c", "u");
        assertFalse(acl.canPublish("a/b"));
        assertTrue(acl.canPublish("a/c"));
    }

    @ParameterizedTest(name = "client id \"{0}\", username \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "a+b  | -",
            "a#   | -",
            "ok   | u+",
            "ok   | #",
    })
    void wildcardInClientIdOrUsernameRefusesPatterns(String clientId, String user) {
        String username = user.equals("-") ? null : user;
        AclRules rules = AclRules.builder()
                .topic(READWRITE, "own/#").user(username == null ? "nobody" : username).topic(READWRITE, "own/#")
                .pattern(READWRITE, "#")
                .build();
        ClientAcl acl = rules.forClient(clientId, username);
        assertTrue(acl.refusedByPatterns());
        assertFalse(acl.canPublish("anything"), "the '#' pattern must not apply");
        assertFalse(acl.canReceive("anything"));
        assertFalse(acl.canSubscribe("anything"));
        assertTrue(acl.canPublish("own/x"), "the client's own topic rules still apply");
    }

    @Test
    void wildcardsInNamesDoNotMatterWithoutPatterns() {
        AclRules rules = AclRules.builder().user("u#").topic(READWRITE, "x").build();
        ClientAcl acl = rules.forClient("c+", "u#");
        assertFalse(acl.refusedByPatterns());
        assertTrue(acl.canPublish("x"));
    }

    @Test
    void emptyRulesDenyEverything() {
        ClientAcl acl = AclRules.EMPTY.forClient("c", null);
        assertFalse(acl.canPublish("a"));
        assertFalse(acl.canReceive("a"));
        assertFalse(acl.canSubscribe("#"));
    }

    @Test
    void aUserSectionWithoutRulesLeavesOnlyThePatterns() {
        AclRules rules = AclRules.builder().user("ghost").pattern(READ, "p/%c").build();
        ClientAcl acl = rules.forClient("c", "ghost");
        assertTrue(acl.canReceive("p/c"));
        assertFalse(acl.canPublish("p/c"));
    }

    @ParameterizedTest(name = "\"{0}\" for {1}/{2} -> \"{3}\"")
    @CsvSource(delimiter = '|', value = {
            "clients/%c/#    | c1  | alice | clients/c1/#",
            "%u/%c           | c1  | alice | alice/c1",
            "%u/%c           | c1  | -     | %u/c1",
            "a%%c            | c1  | -     | a%c1",
            "100%            | c1  | -     | 100%",
            "%x/%c%c         | id  | -     | %x/idid",
    })
    void substitution(String pattern, String clientId, String user, String expected) {
        assertEquals(expected, ClientAcl.substitute(pattern, clientId, user.equals("-") ? null : user));
    }

    @ParameterizedTest(name = "{0}/{1} subscribes to \"{2}\": {3}")
    @CsvSource(delimiter = '|', value = {
            // anonymous: read public/# except public/secret
            "anon1 | -     | public/#             | true",
            "anon1 | -     | #                    | true",
            "anon1 | -     | +/news               | true",
            "anon1 | -     | public/secret        | false",
            "anon1 | -     | anon/inbox           | true",
            "anon1 | -     | other/#              | false",
            "anon1 | -     | $SYS/#               | true",
            "anon1 | -     | +/broker/uptime      | true",
            "c1    | alice | $SYS/#               | false",
            // write-only rules never make a filter readable
            "c1    | alice | sensors/+/temp       | false",
            "c1    | alice | alice/#              | true",
            "c1    | alice | alice/private/#      | false",
            "c1    | alice | alice/private/x      | false",
            "c1    | alice | alice/+              | true",
            // patterns, after substitution
            "c1    | alice | clients/c1/#         | true",
            "c1    | alice | clients/+/state      | true",
            "c1    | alice | clients/c2/#         | false",
            "c1    | alice | users/alice/#        | true",
            "c1    | bob   | users/alice/#        | false",
            "anon1 | -     | users/+/#            | false",
            "c1    | alice | alice/c1/out         | true",
            "c9    | dave  | dave/c9/out          | false",
            // a pattern deny covering the shared topics refuses; the user's own read of shared/# wins first
            "shared| -     | clients/shared/x     | true",
            "c1    | bob   | shared/blocked/c1    | true",
    })
    void subscribeTable(String clientId, String user, String filter, boolean expected) {
        ClientAcl acl = RULES.forClient(clientId, user.equals("-") ? null : user);
        assertEquals(expected, acl.canSubscribe(filter));
    }

    @Test
    void subscribeRefusedWhenAPatternDenyCoversTheOnlyPatternGrant() {
        AclRules rules = AclRules.builder()
                .pattern(READ, "dev/%c/#")
                .pattern(DENY, "dev/%c/#")
                .topic(DENY, "own/#")
                .pattern(READ, "own/%c")
                .build();
        ClientAcl acl = rules.forClient("d1", null);
        assertFalse(acl.canSubscribe("dev/d1/x"));
        assertFalse(acl.canSubscribe("dev/#"));
        assertFalse(acl.canSubscribe("own/d1"), "a deny of the client's own rules is consulted before patterns");
    }

    @Test
    void wildcardFiltersNeverReachDollarTopics() {
        ClientAcl acl = AclRules.builder().topic(READ, "$SYS/#").build().forClient("c", null);
        assertFalse(acl.canSubscribe("#"));
        assertFalse(acl.canSubscribe("+/broker/uptime"));
        assertTrue(acl.canSubscribe("$SYS/+/uptime"));
        assertTrue(acl.canReceive("$SYS/broker/uptime"));
        assertFalse(AclRules.builder().topic(READ, "#").build().forClient("c", null).canReceive("$SYS/broker/uptime"));
    }

    @Test
    void compiledOncePerRules() {
        ClientAcl first = RULES.forClient("c", null);
        assertSame(RULES, first.source());
        AclRules other = AclRules.builder().build();
        assertNotSame(first.source(), other.forClient("c", null).source());
    }
}
