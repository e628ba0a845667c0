package io.culex.bootstrap.tools.client;

import static org.junit.jupiter.api.Assertions.fail;

import io.culex.bootstrap.tools.Tool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** One in-process run of a tool on a background thread, with its stdout and stderr captured. */
final class ToolRun {

    /** Hard bound on any wait here; the tools' own -W limits are shorter. */
    static final long WAIT_SECONDS = 20;

    private final String[] args;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    private ToolRun(String[] args) {
        this.args = args;
    }

    static ToolRun start(Tool tool, String... args) {
        ToolRun run = new ToolRun(args);
        Thread thread = new Thread(() -> {
            try (PrintStream stdout = new PrintStream(run.out, true, StandardCharsets.UTF_8);
                    PrintStream stderr = new PrintStream(run.err, true, StandardCharsets.UTF_8)) {
                run.exit.complete(tool.run(args, stdout, stderr));
            } catch (Throwable t) {
                run.exit.completeExceptionally(t);
            }
        }, "tool " + String.join(" ", args));
        thread.setDaemon(true);
        thread.start();
        return run;
    }

    /** Runs to completion. */
    static ToolRun run(Tool tool, String... args) {
        ToolRun run = start(tool, args);
        run.awaitExit();
        return run;
    }

    int awaitExit() {
        try {
            return exit.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("tool did not finish: " + this, e);
        }
    }

    int exitCode() {
        return awaitExit();
    }

    /** Waits (bounded) until stdout has a line matching {@code wanted}, e.g. the -d "Subscribed" line. */
    ToolRun awaitLine(Predicate<String> wanted, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (stdoutLines().stream().noneMatch(wanted)) {
            if (System.nanoTime() > deadline || exit.isDone()) {
                fail("no " + what + ": " + this);
            }
            sleepMillis(10);
        }
        return this;
    }

    /** For sub runs with -d: waits until the broker acknowledged the subscription. */
    ToolRun awaitSubscribed() {
        return awaitLine(line -> line.startsWith("Subscribed (mid: "), "SUBACK");
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    byte[] stdoutBytes() {
        return out.toByteArray();
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    List<String> stdoutLines() {
        return stdout().lines().toList();
    }

    /** stdout without the -d lines: what was printed for the messages themselves. */
    List<String> messages() {
        return stdoutLines().stream().filter(line -> !isDebug(line)).toList();
    }

    List<String> debugLines() {
        return stdoutLines().stream().filter(ToolRun::isDebug).toList();
    }

    static boolean isDebug(String line) {
        return line.startsWith("Client ") || line.startsWith("Subscribed (mid: ");
    }

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public String toString() {
        return Arrays.toString(args) + (exit.isDone() ? " exited " + exit.getNow(null) : " running")
                + "\n  stdout: " + stdout() + "\n  stderr: " + stderr();
    }
}
