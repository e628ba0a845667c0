package io.culex.bootstrap;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Mosquitto-style log lines on stderr: "1700000000: message". */
final class LogSetup {

    private LogSetup() {
    }

    static void configure(boolean verbose) {
        Logger root = Logger.getLogger("");
        for (var handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new MosquittoStyleFormatter());
        Level level = verbose ? Level.FINE : Level.INFO;
        console.setLevel(level);
        root.setLevel(level);
        root.addHandler(console);
        // Netty's own debug chatter is not what an operator means by -v.
        Logger.getLogger("io.netty").setLevel(Level.INFO);
    }

    private static final class MosquittoStyleFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder()
                    .append(record.getInstant().getEpochSecond()).append(": ")
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                line.append(record.getThrown()).append(System.lineSeparator());
                for (StackTraceElement frame : record.getThrown().getStackTrace()) {
                    line.append("\tat ").append(frame).append(System.lineSeparator());
                }
            }
            return line.toString();
        }
    }
}
