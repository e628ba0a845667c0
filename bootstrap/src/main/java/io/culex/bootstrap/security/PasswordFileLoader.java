package io.culex.bootstrap.security;

import static java.lang.System.Logger.Level.WARNING;

import io.culex.application.security.password.PasswordFile;
import io.culex.application.security.password.PasswordFileParser;
import io.culex.application.security.password.PasswordFileProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads {@code password_file} from disk and parses it. Each line that grants nothing is reported as a warning
 * naming {@code file:line} (and the user, when the line has one); Mosquitto 2.0 likewise drops such a user with
 * "Error: Invalid password hash type for user bob, removing entry." and carries on.
 */
public final class PasswordFileLoader {

    private static final System.Logger LOG = System.getLogger("io.culex");

    private final String path;

    public PasswordFileLoader(String path) {
        this.path = Objects.requireNonNull(path);
    }

    public String path() {
        return path;
    }

    /**
     * @throws PasswordFileException when the file cannot be read, with a message naming the path, the words
     *                               Mosquitto 2.0 uses ("Unable to open pwfile") and the reason
     */
    public PasswordFile load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(path));
        } catch (IOException | RuntimeException e) {
            throw new PasswordFileException("Unable to open pwfile \"" + path + "\": " + reason(e) + ".", e);
        }
        // Mosquitto compares bytes; the hashes are of UTF-8 text, so decode as UTF-8 (malformed bytes never match).
        PasswordFile file = PasswordFileParser.parse(new String(bytes, StandardCharsets.UTF_8));
        for (PasswordFileProblem problem : file.problems()) {
            LOG.log(WARNING, () -> "Warning: " + path + ":" + problem.line() + ": " + problem.message() + ".");
        }
        return file;
    }

    /** The JDK's NoSuchFileException and friends carry only the path; say what they mean. */
    static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
