package io.culex.bootstrap.logging;

import io.culex.bootstrap.config.LoggingConfig.LogType;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Maps a java.util.logging record (level and logger name) onto Mosquitto's log types.
 * Application code logs through System.Logger, whose levels arrive here as
 * ERROR→SEVERE, WARNING→WARNING, INFO→INFO, DEBUG→FINE, TRACE→FINER.
 */
final class LogClassifier {

    /** Client connects, disconnects, refusals and protocol errors: notice, subject to connection_messages. */
    static final String CONNECTION_LOGGER = "io.culex.connection";
    /** "<client id> <qos> <filter>" per granted subscription. */
    static final String SUBSCRIBE_LOGGER = "io.culex.subscribe";
    /** "<client id> <filter>" per unsubscribed filter. */
    static final String UNSUBSCRIBE_LOGGER = "io.culex.unsubscribe";
    /** Broker lifecycle (version starting/running/terminating) and listen sockets, which Mosquitto logs at notice. */
    private static final Set<String> NOTICE_LOGGERS = Set.of("io.culex", "io.culex.transport");

    private static final Classification ERROR = new Classification(LogType.ERROR, false);
    private static final Classification WARNING = new Classification(LogType.WARNING, false);
    private static final Classification CONNECTION = new Classification(LogType.NOTICE, true);
    private static final Classification NOTICE = new Classification(LogType.NOTICE, false);
    private static final Classification INFORMATION = new Classification(LogType.INFORMATION, false);
    private static final Classification SUBSCRIBE = new Classification(LogType.SUBSCRIBE, false);
    private static final Classification UNSUBSCRIBE = new Classification(LogType.UNSUBSCRIBE, false);
    private static final Classification DEBUG = new Classification(LogType.DEBUG, false);

    private LogClassifier() {
    }

    static Classification classify(LogRecord record) {
        int level = record.getLevel().intValue();
        if (level >= Level.SEVERE.intValue()) {
            return ERROR;
        }
        if (level >= Level.WARNING.intValue()) {
            return WARNING;
        }
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        if (logger.equals(SUBSCRIBE_LOGGER)) {
            return SUBSCRIBE;
        }
        if (logger.equals(UNSUBSCRIBE_LOGGER)) {
            return UNSUBSCRIBE;
        }
        if (level < Level.INFO.intValue()) {
            return DEBUG;
        }
        if (logger.equals(CONNECTION_LOGGER)) {
            return CONNECTION;
        }
        return NOTICE_LOGGERS.contains(logger) ? NOTICE : INFORMATION;
    }
}
