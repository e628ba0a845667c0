package io.culex.adapters.netty.bridge;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's real Mosquitto broker ({@code /usr/sbin/mosquitto}) on a free 127.0.0.1 port, for interoperability tests:
 * a generated configuration (the listener, then the test's own text, such as a {@code connection} bridge section),
 * its log captured in {@code mosquitto.log} next to it (every run appended), and stop, kill and restart on the same
 * port. Only the process this object started
 * is ever signalled, by its PID. Without the binary a test is skipped, on CI (CI set) it fails.
 * Shared with bootstrap's tests through this module's test-jar.
 */
public final class MosquittoProcess implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Path config;
    private final Path logFile;
    private final int port;
    private Process process;

    private MosquittoProcess(Path config, Path logFile, int port) {
        this.config = config;
        this.logFile = logFile;
        this.port = port;
    }

    /**
     * Starts mosquitto with {@code workDir/mosquitto.conf}: a listener on a free loopback port, then
     * {@code extraConfig} as given, one line each (for example {@code "allow_anonymous true"} and a bridge section;
     * add {@code log_type all} to log every packet), and waits until it accepts connections.
     */
    public static MosquittoProcess start(Path workDir, String... extraConfig) {
        requireBinary();
        try {
            int port = freePort();
            Path config = workDir.resolve("mosquitto.conf");
            // "user" names the account running the test: as root, mosquitto would otherwise switch to the
            // mosquitto user, which cannot read the test's files; as anyone else it has no effect.
            Files.writeString(config, String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "user " + System.getProperty("user.name"),
                    "log_dest stderr",
                    String.join("\n", extraConfig),
                    ""));
            MosquittoProcess mosquitto = new MosquittoProcess(config, workDir.resolve("mosquitto.log"), port);
            mosquitto.launch();
            return mosquitto;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write mosquitto's configuration in " + workDir, e);
        }
    }

    /** Skips the test when Debian's mosquitto is not installed; fails it on CI. */
    public static void requireBinary() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        String message = BINARY + " not found; install Debian's mosquitto package";
        if (System.getenv("CI") != null) {
            fail("CI is set but " + message);
        }
        Assumptions.abort(message);
    }

    /** A port nothing listens on at the moment, on the loopback interface. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void launch() throws IOException {
        // Straight into a file: stderr is unbuffered, so every line is there as soon as mosquitto writes it, and
        // nothing is lost when the process ends (a pipe read by a thread of ours may lose its last lines).
        process = new ProcessBuilder(BINARY.toString(), "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        awaitAcceptingConnections();
    }

    private void awaitAcceptingConnections() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    String why = process.isAlive() ? "not listening after " + START_TIMEOUT.toSeconds() + " s"
                            : "exited with " + process.exitValue();
                    destroy(true);
                    fail("mosquitto on port " + port + " " + why + "; log:\n" + String.join("\n", log()));
                }
            }
            sleep(50);
        }
    }

    public int port() {
        return port;
    }

    /** Paho's server URI. */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The PID of the running process; -1 once stopped. */
    public long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public Path configFile() {
        return config;
    }

    public Path logFile() {
        return logFile;
    }

    /** Every line logged so far, by every run. */
    public List<String> log() {
        try {
            return Files.exists(logFile) ? Files.readAllLines(logFile, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + logFile, e);
        }
    }

    /** Waits until a line logged (by any run) passes {@code test}; returns it, or fails with the log. */
    public String awaitLog(Predicate<String> test, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> lines = log();
            for (String line : lines) {
                if (test.test(line)) {
                    return line;
                }
            }
            if (System.nanoTime() > deadline) {
                fail(what + " not logged by mosquitto within " + timeout.toSeconds() + " s; log:\n"
                        + String.join("\n", lines));
            }
            sleep(50);
        }
    }

    /** Stops it cleanly (SIGTERM: mosquitto saves persistence and says goodbye to bridges), waiting for the exit. */
    public void stop() {
        destroy(false);
    }

    /** Kills it (SIGKILL): no goodbye, no persistence saved, as a crash or power loss. */
    public void kill() {
        destroy(true);
    }

    /** Starts it again, stopping it first if it runs, with the same configuration on the same port. */
    public void restart() {
        stop();
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart mosquitto", e);
        }
    }

    private void destroy(boolean forcibly) {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Stops only the process this object started. */
    @Override
    public void close() {
        stop();
    }
}
