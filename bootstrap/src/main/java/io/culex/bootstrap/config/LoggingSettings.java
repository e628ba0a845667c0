package io.culex.bootstrap.config;

import io.culex.bootstrap.config.LoggingConfig.LogDestination;
import io.culex.bootstrap.config.LoggingConfig.LogType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Collects the logging lines. As in Mosquitto, log_dest and log_type are repeatable:
 * the first line of each replaces the default, later ones add to it.
 */
final class LoggingSettings {

    private static final String DESTINATIONS = "stdout, stderr, file <path>, syslog, topic or none";
    private static final String TYPES = "debug, error, warning, notice, information, subscribe, unsubscribe, websockets, all or none";

    private List<LogDestination> destinations;
    private Set<LogType> types;
    private boolean connectionMessages = true;
    private boolean timestamp = true;
    private String timestampFormat;
    private int facility = LoggingConfig.DAEMON;

    void destination(ConfigLine line) throws ConfigException {
        List<String> words = line.values();
        if (words.isEmpty()) {
            throw line.expected(DESTINATIONS);
        }
        String kindWord = words.get(0);
        LogDestination destination;
        if (kindWord.equals("file")) {
            if (words.size() < 2) {
                throw line.expected("a file path after 'file'");
            }
            // Paths may contain blanks: the rest of the line is the path.
            destination = new LogDestination(LogDestination.Kind.FILE, line.value().substring("file".length()).strip());
        } else {
            if (words.size() != 1) {
                throw line.expected(DESTINATIONS);
            }
            destination = switch (kindWord) {
                case "stdout" -> new LogDestination(LogDestination.Kind.STDOUT, null);
                case "stderr" -> LogDestination.STDERR;
                case "syslog" -> new LogDestination(LogDestination.Kind.SYSLOG, null);
                case "topic" -> new LogDestination(LogDestination.Kind.TOPIC, null);
                case "none" -> new LogDestination(LogDestination.Kind.NONE, null);
                default -> throw line.expected(DESTINATIONS);
            };
        }
        if (destinations == null) {
            destinations = new ArrayList<>();
        }
        destinations.add(destination);
    }

    void type(ConfigLine line) throws ConfigException {
        String word = line.word(TYPES);
        if (types == null) {
            types = EnumSet.noneOf(LogType.class);
        }
        switch (word) {
            case "all" -> types.addAll(EnumSet.allOf(LogType.class));
            case "none" -> types.clear();
            default -> {
                try {
                    types.add(LogType.valueOf(word.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw line.expected(TYPES);
                }
            }
        }
    }

    void connectionMessages(boolean value) {
        connectionMessages = value;
    }

    void timestamp(boolean value) {
        timestamp = value;
    }

    void timestampFormat(String format) {
        timestampFormat = format;
    }

    /** log_facility N: as Mosquitto, local0 to local7 (an integer 0 to 7), instead of daemon. */
    void facility(int localNumber) {
        facility = LoggingConfig.LOCAL0 + localNumber;
    }

    LoggingConfig build() {
        LoggingConfig defaults = LoggingConfig.defaults();
        return new LoggingConfig(destinations != null ? destinations : defaults.destinations(),
                types != null ? types : defaults.types(), connectionMessages, timestamp, timestampFormat, facility);
    }
}
