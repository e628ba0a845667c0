package io.culex.bootstrap.logging;

import io.culex.bootstrap.config.LoggingConfig.LogType;

/** One log_dest: receives every line that passed the type filter. */
interface LogSink {

    /** @param line the formatted line, without a line terminator */
    void write(LogType type, String line);

    /** After SIGHUP: file destinations start a new file (logrotate moved the old one away). */
    default void reopen() throws java.io.IOException {
    }

    default void close() {
    }
}
