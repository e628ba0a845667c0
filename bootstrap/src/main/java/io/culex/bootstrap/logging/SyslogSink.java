package io.culex.bootstrap.logging;

import io.culex.bootstrap.config.LoggingConfig.LogType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * log_dest syslog without a native library: the JDK cannot send datagrams to /dev/log, so one long-lived
 * util-linux {@code logger --prio-prefix -t culex --id=<broker pid>} child does, reading one line per message
 * on its standard input as {@code <PRI>message}, PRI = facility × 8 + severity, with Mosquitto's severities
 * (subscribe and unsubscribe lines at notice, websockets at debug). The message is the line the other
 * destinations get, timestamp included, as Mosquitto hands it to syslog(3).
 *
 * <p>Lines are handed to a daemon thread through a bounded queue, so a stalled syslog never holds up the
 * threads that log (Netty's event loops among them); when the queue is full, lines are dropped and counted.
 * Problems go to stderr, never through logging (which would come back here): a {@code logger} that cannot be
 * started gives one warning and the destination stays off; one that exits is restarted once, on the next line;
 * if it exits again, the destination stays off. {@link #reopen()} (SIGHUP) gives it a fresh start.
 */
final class SyslogSink implements LogSink {

    /** The ident (syslog "tag"): culex, not mosquitto, so Culex's lines can be told apart. */
    static final String IDENT = "culex";
    static final String LOGGER = "logger";
    static final int QUEUE_CAPACITY = 10_000;
    private static final String END = new String("end of the log"); // compared by identity
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final int facility;
    private final List<String> command;
    private final Supplier<PrintStream> warnings;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    /** Set by the writer when it gives up, cleared by {@link #reopen()}. */
    private volatile boolean disabled;
    private volatile boolean rearm;
    private volatile boolean closed;
    /** The child, for {@link #close()} to end it if the writer is stuck writing to it. */
    private volatile Process child;

    // Owned by the writer thread.
    private Process process;
    private OutputStream stdin;
    private boolean restartUsed;

    /** @param facility the syslog facility code: 3 (daemon) or 16 to 23 (local0 to local7) */
    static SyslogSink start(int facility) {
        return new SyslogSink(facility, LOGGER, List.of(), () -> System.err);
    }

    /**
     * @param executable the logger program ({@value #LOGGER}, or a test's stand-in)
     * @param extraArgs  appended to the command line (a test's {@code -u <socket>})
     * @param warnings   where problems are reported: stderr, looked up each time as the console destinations do
     */
    SyslogSink(int facility, String executable, List<String> extraArgs, Supplier<PrintStream> warnings) {
        this.facility = facility;
        List<String> args = new ArrayList<>(List.of(executable, "--prio-prefix", "-t", IDENT,
                "--id=" + ProcessHandle.current().pid()));
        args.addAll(extraArgs);
        this.command = List.copyOf(args);
        this.warnings = warnings;
        this.writer = new Thread(this::run, "culex-syslog");
        writer.setDaemon(true);
        writer.start();
    }

    /** Mosquitto's syslog priority for each log type (logging.c). */
    static int severity(LogType type) {
        return switch (type) {
            case ERROR -> 3;
            case WARNING -> 4;
            case NOTICE, SUBSCRIBE, UNSUBSCRIBE -> 5;
            case INFORMATION -> 6;
            case DEBUG, WEBSOCKETS -> 7;
        };
    }

    /** One {@code <PRI>text} line per line of {@code line}: logger reads each as a message of its own. */
    static String encode(int facility, LogType type, String line) {
        String prefix = "<" + (facility * 8 + severity(type)) + ">";
        StringBuilder encoded = new StringBuilder(line.length() + 8);
        for (String part : line.split("\\R", -1)) {
            encoded.append(prefix).append(part).append('\n');
        }
        return encoded.toString();
    }

    @Override
    public void write(LogType type, String line) {
        if (closed || disabled) {
            return;
        }
        if (!queue.offer(encode(facility, type, line))) {
            dropped.incrementAndGet();
        }
    }

    /** SIGHUP: a destination switched off after failures tries again from the next line. */
    @Override
    public void reopen() {
        rearm = true;
        disabled = false;
    }

    /** Hands the lines queued so far to logger, closes its input (it exits) and waits for it, bounded. */
    @Override
    public void close() {
        closed = true;
        try {
            if (queue.offer(END, CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                writer.join(CLOSE_WAIT_MILLIS * 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            // Stuck writing to a logger that does not read: end it, which ends the write.
            Process stuck = child;
            if (stuck != null) {
                stuck.destroyForcibly();
            }
            writer.interrupt();
        }
    }

    private void run() {
        try {
            while (true) {
                String lines = queue.take();
                if (lines == END) {
                    break;
                }
                if (rearm) {
                    rearm = false;
                    restartUsed = false;
                }
                reportDropped();
                send(lines);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopProcess();
        }
    }

    private void send(String lines) {
        if (disabled) {
            return;
        }
        if (process != null && !process.isAlive()) {
            if (!processDied(exitCode())) {
                return;
            }
        }
        if (process == null && !startProcess()) {
            return;
        }
        try {
            stdin.write(lines.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            // Broken pipe: it exited between the check and the write. Restart (once) and write this line again.
            if (processDied(exitCode()) && startProcess()) {
                try {
                    stdin.write(lines.getBytes(StandardCharsets.UTF_8));
                    stdin.flush();
                } catch (IOException again) {
                    processDied(exitCode());
                }
            }
        }
    }

    /** The child is gone: restart it once (the caller does, returning true), or switch off (false). */
    private boolean processDied(String exitCode) {
        stopProcess();
        if (!restartUsed) {
            restartUsed = true;
            warn("'" + command.get(0) + "' exited (" + exitCode + "); restarting it.");
            return true;
        }
        warn("'" + command.get(0) + "' exited again (" + exitCode
                + "); syslog gets no more lines until SIGHUP, the other destinations still do.");
        disabled = true;
        return false;
    }

    private boolean startProcess() {
        try {
            process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            stdin = process.getOutputStream();
            child = process;
            return true;
        } catch (IOException | RuntimeException e) {
            process = null;
            stdin = null;
            disabled = true;
            warn("cannot run '" + String.join(" ", command) + "' (util-linux's logger is needed): "
                    + e.getMessage() + "; syslog gets no lines until SIGHUP, the other destinations still do.");
            return false;
        }
    }

    private String exitCode() {
        try {
            return process == null ? "not started"
                    : process.waitFor(1, TimeUnit.SECONDS) ? "exit code " + process.exitValue() : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void stopProcess() {
        if (process == null) {
            return;
        }
        try {
            stdin.close(); // logger sends what it read, then exits at end of input
            if (!process.waitFor(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroy();
            }
        } catch (IOException ignored) {
            process.destroy(); // already gone
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
        process = null;
        stdin = null;
        child = null;
    }

    private void reportDropped() {
        long count = dropped.getAndSet(0);
        if (count > 0) {
            warn(count + " log lines dropped: logger did not keep up.");
        }
    }

    private void warn(String message) {
        PrintStream stream = warnings.get();
        stream.println("Warning: log_dest syslog: " + message);
        stream.flush();
    }
}
