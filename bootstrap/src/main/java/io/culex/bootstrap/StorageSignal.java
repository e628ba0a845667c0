package io.culex.bootstrap;

import sun.misc.Signal;

/**
 * SIGUSR1: Mosquitto writes its persistence file now. Storage is memory-only, so there is nothing to
 * write, but the handler must exist: the default action of SIGUSR1 terminates the JVM, and existing
 * Mosquitto logrotate or ops scripts send it.
 */
final class StorageSignal {

    private static final System.Logger LOG = System.getLogger("io.culex");

    private StorageSignal() {
    }

    static void install() {
        try {
            Signal.handle(new Signal("USR1"), signal -> LOG.log(System.Logger.Level.INFO,
                    "SIGUSR1: in-memory storage has nothing to write"));
        } catch (IllegalArgumentException e) {
            // No SIGUSR1 on this platform (Windows): then nothing can send it either.
        }
    }
}
