package io.culex.application.security.enhanced;

/** A SCRAM message the server refuses; the message says why, for the log (it never echoes the client's data). */
final class ScramFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    ScramFormatException(String message) {
        super(message, null, false, false);
    }
}
