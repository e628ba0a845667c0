package io.culex.bootstrap.tools.bench;

/** The run could not be carried out: the broker cannot be reached, refuses a connection or a subscription, stalls. */
final class BenchFailure extends Exception {

    private static final long serialVersionUID = 1L;

    BenchFailure(String message) {
        super(message);
    }

    BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
