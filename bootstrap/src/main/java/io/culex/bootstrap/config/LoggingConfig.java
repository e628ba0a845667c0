package io.culex.bootstrap.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Mosquitto's logging options.
 *
 * @param destinations       log_dest lines; default stderr
 * @param types              log_type lines; default error, warning, notice, information
 * @param connectionMessages connection_messages; default true
 * @param timestamp          log_timestamp; default true
 * @param timestampFormat    log_timestamp_format (strftime syntax); null means seconds since the epoch
 * @param facility           the syslog facility code for log_dest syslog: {@link #DAEMON} by default, or
 *                           log_facility N (0 to 7) as Mosquitto reads it: local N, code 16 + N
 */
public record LoggingConfig(List<LogDestination> destinations, Set<LogType> types, boolean connectionMessages,
                            boolean timestamp, String timestampFormat, int facility) {

    /** syslog(3)'s LOG_DAEMON, Mosquitto's facility without log_facility. */
    public static final int DAEMON = 3;
    /** syslog(3)'s LOG_LOCAL0; log_facility N means LOG_LOCAL0 + N. */
    public static final int LOCAL0 = 16;

    public LoggingConfig {
        destinations = List.copyOf(destinations);
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
        if (facility != DAEMON && (facility < LOCAL0 || facility > LOCAL0 + 7)) {
            throw new IllegalArgumentException("facility must be daemon (3) or local0..local7 (16..23), got " + facility);
        }
    }

    /** With the default syslog facility (daemon). */
    public LoggingConfig(List<LogDestination> destinations, Set<LogType> types, boolean connectionMessages,
                         boolean timestamp, String timestampFormat) {
        this(destinations, types, connectionMessages, timestamp, timestampFormat, DAEMON);
    }

    public static LoggingConfig defaults() {
        return new LoggingConfig(List.of(LogDestination.STDERR), LogType.DEFAULTS, true, true, null, DAEMON);
    }

    /** Where log lines go (log_dest). {@code path} is set for FILE only. */
    public record LogDestination(Kind kind, String path) {

        public static final LogDestination STDERR = new LogDestination(Kind.STDERR, null);

        public enum Kind { STDOUT, STDERR, FILE, SYSLOG, TOPIC, NONE }

        public LogDestination {
            Objects.requireNonNull(kind, "kind");
            if ((kind == Kind.FILE) != (path != null)) {
                throw new IllegalArgumentException("a path goes with the file destination only");
            }
        }
    }

    /** Which messages are logged (log_type). */
    public enum LogType {
        DEBUG, ERROR, WARNING, NOTICE, INFORMATION, SUBSCRIBE, UNSUBSCRIBE, WEBSOCKETS;

        static final Set<LogType> DEFAULTS = Set.of(ERROR, WARNING, NOTICE, INFORMATION);
    }
}
