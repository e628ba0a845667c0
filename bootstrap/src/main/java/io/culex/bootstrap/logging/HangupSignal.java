package io.culex.bootstrap.logging;

import sun.misc.Signal;

/**
 * SIGHUP reopens the log files, so logrotate can move them away, and, once the broker runs, reloads what
 * {@code reload} covers (the password file; Mosquitto reloads its whole configuration then).
 */
public final class HangupSignal {

    private HangupSignal() {
    }

    /** Replaces the JVM's default SIGHUP action (exit) with {@code log.reopenFiles()}. */
    public static void install(BrokerLog log) {
        install(log, () -> { });
    }

    /** Replaces the SIGHUP action with {@code reload.run()} then {@code log.reopenFiles()}. */
    public static void install(BrokerLog log, Runnable reload) {
        try {
            Signal.handle(new Signal("HUP"), signal -> {
                reload.run();
                log.reopenFiles();
            });
        } catch (IllegalArgumentException e) {
            // No SIGHUP on this platform (Windows), or the JVM runs with -Xrs: nothing to reopen on.
        }
    }
}
