package io.culex.bootstrap.tools.client;

/** Ends a tool run with an exit code; whatever had to be printed has been printed already. */
final class ToolExit extends Exception {

    private static final long serialVersionUID = 1L;

    /** mosquitto_sub / mosquitto_rr's code when -W expires (MOSQ_ERR_TIMEOUT). */
    static final int TIMED_OUT = 27;

    private final int code;

    ToolExit(int code) {
        super(null, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }
}
