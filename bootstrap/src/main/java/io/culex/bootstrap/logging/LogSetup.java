package io.culex.bootstrap.logging;

import io.culex.bootstrap.config.ConfigException;
import io.culex.bootstrap.config.LoggingConfig;
import io.culex.bootstrap.config.LoggingConfig.LogDestination;
import io.culex.bootstrap.config.LoggingConfig.LogType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Installs Mosquitto's logging options (log_dest, log_type, connection_messages, log_timestamp*, log_facility) on java.util.logging. */
public final class LogSetup {

    // Held strongly: java.util.logging keeps loggers only weakly, and a collected logger loses its level.
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger NETTY = Logger.getLogger("io.netty");

    private LogSetup() {
    }

    /** Before the configuration is read: Mosquitto's defaults (stderr), every type with {@code -v}. */
    public static BrokerLog configure(boolean verbose) {
        try {
            return configure(LoggingConfig.defaults(), verbose);
        } catch (ConfigException | IOException e) {
            throw new IllegalStateException("the default logging cannot fail", e);
        }
    }

    /**
     * Replaces the root logger's handlers with the configured destinations. {@code verbose}
     * ({@code -v}) enables every log type, as in Mosquitto, whatever log_type says.
     *
     * @throws ConfigException if log_timestamp_format uses an unsupported conversion
     * @throws IOException     if a log file cannot be opened (the message names the path)
     */
    public static BrokerLog configure(LoggingConfig config, boolean verbose) throws ConfigException, IOException {
        BrokerLog installed = install(config, verbose, ROOT, ZoneId.systemDefault());
        for (Handler previous : ROOT.getHandlers()) {
            if (previous != installed.handler()) {
                ROOT.removeHandler(previous);
                if (previous instanceof MosquittoLogHandler) {
                    previous.close(); // ours: release its files
                }
            }
        }
        // Netty's internals are not one of Mosquitto's log types: keep them out even with -v.
        NETTY.setLevel(Level.INFO);
        return installed;
    }

    /** Adds the configured handler to {@code target} (the root logger, or a test's logger). */
    static BrokerLog install(LoggingConfig config, boolean verbose, Logger target, ZoneId zone)
            throws ConfigException, IOException {
        BrokerLog log = prepare(config, verbose, target, zone);
        log.activate();
        return log;
    }

    /**
     * Opens the configured destinations without installing them yet: a reload prepares the new logging and
     * installs it only once the whole new configuration is known to work.
     */
    static BrokerLog prepare(LoggingConfig config, boolean verbose, Logger target, ZoneId zone)
            throws ConfigException, IOException {
        Set<LogType> types = verbose ? EnumSet.allOf(LogType.class) : config.types();
        LineFormatter lines;
        try {
            lines = LineFormatter.of(config.timestamp(), config.timestampFormat(), zone);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        TopicSink topic = null;
        List<LogSink> sinks = new ArrayList<>();
        try {
            for (LogDestination destination : effectiveDestinations(config.destinations())) {
                switch (destination.kind()) {
                    case STDOUT -> sinks.add(ConsoleSink.stdout());
                    case STDERR -> sinks.add(ConsoleSink.stderr());
                    case FILE -> sinks.add(FileSink.open(Path.of(destination.path())));
                    case TOPIC -> {
                        topic = new TopicSink();
                        sinks.add(topic);
                    }
                    case SYSLOG -> sinks.add(SyslogSink.start(config.facility()));
                    case NONE -> {
                        // nothing to write to
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            sinks.forEach(LogSink::close);
            throw e;
        }
        MosquittoLogHandler handler = new MosquittoLogHandler(types, config.connectionMessages(), lines, sinks);
        return new BrokerLog(target, handler, topic, threshold(types), verbose, zone);
    }

    /**
     * The lowest level a record of a wanted type can have. The logger refuses records below it before their
     * message is built: the publish path logs at debug, every connect and disconnect at info (a formatted line
     * that {@code log_type error} and {@code log_type warning} alone would only throw away).
     */
    static Level threshold(Set<LogType> types) {
        if (types.contains(LogType.DEBUG)) {
            return Level.FINE;
        }
        for (LogType type : types) {
            if (type != LogType.ERROR && type != LogType.WARNING) {
                return Level.INFO;
            }
        }
        if (types.contains(LogType.WARNING)) {
            return Level.WARNING;
        }
        return types.contains(LogType.ERROR) ? Level.SEVERE : Level.OFF;
    }

    /**
     * As in Mosquitto, "log_dest none" drops the destinations listed before it (later ones
     * still add); the same destination twice writes once.
     */
    static List<LogDestination> effectiveDestinations(List<LogDestination> destinations) {
        Set<LogDestination> effective = new LinkedHashSet<>();
        for (LogDestination destination : destinations) {
            if (destination.kind() == LogDestination.Kind.NONE) {
                effective.clear();
            } else {
                effective.add(destination);
            }
        }
        return List.copyOf(effective);
    }
}
