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
 */
public record LoggingConfig(List<LogDestination> destinations, Set<LogType> types, boolean connectionMessages,
                            boolean timestamp, String timestampFormat) {

    public LoggingConfig {
        destinations = List.copyOf(destinations);
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    }

    public static LoggingConfig defaults() {
        return new LoggingConfig(List.of(LogDestination.STDERR), LogType.DEFAULTS, true, true, null);
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
