package io.culex.bootstrap.config;

/**
 * A configuration the broker must not start with. For a file the message reads
 * {@code <file>:<line>: <key>: <what was expected / what is wrong>}; for the command line,
 * {@code <option>: <what is wrong>}.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
