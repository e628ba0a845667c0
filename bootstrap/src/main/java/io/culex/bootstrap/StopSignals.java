package io.culex.bootstrap;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into an orderly stop on the main thread. A JVM shutdown
 * hook would race the logging system's own hook and lose the last log lines, and
 * would end with exit code 143 where Mosquitto exits 0.
 */
final class StopSignals {

    private final CountDownLatch stopRequested = new CountDownLatch(1);

    static StopSignals install() {
        StopSignals signals = new StopSignals();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> signals.stopRequested.countDown());
        }
        return signals;
    }

    void awaitStop() throws InterruptedException {
        stopRequested.await();
    }
}
