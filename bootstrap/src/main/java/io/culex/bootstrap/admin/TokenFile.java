package io.culex.bootstrap.admin;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * {@code http_api_token_file}: the bearer token is the file's first line, blanks trimmed. Read at start-up (a
 * missing, unreadable or short token stops it) and again on SIGHUP, when a bad file keeps the previous token.
 */
public final class TokenFile implements Supplier<byte[]> {

    private static final System.Logger LOG = System.getLogger("io.culex.admin");
    /** Short tokens can be guessed; 16 characters of a random generator's output are plenty. */
    static final int MIN_LENGTH = 16;

    private final Path path;
    private volatile byte[] token;

    private TokenFile(Path path, byte[] token) {
        this.path = path;
        this.token = token;
    }

    /** @throws HttpApiException if the file cannot be read or its token is too short */
    public static TokenFile load(String path) {
        Path file = Path.of(path);
        return new TokenFile(file, read(file));
    }

    private static byte[] read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new HttpApiException("Unable to read http_api_token_file \"" + file + "\": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()) + ".", e);
        }
        String token = text.lines().findFirst().orElse("").trim();
        if (token.length() < MIN_LENGTH) {
            throw new HttpApiException("http_api_token_file \"" + file + "\": the token (its first line) must have at "
                    + "least " + MIN_LENGTH + " characters, it has " + token.length() + ".", null);
        }
        return token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] get() {
        return token;
    }

    /** SIGHUP: reads the file again; a bad file leaves the previous token in force. */
    public void reload() {
        try {
            token = read(path);
            LOG.log(INFO, () -> "Reloaded http_api_token_file \"" + path + "\".");
        } catch (HttpApiException e) {
            LOG.log(ERROR, () -> "Error: " + e.getMessage() + " Keeping the previous token.");
        }
    }
}
