package io.culex.bootstrap.tools.client;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A Debian Mosquitto program (broker or mosquitto_sub) started by a test, with its output drained
 * into memory; {@link #close} kills exactly this process.
 */
final class ExternalProcess implements AutoCloseable {

    private final List<String> command;
    private final Process process;
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();
    private final Thread[] drains;

    private ExternalProcess(List<String> command) {
        this.command = command;
        try {
            this.process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        drains = new Thread[] {drain(process.getInputStream(), stdout), drain(process.getErrorStream(), stderr)};
    }

    static ExternalProcess start(String... command) {
        return new ExternalProcess(List.of(command));
    }

    /** On CI a missing program fails the build, so interop is never skipped silently; locally it skips. */
    static void requireExecutable(String path) {
        if (Files.isExecutable(Path.of(path))) {
            return;
        }
        String message = path + " not found; install Debian's mosquitto and mosquitto-clients packages";
        if (System.getenv("CI") != null) {
            fail("CI is set but " + message);
        }
        Assumptions.abort(message);
    }

    private static Thread drain(InputStream stream, StringBuffer sink) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (stream) {
                for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                    sink.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the process ended; what was read is kept
            }
        }, "drain");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits (bounded) until stdout contains {@code fragment}. */
    ExternalProcess awaitStdout(String fragment) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ToolRun.WAIT_SECONDS);
        while (stdout.indexOf(fragment) < 0) {
            if (System.nanoTime() > deadline || !process.isAlive() && !drains[0].isAlive()) {
                fail("no '" + fragment + "' from " + this);
            }
            ToolRun.sleepMillis(10);
        }
        return this;
    }

    /** Waits (bounded) for the process to exit by itself and returns its exit code. */
    int awaitExit() {
        try {
            if (!process.waitFor(ToolRun.WAIT_SECONDS, TimeUnit.SECONDS)) {
                fail(command + " did not exit: " + this);
            }
            for (Thread drain : drains) {
                drain.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String stdout() {
        return stdout.toString();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return command + "\n  stdout: " + stdout + "\n  stderr: " + stderr;
    }
}
