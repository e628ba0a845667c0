package io.culex.bootstrap.e2e;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records the formatted messages of one java.util.logging logger (the broker logs through
 * System.Logger, which the JDK backs with java.util.logging) while the capture is open.
 */
final class RawLogCapture extends Handler implements AutoCloseable {

    private final Logger logger; // held strongly: java.util.logging keeps loggers only weakly
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private RawLogCapture(Logger logger) {
        this.logger = logger;
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    static RawLogCapture of(String loggerName) {
        return new RawLogCapture(Logger.getLogger(loggerName));
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(formatter.formatMessage(record));
    }

    /** Polls (bounded) until a message matches; fails listing what was logged otherwise. */
    String await(Predicate<String> matching, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        do {
            for (String message : messages) {
                if (matching.test(message)) {
                    return message;
                }
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no matching log message within " + within.toMillis() + " ms; logged: " + messages);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
