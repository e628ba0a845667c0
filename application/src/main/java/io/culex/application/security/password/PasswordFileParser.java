package io.culex.application.security.password;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Mosquitto password file the way the 2.0 broker does: a {@code #} in the first column starts a
 * comment, a line without {@code :} is ignored, the user is the text before the first {@code :} and the hash
 * the text up to the next one, both with surrounding blanks removed. Pure: the caller reads the file.
 */
public final class PasswordFileParser {

    /** Mosquitto's limit on a username and on a stored password field. */
    private static final int MAX_FIELD_LENGTH = 65535;

    private PasswordFileParser() {
    }

    public static PasswordFile parse(String text) {
        return parse(List.of(text.split("\n", -1)));
    }

    public static PasswordFile parse(List<String> lines) {
        Map<String, PasswordEntry> byUsername = new LinkedHashMap<>();
        List<PasswordFileProblem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i);
            if (line.startsWith("#") || trimBlanks(line).isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                problems.add(new PasswordFileProblem(lineNumber, "no ':' between user and hash; line ignored"));
                continue;
            }
            String username = trimBlanks(line.substring(0, colon));
            int end = line.indexOf(':', colon + 1);
            String hash = trimBlanks(end < 0 ? line.substring(colon + 1) : line.substring(colon + 1, end));
            String problem = checkFields(username, hash);
            if (problem != null) {
                problems.add(new PasswordFileProblem(lineNumber, problem));
                continue;
            }
            try {
                PasswordEntry entry = new PasswordEntry(lineNumber, username, PasswordHash.decode(hash));
                PasswordEntry earlier = byUsername.remove(username);
                if (earlier != null) {
                    problems.add(new PasswordFileProblem(lineNumber,
                            "user '" + username + "' again; this line replaces line " + earlier.line()));
                }
                byUsername.put(username, entry);
            } catch (InvalidPasswordHashException e) {
                problems.add(new PasswordFileProblem(lineNumber, "user '" + username + "': " + e.getMessage()));
            }
        }
        return new PasswordFile(byUsername, problems);
    }

    private static String checkFields(String username, String hash) {
        if (username.isEmpty()) {
            return "empty username";
        }
        if (username.length() > MAX_FIELD_LENGTH) {
            return "username longer than " + MAX_FIELD_LENGTH + " characters";
        }
        if (hash.isEmpty()) {
            return "user '" + username + "' has no password hash";
        }
        if (hash.length() > MAX_FIELD_LENGTH) {
            return "user '" + username + "': password hash longer than " + MAX_FIELD_LENGTH + " characters";
        }
        return null;
    }

    /** Removes C's isspace set from both ends, as Mosquitto does (so a CR from a Windows editor goes too). */
    public static String trimBlanks(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }
}
