package io.culex.bootstrap.tools.passwd;

/** Ends a {@code culex passwd} run: the line for stderr (or the usage text) and mosquitto_passwd's exit code. */
final class PasswdFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final boolean usage;

    private PasswdFailure(int exitCode, String message, boolean usage) {
        super(message, null, false, false);
        this.exitCode = exitCode;
        this.usage = usage;
    }

    /** An error line for stderr, exit code 1. */
    static PasswdFailure error(String message) {
        return new PasswdFailure(1, message, false);
    }

    static PasswdFailure error(int exitCode, String message) {
        return new PasswdFailure(exitCode, message, false);
    }

    /** The usage text on stdout, exit code 1, as mosquitto_passwd does for a command line it cannot read. */
    static PasswdFailure usage() {
        return new PasswdFailure(1, null, true);
    }

    int exitCode() {
        return exitCode;
    }

    boolean isUsage() {
        return usage;
    }
}
