package io.culex.application.security.acl;

import io.culex.domain.security.AclAccess;
import io.culex.domain.security.AclRule;
import io.culex.domain.security.AclRules;
import io.culex.domain.topic.InvalidTopicException;
import io.culex.domain.topic.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Mosquitto's {@code acl_file} syntax the way the 2.0 broker does (pure: the caller reads the file).
 * <ul>
 *   <li>trailing blanks are ignored; a line starting with {@code #} is a comment; blank lines are skipped;</li>
 *   <li>fields are separated by spaces (as Mosquitto's {@code strtok(" ")}: a tab is not a separator);</li>
 *   <li>{@code user <name>}: the rest of the line, trimmed, names the user the following {@code topic} lines
 *       belong to; {@code topic} lines before the first {@code user} line are for clients without a username;</li>
 *   <li>{@code topic [read|write|readwrite|deny] <topic>} and {@code pattern [...] <topic>}: the access word is
 *       optional (readwrite) when the line has only one more field; the topic is the rest of the line,
 *       trimmed, and must be a valid topic filter; a {@code pattern} applies to every client;</li>
 *   <li>anything else is an error.</li>
 * </ul>
 * Where Mosquitto stops at the first error, every bad line is reported here, each with its number.
 */
public final class AclFileParser {

    private AclFileParser() {
    }

    public static AclFile parse(String text) {
        String[] lines = text.split("\n", -1);
        AclRules.Builder rules = AclRules.builder();
        List<AclFileProblem> errors = new ArrayList<>();
        List<AclFileProblem> warnings = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String problem = parseLine(stripTrailingBlanks(lines[i]), number, rules, warnings);
            if (problem != null) {
                errors.add(new AclFileProblem(number, problem));
            }
        }
        return new AclFile(rules.build(), errors, warnings);
    }

    /** @return the error on this line, or null */
    private static String parseLine(String line, int number, AclRules.Builder rules, List<AclFileProblem> warnings) {
        if (line.startsWith("#")) {
            return null;
        }
        int start = skipSpaces(line, 0);
        if (start == line.length()) {
            return null;
        }
        int end = wordEnd(line, start);
        String keyword = line.substring(start, end);
        String rest = end < line.length() ? line.substring(end + 1) : null; // after exactly one space, as strtok
        switch (keyword) {
            case "user" -> {
                String name = rest == null ? "" : trimBlanks(rest);
                if (name.isEmpty()) {
                    return "missing username after 'user'";
                }
                rules.user(name);
                return null;
            }
            case "topic", "pattern" -> {
                return parseRule(keyword, rest, number, rules, warnings);
            }
            default -> {
                return "invalid line '" + line + "': expected 'user', 'topic' or 'pattern'";
            }
        }
    }

    private static String parseRule(String keyword, String rest, int number, AclRules.Builder rules,
                                    List<AclFileProblem> warnings) {
        int accessStart = rest == null ? 0 : skipSpaces(rest, 0);
        if (rest == null || accessStart == rest.length()) {
            return "empty topic after '" + keyword + "'";
        }
        int accessEnd = wordEnd(rest, accessStart);
        String first = rest.substring(accessStart, accessEnd);
        AclAccess access;
        String topic;
        if (accessEnd == rest.length()) {
            access = AclAccess.READWRITE; // one field: it is the topic
            topic = first;
        } else {
            access = AclAccess.fromWord(first);
            if (access == null) {
                return "invalid access '" + first + "': expected read, write, readwrite or deny";
            }
            topic = trimBlanks(rest.substring(accessEnd + 1));
            if (topic.isEmpty()) {
                return "empty topic after '" + keyword + " " + first + "'";
            }
        }
        try {
            Topics.validateTopicFilter(topic);
        } catch (InvalidTopicException e) {
            return "invalid ACL topic '" + topic + "': " + e.getMessage();
        }
        AclRule rule = new AclRule(access, topic, number);
        if (keyword.equals("topic")) {
            rules.topic(rule);
        } else {
            if (!rule.substitutes()) {
                warnings.add(new AclFileProblem(number, "ACL pattern '" + topic + "' does not contain '%c' or '%u'"));
            }
            rules.pattern(rule);
        }
        return null;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int wordEnd(String text, int from) {
        int end = text.indexOf(' ', from);
        return end < 0 ? text.length() : end;
    }

    private static String stripTrailingBlanks(String text) {
        int end = text.length();
        while (end > 0 && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Removes C's isspace set from both ends, as Mosquitto's misc__trimblanks. */
    static String trimBlanks(String text) {
        int start = 0;
        while (start < text.length() && isBlank(text.charAt(start))) {
            start++;
        }
        return stripTrailingBlanks(text.substring(start));
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }
}
