package io.culex.application.security.password;

/** An encoded hash Mosquitto would refuse too; the message says why, for a per-line report. */
public final class InvalidPasswordHashException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidPasswordHashException(String message) {
        super(message);
    }
}
