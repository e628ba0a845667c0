package io.culex.bootstrap.tools.bench;

/** A command line {@code culex bench} cannot run; the message says why. */
final class BenchUsageException extends Exception {

    private static final long serialVersionUID = 1L;

    BenchUsageException(String message) {
        super(message);
    }
}
