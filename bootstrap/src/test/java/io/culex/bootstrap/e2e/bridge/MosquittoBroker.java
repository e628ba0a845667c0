package io.culex.bootstrap.e2e.bridge;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Debian's mosquitto broker as a separate process on 127.0.0.1, started and stopped by the test. */
final class MosquittoBroker implements AutoCloseable {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    private final Process process;
    private final Path log;
    private final int port;

    private MosquittoBroker(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Listens on a free port with anonymous access, then {@code lines} (e.g. a bridge to Culex). */
    static MosquittoBroker start(Path dir, String... lines) throws IOException {
        if (!Files.isExecutable(MOSQUITTO)) {
            String message = MOSQUITTO + " not found; install Debian's mosquitto package";
            if (System.getenv("CI") != null) {
                fail("CI is set but " + message);
            }
            Assumptions.abort(message);
        }
        int port = BridgeTestBroker.freePort();
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\nlog_type all\n"
                + String.join("\n", lines) + "\n");
        Path log = dir.resolve("mosquitto.log");
        Process process = new ProcessBuilder(MOSQUITTO.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        MosquittoBroker broker = new MosquittoBroker(process, log, port);
        broker.awaitListening();
        return broker;
    }

    int port() {
        return port;
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** What mosquitto logged, for failure messages. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    close();
                    fail("mosquitto did not listen on " + port + ": " + log());
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
