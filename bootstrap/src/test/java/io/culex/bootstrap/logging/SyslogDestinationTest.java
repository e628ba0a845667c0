package io.culex.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.culex.bootstrap.config.ConfigParser;
import io.culex.bootstrap.config.LoggingConfig;
import io.culex.bootstrap.config.LoggingConfig.LogType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * log_dest syslog: the lines handed to {@code logger --prio-prefix} on its standard input. A shell script stands in
 * for logger and keeps what it is given; one test runs the real util-linux logger against a Unix socket of ours.
 */
class SyslogDestinationTest {

    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;
    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    private final PrintStream warningStream = new PrintStream(warnings, true, StandardCharsets.UTF_8);

    /** A stand-in for logger: writes its arguments to args, then appends its input to out (first line only if {@code oneLine}). */
    private Path fakeLogger(boolean oneLine) throws IOException {
        Path script = dir.resolve(oneLine ? "logger-one-line" : "logger");
        String copy = oneLine ? "IFS= read -r line && printf '%s\\n' \"$line\" >> '" + dir.resolve("out") + "'\nexit 3\n"
                : "cat >> '" + dir.resolve("out") + "'\n";
        Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + dir.resolve("args") + "'\n" + copy);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private SyslogSink sink(int facility, Path executable) {
        return new SyslogSink(facility, executable.toString(), List.of(), () -> warningStream);
    }

    private List<String> out() throws IOException {
        Path out = dir.resolve("out");
        return Files.exists(out) ? Files.readAllLines(out, StandardCharsets.UTF_8) : List.of();
    }

    private List<String> awaitOut(int lines) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (out().size() < lines && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return out();
    }

    /** Waits (bounded) until no child of this JVM runs {@code script}. */
    private static void awaitExit(Path script) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.current().children().anyMatch(child -> child.info().commandLine().orElse("")
                .contains(script.toString())) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(100); // and the JDK has reaped it
    }

    @Test
    void eachLineArrivesWithItsPriorityAsMosquittoMapsLogTypesToSyslogSeverities() throws Exception {
        Path logger = fakeLogger(false);
        SyslogSink sink = sink(LoggingConfig.DAEMON, logger);
        sink.write(LogType.ERROR, "1700000000: Error: e");
        sink.write(LogType.WARNING, "w");
        sink.write(LogType.NOTICE, "n");
        sink.write(LogType.INFORMATION, "i");
        sink.write(LogType.DEBUG, "d");
        sink.write(LogType.SUBSCRIBE, "client 1 a/b");
        sink.write(LogType.UNSUBSCRIBE, "client a/b");
        sink.write(LogType.WEBSOCKETS, "ws");
        sink.write(LogType.ERROR, "first line\n\tat a stack frame");
        sink.close();

        // daemon (3) × 8 + err 3, warning 4, notice 5, info 6, debug 7; subscribe/unsubscribe notice, websockets debug
        assertEquals(List.of("<27>1700000000: Error: e", "<28>w", "<29>n", "<30>i", "<31>d", "<29>client 1 a/b",
                "<29>client a/b", "<31>ws", "<27>first line", "<27>\tat a stack frame"), out());
        assertEquals(List.of("--prio-prefix", "-t", "culex", "--id=" + PID),
                Files.readAllLines(dir.resolve("args"), StandardCharsets.UTF_8));
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    @Test
    void logFacilityNMeansLocalN() throws Exception {
        LoggingConfig config = ConfigParser.parse("log_dest syslog\nlog_facility 5\n", "test.conf").logging();
        assertEquals(LoggingConfig.LOCAL0 + 5, config.facility());
        assertEquals(LoggingConfig.DAEMON, ConfigParser.parse("log_dest syslog\n", "test.conf").logging().facility());

        SyslogSink sink = sink(config.facility(), fakeLogger(false));
        sink.write(LogType.ERROR, "local5.err");
        sink.write(LogType.INFORMATION, "local5.info");
        sink.close();

        assertEquals(List.of("<171>local5.err", "<174>local5.info"), out()); // (16 + 5) × 8 + 3, + 6
    }

    @Test
    void aLoggerThatExitsIsRestartedOnceThenTheDestinationStaysOffUntilReopened() throws Exception {
        Path logger = fakeLogger(true); // reads one line, then exits with code 3
        SyslogSink sink = sink(LoggingConfig.DAEMON, logger);
        try {
            sink.write(LogType.INFORMATION, "first");
            assertEquals(List.of("<30>first"), awaitOut(1));
            awaitExit(logger);

            sink.write(LogType.INFORMATION, "second"); // restarted, once
            assertEquals(List.of("<30>first", "<30>second"), awaitOut(2));
            awaitExit(logger);

            sink.write(LogType.INFORMATION, "third"); // exited again: off
            sink.write(LogType.INFORMATION, "fourth");
            Thread.sleep(300);
            assertEquals(List.of("<30>first", "<30>second"), out());
            String text = warnings.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("Warning: log_dest syslog: '" + logger + "' exited (exit code 3); restarting it."), text);
            assertTrue(text.contains("Warning: log_dest syslog: '" + logger + "' exited again (exit code 3); syslog gets no"
                    + " more lines until SIGHUP, the other destinations still do."), text);
            assertEquals(2, text.lines().count(), text);

            sink.reopen(); // SIGHUP
            sink.write(LogType.INFORMATION, "fifth");
            assertEquals(List.of("<30>first", "<30>second", "<30>fifth"), awaitOut(3));
        } finally {
            sink.close();
        }
    }

    @Test
    void aMissingLoggerGivesOneWarningAndTheOtherDestinationsKeepEveryLine() throws Exception {
        Records.RecordingSink other = new Records.RecordingSink();
        SyslogSink syslog = sink(LoggingConfig.DAEMON, dir.resolve("no-such-logger"));
        MosquittoLogHandler handler = new MosquittoLogHandler(EnumSet.allOf(LogType.class), true,
                LineFormatter.of(false, null, ZoneOffset.UTC), List.of(syslog, other));
        try {
            for (int i = 0; i < 5; i++) {
                handler.publish(Records.record(Level.INFO, "io.culex", "line " + i));
                Thread.sleep(20);
            }
            handler.publish(Records.record(Level.SEVERE, "io.culex", "an error"));
        } finally {
            handler.close();
        }

        assertEquals(List.of("line 0", "line 1", "line 2", "line 3", "line 4", "an error"), other.lines());
        String text = warnings.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("Warning: log_dest syslog: cannot run '" + dir.resolve("no-such-logger")
                + " --prio-prefix -t culex --id=" + PID + "' (util-linux's logger is needed): "), text);
        assertTrue(text.contains("the other destinations still do."), text);
    }

    /**
     * The real util-linux logger, told to write to a Unix socket of ours ({@code -u}) instead of /dev/log: it takes
     * our {@code <PRI>} prefixes and sends RFC 3164 messages with that priority, the ident culex and the broker's pid.
     */
    @Test
    void theRealLoggerSendsOurLinesWithTheirPriorityIdentAndPid() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/logger")) || Files.isExecutable(Path.of("/bin/logger")),
                "util-linux logger is not installed");
        Path socket = dir.resolve("log.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> readAll(server));

            SyslogSink sink = new SyslogSink(LoggingConfig.LOCAL0 + 2, SyslogSink.LOGGER, List.of("-u", socket.toString()),
                    () -> warningStream);
            LogRecord record = Records.record(Level.WARNING, "io.culex", "Warning: through the real logger");
            MosquittoLogHandler handler = new MosquittoLogHandler(EnumSet.allOf(LogType.class), true,
                    LineFormatter.of(true, null, ZoneOffset.UTC), List.of(sink));
            handler.publish(record);
            handler.publish(Records.record(Level.INFO, "io.culex.subscribe", "client-1 1 a/#"));
            handler.close(); // logger sends what it read and exits, closing the connection

            String text = received.get(15, TimeUnit.SECONDS);
            List<String> messages = text.lines().toList();
            assertEquals(2, messages.size(), text);
            // (16 + 2) × 8 + 4 = 148: local2.warning; 149: local2.notice
            assertTrue(messages.get(0).matches("<148>\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d culex\\[" + PID
                    + "\\]: 1700000000: Warning: through the real logger"), messages.get(0));
            assertTrue(messages.get(1).matches("<149>.* culex\\[" + PID + "\\]: 1700000000: client-1 1 a/#"),
                    messages.get(1));
            assertEquals("", warnings.toString(StandardCharsets.UTF_8));
        }
    }

    private static String readAll(ServerSocketChannel server) {
        try (SocketChannel connection = server.accept()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            while (connection.read(buffer) >= 0) {
                bytes.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
