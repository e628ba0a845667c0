package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/** Runs Debian's mosquitto_pub / mosquitto_sub (package mosquitto-clients) against a test broker. */
final class MosquittoTools {

    /** Hard bound on any one process; the clients' own -W limits are shorter. */
    private static final long PROCESS_TIMEOUT_SECONDS = 30;

    private MosquittoTools() {
    }

    /** On CI a missing binary fails the build, so interop is never silently skipped; locally it skips. */
    static void requireInstalled() {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("mosquitto_pub", "mosquitto_sub", "stdbuf")) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = missing + " not found on PATH; install the mosquitto-clients (and coreutils) packages";
        if (System.getenv("CI") != null) {
            fail("CI is set but " + message);
        }
        Assumptions.abort(message);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs mosquitto_pub to completion; {@code stdinLines} feed {@code -l} (pass none otherwise). */
    static Result pub(int port, List<String> stdinLines, String... args) {
        try (Client pub = start(List.of("mosquitto_pub"), port, args)) {
            try (OutputStream stdin = pub.process.getOutputStream()) {
                for (String line : stdinLines) {
                    stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // Typically a broken pipe: the client exited early, and its own output says why.
                fail("cannot write to mosquitto_pub: " + e + "\n" + pub.await(), e);
            }
            Result result = pub.await();
            if (result.exitCode() != 0) {
                fail("mosquitto_pub failed: " + result);
            }
            return result;
        }
    }

    /**
     * Starts mosquitto_sub in debug mode (-d) so that readiness and the flags of each PUBLISH are visible.
     * stdbuf -oL makes it flush each line: into a pipe, stdio would hold the SUBACK line until exit.
     */
    static Client sub(int port, String... args) {
        List<String> withDebug = new ArrayList<>(List.of("-d"));
        withDebug.addAll(List.of(args));
        return start(List.of("stdbuf", "-oL", "mosquitto_sub"), port, withDebug.toArray(String[]::new));
    }

    private static Client start(List<String> program, int port, String... args) {
        List<String> command = new ArrayList<>(program);
        command.addAll(List.of("-h", "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        try {
            return new Client(command, new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** A running client process whose stdout and stderr are drained by background threads. */
    static final class Client implements AutoCloseable {
        private final List<String> command;
        private final Process process;
        private final List<String> stdout = new ArrayList<>();
        private final List<String> stderr = new ArrayList<>();
        private final Thread stdoutReader;
        private final Thread stderrReader;

        private Client(List<String> command, Process process) {
            this.command = command;
            this.process = process;
            // Drained continuously so the child never blocks on a full pipe.
            this.stdoutReader = drain(process.getInputStream(), stdout);
            this.stderrReader = drain(process.getErrorStream(), stderr);
        }

        private Thread drain(InputStream stream, List<String> sink) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        synchronized (sink) {
                            sink.add(line);
                            sink.notifyAll();
                        }
                    }
                } catch (IOException ignored) {
                    // the process was destroyed; what was read so far is kept
                }
            }, "drain " + command);
            reader.setDaemon(true);
            reader.start();
            return reader;
        }

        /** Waits (bounded) until mosquitto_sub -d reports its SUBACK, i.e. the broker holds the subscription. */
        Client awaitSubscribed() {
            awaitStdout(line -> line.endsWith("received SUBACK"), "SUBACK");
            return this;
        }

        private void awaitStdout(Predicate<String> wanted, String what) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_TIMEOUT_SECONDS);
            synchronized (stdout) {
                while (stdout.stream().noneMatch(wanted)) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0 || (!process.isAlive() && !stdoutReader.isAlive())) {
                        fail("no " + what + " from " + command + "; stdout " + stdout + ", stderr " + stderrSnapshot());
                    }
                    try {
                        stdout.wait(Math.min(left, 100));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError("interrupted waiting for " + what, e);
                    }
                }
            }
        }

        /** Waits (bounded) for the process to exit by itself (-C / -W / end of input). */
        Result await() {
            try {
                if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail(command + " still running after " + PROCESS_TIMEOUT_SECONDS + " s; stdout " + stdoutSnapshot()
                            + ", stderr " + stderrSnapshot());
                }
                stdoutReader.join(TimeUnit.SECONDS.toMillis(5));
                stderrReader.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + command, e);
            }
            return new Result(command, process.exitValue(), stdoutSnapshot(), stderrSnapshot());
        }

        private List<String> stdoutSnapshot() {
            synchronized (stdout) {
                return List.copyOf(stdout);
            }
        }

        private List<String> stderrSnapshot() {
            synchronized (stderr) {
                return List.copyOf(stderr);
            }
        }

        /** Always called (try-with-resources): never leaves a client behind, even when an assertion failed. */
        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** What a finished client printed. With -d, stdout mixes debug lines with the messages themselves. */
    record Result(List<String> command, int exitCode, List<String> stdout, List<String> stderr) {

        /** Lines mosquitto_sub printed for received messages ("topic payload" with -v), debug output removed. */
        List<String> messages() {
            return stdout.stream().filter(line -> !isDebug(line)).toList();
        }

        /** The "Client ... received PUBLISH (d0, q1, r1, m1, 'topic', ... (N bytes))" debug lines. */
        List<String> publishesReceived() {
            return stdout.stream().filter(line -> isDebug(line) && line.contains(" received PUBLISH ")).toList();
        }

        private static boolean isDebug(String line) {
            return line.startsWith("Client ") || line.startsWith("Subscribed (mid: ");
        }

        @Override
        public String toString() {
            return command + " exited " + exitCode + "\n  stdout: " + String.join("\n          ", stdout)
                    + "\n  stderr: " + String.join("\n          ", stderr);
        }
    }
}
