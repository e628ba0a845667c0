package io.culex.bootstrap.tools.passwd;

import io.culex.application.security.password.InvalidPasswordHashException;
import io.culex.application.security.password.PasswordFileParser;
import io.culex.application.security.password.PasswordHash;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * The text edits of mosquitto_passwd on a whole password file; other users' lines and their order are kept
 * byte for byte. Like mosquitto_passwd, a line without a user or a password is "corrupt" and stops the edit,
 * but comment and blank lines, which the broker accepts, are kept rather than refused; and the file is
 * always left ending in a newline, so an appended user never runs into the last line.
 */
final class PasswdFileEditor {

    private PasswdFileEditor() {
    }

    /** Replaces every line of {@code username} with a fresh {@code newLine}, or appends one. */
    static String set(String text, String username, Supplier<String> newLine) throws PasswdFailure {
        List<String> out = new ArrayList<>();
        boolean found = false;
        for (Line line : parse(text)) {
            if (username.equals(line.username())) {
                out.add(newLine.get());
                found = true;
            } else {
                out.add(line.raw());
            }
        }
        if (!found) {
            out.add(newLine.get());
        }
        return join(out);
    }

    static String delete(String text, String username) throws PasswdFailure {
        List<Line> lines = parse(text);
        List<String> out = new ArrayList<>();
        for (Line line : lines) {
            if (!username.equals(line.username())) {
                out.add(line.raw());
            }
        }
        if (out.size() == lines.size()) {
            throw PasswdFailure.error("Warning: User " + username + " not found in password file.");
        }
        return join(out);
    }

    /**
     * Hashes each plain-text password. Unlike mosquitto_passwd, whose manual warns that it hashes hashes
     * again and so locks everyone out, a value that already is a valid Mosquitto hash is left alone.
     */
    static String convert(String text, BinaryOperator<String> lineFor) throws PasswdFailure {
        List<String> out = new ArrayList<>();
        for (Line line : parse(text)) {
            if (line.username() == null || isHash(line.password())) {
                out.add(line.raw());
            } else {
                out.add(lineFor.apply(line.username(), line.password()));
            }
        }
        return join(out);
    }

    private static boolean isHash(String value) {
        try {
            PasswordHash.decode(value);
            return true;
        } catch (InvalidPasswordHashException e) {
            return false;
        }
    }

    private static List<Line> parse(String text) throws PasswdFailure {
        List<Line> lines = new ArrayList<>();
        if (text.isEmpty()) {
            return lines;
        }
        String[] raw = text.split("\n", -1);
        int count = text.endsWith("\n") ? raw.length - 1 : raw.length;
        for (int i = 0; i < count; i++) {
            lines.add(Line.of(raw[i], i + 1));
        }
        return lines;
    }

    private static String join(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /** One line as written; {@code username} and {@code password} are trimmed, and null for a comment or blank. */
    private record Line(String raw, String username, String password) {

        static Line of(String raw, int number) throws PasswdFailure {
            if (raw.startsWith("#") || PasswordFileParser.trimBlanks(raw).isEmpty()) {
                return new Line(raw, null, null);
            }
            int colon = raw.indexOf(':');
            if (colon >= 0) {
                int end = raw.indexOf(':', colon + 1);
                String username = PasswordFileParser.trimBlanks(raw.substring(0, colon));
                String password = PasswordFileParser.trimBlanks(
                        end < 0 ? raw.substring(colon + 1) : raw.substring(colon + 1, end));
                if (!username.isEmpty() && !password.isEmpty()) {
                    return new Line(raw, username, password);
                }
            }
            throw PasswdFailure.error("Error: Corrupt password file at line " + number + ".");
        }
    }
}
