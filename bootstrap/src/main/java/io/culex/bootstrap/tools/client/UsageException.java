package io.culex.bootstrap.tools.client;

/**
 * A command line the tool cannot run. {@link #printed()} is what goes to stderr, exactly as
 * Mosquitto's tools print it ("Error: ...\n" for most errors; some -D errors add a blank line,
 * a few have no "Error: " prefix); {@link Hint} says what follows it.
 */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What follows the error text, as mosquitto's tools do for that error. */
    enum Hint {
        /** A blank line, then "Use 'culex sub --help' to see usage." */
        POINTER,
        /** The whole usage text, on stdout (mosquitto_pub when the topic or message is missing). */
        FULL_USAGE,
        /** Nothing: the error is not about the syntax. */
        NONE
    }

    private final Hint hint;
    private final String printed;

    UsageException(String message) {
        this(message, Hint.POINTER);
    }

    UsageException(String message, Hint hint) {
        this(message, hint, "Error: " + message + "\n");
    }

    private UsageException(String message, Hint hint, String printed) {
        super(message);
        this.hint = hint;
        this.printed = printed;
    }

    /** "Error: message", a blank line, then the pointer: mosquitto's errors whose text ends in "\n\n". */
    static UsageException withBlankLine(String message) {
        return new UsageException(message, Hint.POINTER, "Error: " + message + "\n\n");
    }

    /** {@code text} printed as it is (a newline added unless empty), without the "Error: " prefix. */
    static UsageException verbatim(String text, Hint hint) {
        return new UsageException(text, hint, text.isEmpty() ? "" : text + "\n");
    }

    Hint hint() {
        return hint;
    }

    /** The stderr text before the hint. */
    String printed() {
        return printed;
    }
}
