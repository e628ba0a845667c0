package io.culex.bootstrap.logging;

import io.culex.bootstrap.config.LoggingConfig.LogType;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/** Filters records by Mosquitto log type and connection_messages, formats them once, and writes every destination. */
final class MosquittoLogHandler extends Handler {

    private final Set<LogType> types;
    private final boolean connectionMessages;
    private final LineFormatter lines;
    private final List<LogSink> sinks;

    MosquittoLogHandler(Set<LogType> types, boolean connectionMessages, LineFormatter lines, List<LogSink> sinks) {
        this.types = types.isEmpty() ? EnumSet.noneOf(LogType.class) : EnumSet.copyOf(types);
        this.connectionMessages = connectionMessages;
        this.lines = lines;
        this.sinks = List.copyOf(sinks);
        setFormatter(lines);
        setLevel(Level.ALL); // the type filter decides, not a level
    }

    boolean accepts(Classification classification) {
        return types.contains(classification.type()) && (connectionMessages || !classification.connectionMessage());
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null) {
            return;
        }
        Classification classification = LogClassifier.classify(record);
        if (!accepts(classification)) {
            return;
        }
        String line;
        try {
            line = lines.line(record);
        } catch (RuntimeException e) {
            reportError("cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        for (LogSink sink : sinks) {
            try {
                sink.write(classification.type(), line);
            } catch (RuntimeException e) {
                // One failing destination (a full disk) must not silence the others.
                reportError("cannot write a log line", e, ErrorManager.WRITE_FAILURE);
            }
        }
    }

    /** Reopens every file destination; tries them all, then throws the first failure. */
    void reopen() throws IOException {
        IOException first = null;
        for (LogSink sink : sinks) {
            try {
                sink.reopen();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    boolean hasDestinations() {
        return !sinks.isEmpty();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        sinks.forEach(LogSink::close);
    }
}
