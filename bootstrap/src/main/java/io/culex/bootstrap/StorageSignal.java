package io.culex.bootstrap;

import sun.misc.Signal;

/**
 * SIGUSR1: Mosquitto writes its persistence file now. Culex has nothing to do either way (in memory there
 * is nothing to write; a durable store is written as changes happen), but the handler must exist: the
 * default action of SIGUSR1 terminates the JVM, and existing Mosquitto logrotate or ops scripts send it.
 */
final class StorageSignal {

    private static final System.Logger LOG = System.getLogger("io.culex");

    private StorageSignal() {
    }

    /** @param durable persistence is on: the store is written continuously */
    static void install(boolean durable) {
        String answer = durable ? "SIGUSR1: the store is written as changes happen, nothing waits to be saved"
                : "SIGUSR1: in-memory storage has nothing to write";
        try {
            Signal.handle(new Signal("USR1"), signal -> LOG.log(System.Logger.Level.INFO, answer));
        } catch (IllegalArgumentException e) {
            // No SIGUSR1 on this platform (Windows): then nothing can send it either.
        }
    }
}
