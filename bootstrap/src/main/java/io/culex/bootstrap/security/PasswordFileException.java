package io.culex.bootstrap.security;

/** The password file could not be read at start-up; the broker does not start (as Mosquitto 2.0). */
public final class PasswordFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PasswordFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
