package io.culex.bootstrap.logging;

import io.culex.bootstrap.config.LoggingConfig.LogType;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/** Log records as System.Logger hands them to java.util.logging, and a sink that keeps what it is given. */
final class Records {

    /** 2023-11-14T22:13:20Z. */
    static final Instant INSTANT = Instant.ofEpochSecond(1_700_000_000L);

    private Records() {
    }

    static LogRecord record(Level level, String logger, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        record.setInstant(INSTANT);
        return record;
    }

    /** One written line and the log type it was written under. */
    record Written(LogType type, String line) {
    }

    static final class RecordingSink implements LogSink {
        final List<Written> written = new CopyOnWriteArrayList<>();

        @Override
        public void write(LogType type, String line) {
            written.add(new Written(type, line));
        }

        List<String> lines() {
            return written.stream().map(Written::line).toList();
        }
    }
}
