package io.culex.bootstrap.logging;

import sun.misc.Signal;

/**
 * SIGHUP, Mosquitto's reload signal: until the broker runs it only reopens the log files (so logrotate can move
 * them away); once it runs, it reloads the configuration ({@code io.culex.bootstrap.ConfigReload}).
 */
public final class HangupSignal {

    private HangupSignal() {
    }

    /** Replaces the JVM's default SIGHUP action (exit) with {@code log.reopenFiles()}. */
    public static void install(BrokerLog log) {
        install(log::reopenFiles);
    }

    /** Replaces the SIGHUP action with {@code action.run()}, on the JDK's signal thread. */
    public static void install(Runnable action) {
        try {
            Signal.handle(new Signal("HUP"), signal -> action.run());
        } catch (IllegalArgumentException e) {
            // No SIGHUP on this platform (Windows), or the JVM runs with -Xrs: nothing to reopen on.
        }
    }
}
