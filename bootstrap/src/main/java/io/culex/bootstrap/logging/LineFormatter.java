package io.culex.bootstrap.logging;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Mosquitto's log line: an optional "timestamp: " prefix (seconds since the epoch, or
 * log_timestamp_format in local time), the message, then any exception's stack trace.
 */
final class LineFormatter extends Formatter {

    private final Function<Instant, String> timestamp;

    private LineFormatter(Function<Instant, String> timestamp) {
        this.timestamp = timestamp;
    }

    /**
     * @param strftime log_timestamp_format, or null for seconds since the epoch
     * @throws IllegalArgumentException if the format uses an unsupported conversion
     */
    static LineFormatter of(boolean withTimestamp, String strftime, ZoneId zone) {
        if (!withTimestamp) {
            return new LineFormatter(null);
        }
        if (strftime == null) {
            return new LineFormatter(instant -> Long.toString(instant.getEpochSecond()));
        }
        DateTimeFormatter formatter = StrftimeFormat.compile(strftime).withZone(zone);
        return new LineFormatter(formatter::format);
    }

    /** The line without its terminator: the topic destination publishes exactly this. */
    String line(LogRecord record) {
        StringBuilder line = new StringBuilder();
        if (timestamp != null) {
            line.append(timestamp.apply(record.getInstant())).append(": ");
        }
        line.append(formatMessage(record));
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            line.append(System.lineSeparator()).append(thrown);
            for (StackTraceElement frame : thrown.getStackTrace()) {
                line.append(System.lineSeparator()).append("\tat ").append(frame);
            }
        }
        return line.toString();
    }

    @Override
    public String format(LogRecord record) {
        return line(record) + System.lineSeparator();
    }
}
