package io.culex.bootstrap.tools.passwd;

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

/** Debian's real mosquitto broker on a loopback port, authenticating against one password file. */
final class MosquittoBroker implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 20;

    private final Process process;
    private final int port;
    private final List<String> log = new ArrayList<>();

    private MosquittoBroker(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread reader = new Thread(this::readLog, "mosquitto log");
        reader.setDaemon(true);
        reader.start();
    }

    static MosquittoBroker start(Path mosquitto, Path passwordFile, Path workDir) throws IOException {
        int port = freePort();
        Path config = workDir.resolve("mosquitto.conf");
        // "user" names the account running the test: as root, mosquitto would otherwise switch to the
        // mosquitto user, which cannot read a 0600 file owned by root; as anyone else it has no effect.
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous false",
                "password_file " + passwordFile.toAbsolutePath(),
                "user " + System.getProperty("user.name"),
                ""));
        Process process = new ProcessBuilder(mosquitto.toString(), "-c", config.toString())
                .redirectErrorStream(true).start();
        MosquittoBroker broker = new MosquittoBroker(process, port);
        broker.awaitRunning();
        return broker;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
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

    /** Ready once the listener takes connections (its log may sit in a stdio buffer until exit). */
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

    int port() {
        return port;
    }

    List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
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
