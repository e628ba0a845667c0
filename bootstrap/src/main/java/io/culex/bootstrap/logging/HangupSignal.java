package io.culex.bootstrap.logging;

import sun.misc.Signal;

/** SIGHUP reopens the log files, so logrotate can move them away (Mosquitto also reloads its configuration then; Culex does not yet). */
public final class HangupSignal {

    private HangupSignal() {
    }

    /** Replaces the JVM's default SIGHUP action (exit) with {@code log.reopenFiles()}. */
    public static void install(BrokerLog log) {
        try {
            Signal.handle(new Signal("HUP"), signal -> log.reopenFiles());
        } catch (IllegalArgumentException e) {
            // No SIGHUP on this platform (Windows), or the JVM runs with -Xrs: nothing to reopen on.
        }
    }
}
