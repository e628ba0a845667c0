package io.culex.adapters.netty.bridge;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Debian's mosquitto on a free loopback port, as the remote broker of a bridge; skipped where it is missing. */
final class MosquittoProcess implements AutoCloseable {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    private static final long START_TIMEOUT_SECONDS = 20;

    private final Process process;
    private final int port;
    private final List<String> log = new ArrayList<>();

    private MosquittoProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread reader = new Thread(this::readLog, "mosquitto log");
        reader.setDaemon(true);
        reader.start();
    }

    /** @param options configuration lines of the listener (after "listener PORT 127.0.0.1") */
    static MosquittoProcess start(Path workDir, String... options) throws IOException {
        if (!Files.isExecutable(MOSQUITTO)) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("CI is set but mosquitto is not installed");
            }
            Assumptions.abort("mosquitto not installed");
        }
        int port = freePort();
        List<String> lines = new ArrayList<>(List.of("listener " + port + " 127.0.0.1",
                // As root, mosquitto would switch to its own user, which may not read the test's files.
                "user " + System.getProperty("user.name"), "log_type all"));
        lines.addAll(List.of(options));
        Path config = workDir.resolve("mosquitto-" + port + ".conf");
        Files.writeString(config, String.join("\n", lines) + "\n");
        Process process = new ProcessBuilder(MOSQUITTO.toString(), "-c", config.toString())
                .redirectErrorStream(true).start();
        MosquittoProcess broker = new MosquittoProcess(process, port);
        broker.awaitRunning();
        return broker;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    private void readLog() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (log) {
                    log.add(line);
                }
            }
        } catch (IOException e) {
            // the broker was stopped
        }
    }

    private void awaitRunning() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    fail("mosquitto did not start on port " + port + ": " + log());
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Stops only the broker this object started. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
