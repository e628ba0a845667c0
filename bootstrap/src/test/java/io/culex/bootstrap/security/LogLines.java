package io.culex.bootstrap.security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** The formatted messages one logger receives while open. */
final class LogLines extends Handler implements AutoCloseable {

    private final Logger logger; // held strongly: java.util.logging keeps loggers only weakly
    private final SimpleFormatter formatter = new SimpleFormatter();
    final List<String> lines = new CopyOnWriteArrayList<>();

    LogLines(String loggerName) {
        logger = Logger.getLogger(loggerName);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(formatter.formatMessage(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
