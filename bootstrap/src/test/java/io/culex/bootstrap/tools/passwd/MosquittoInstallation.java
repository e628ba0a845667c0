package io.culex.bootstrap.tools.passwd;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Debian's mosquitto, mosquitto_passwd and mosquitto_pub (packages mosquitto and mosquitto-clients). */
final class MosquittoInstallation {

    static final long PROCESS_TIMEOUT_SECONDS = 30;
    /** The broker is in sbin, which an ordinary user's PATH often lacks. */
    private static final List<String> EXTRA_DIRS = List.of("/usr/sbin", "/usr/local/sbin");

    private MosquittoInstallation() {
    }

    /** The binary's path; skips the test locally when it is missing, and fails it when CI is set. */
    static Path require(String program) {
        List<String> dirs = new ArrayList<>(List.of(
                System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)));
        dirs.addAll(EXTRA_DIRS);
        Optional<Path> found = dirs.stream().filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable).findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        String message = program + " not found; install the Debian packages mosquitto and mosquitto-clients";
        if (System.getenv("CI") != null) {
            fail("CI is set but " + message);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /** Runs a program to completion (bounded), feeding {@code stdin}. */
    static Result run(String stdin, List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        try {
            // Read both pipes concurrently so that neither can fill up and stall the child.
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process, false));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process, true));
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the program exited without reading its input; its output says why
            }
            if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail(command + " still running after " + PROCESS_TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), out.get(5, TimeUnit.SECONDS), err.get(5, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new AssertionError("running " + command, e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static String drain(Process process, boolean stderr) {
        try {
            byte[] bytes = (stderr ? process.getErrorStream() : process.getInputStream()).readAllBytes();
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<" + e + ">";
        }
    }

    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }
}
