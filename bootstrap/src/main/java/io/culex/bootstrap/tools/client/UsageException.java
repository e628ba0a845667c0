package io.culex.bootstrap.tools.client;

/** A command line the tool cannot run; {@link Hint} says what mosquitto prints after the error. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What follows the "Error: ..." line, as mosquitto's tools do for that error. */
    enum Hint {
        /** "Use 'culex sub --help' to see usage." */
        POINTER,
        /** The whole usage text, on stdout (mosquitto_pub when the topic or message is missing). */
        FULL_USAGE,
        /** Nothing: the error is not about the syntax. */
        NONE
    }

    private final Hint hint;

    UsageException(String message) {
        this(message, Hint.POINTER);
    }

    UsageException(String message, Hint hint) {
        super(message);
        this.hint = hint;
    }

    Hint hint() {
        return hint;
    }
}
