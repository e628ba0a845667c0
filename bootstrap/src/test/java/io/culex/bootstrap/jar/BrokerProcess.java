package io.culex.bootstrap.jar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The shipped jar run as a separate process. Its output goes to a file rather than a
 * pipe: the JDK closes a pipe when the process exits, racing a reader for the last lines. Public for the
 * bridge ITs, which kill one broker of a bridged pair.
 */
public final class BrokerProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "culex.jar");
    private static final long WAIT_SECONDS = 20;

    private final Process process;
    private final Path outputFile;

    private BrokerProcess(Process process, Path outputFile) {
        this.process = process;
        this.outputFile = outputFile;
    }

    public static BrokerProcess start(String... args) throws IOException {
        return start(List.of(), args);
    }

    /** As {@link #start(String...)} with options for the JVM, such as {@code -Xmx256m}. */
    static BrokerProcess start(List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path outputFile = Files.createTempFile("culex-jar-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outputFile.toFile()).start();
        return new BrokerProcess(process, outputFile);
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Waits (bounded) for an output line matching {@code wanted} and returns it. */
    public String awaitLine(Predicate<String> wanted, String description) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        do {
            for (String line : output().split("\n")) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no output line " + description + " within " + WAIT_SECONDS + " s; output was:\n" + output());
    }

    /** Waits (bounded) for the process to exit and returns its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("broker did not exit within " + WAIT_SECONDS + " s; output was:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: the process dies at once, as in a crash or an OOM kill; waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("broker survived SIGKILL");
        }
    }

    /** The broker's process id (the JVM running the jar). */
    long pid() {
        return process.pid();
    }

    /** Sends {@code kill -SIGNAL} to the broker, as an operator or logrotate does. */
    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        if (!kill.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -" + signal + " failed");
        }
    }

    /** SIGTERM, as a service manager stops the broker. */
    public void terminate() {
        process.destroy();
    }

    public String output() {
        try {
            return Files.readString(outputFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(outputFile);
    }
}
