package io.culex.bootstrap.e2e;

import static io.culex.bootstrap.e2e.RawPackets.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's mosquitto bridging into Culex with {@code try_private true} and {@code topic sync/# both}: Culex must
 * treat it as a bridge (No Local), or every message would come back to mosquitto and loop between the two.
 */
class MosquittoBridgeIntoCulexTest {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    private static final Duration QUIET = Duration.ofSeconds(1);

    private RunningBroker culex;
    private Process mosquitto;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws InterruptedException {
        if (mosquitto != null) {
            mosquitto.destroy(); // only the process this test started
            if (!mosquitto.waitFor(10, TimeUnit.SECONDS)) {
                mosquitto.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (culex != null) {
            culex.close();
        }
    }

    private int startMosquittoBridgingTo(int culexPort) throws IOException {
        if (!Files.isExecutable(MOSQUITTO)) {
            if (System.getenv("CI") != null) {
                fail("CI is set but " + MOSQUITTO + " is not installed");
            }
            Assumptions.abort(MOSQUITTO + " not installed");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "user " + System.getProperty("user.name"),
                "connection culex",
                "address 127.0.0.1:" + culexPort,
                "topic sync/# both 0",
                "try_private true",
                "cleansession true",
                "notifications false",
                "restart_timeout 1",
                ""));
        mosquitto = new ProcessBuilder(MOSQUITTO.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return port;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !mosquitto.isAlive()) {
                    fail("mosquitto did not listen on " + port + ": " + Files.readString(dir.resolve("mosquitto.log")));
                }
            }
        }
    }

    /** Topics of the PUBLISH packets arriving until {@link #QUIET} passes without one. */
    private static List<String> publishesUntilQuiet(RawMqttClient client) throws IOException {
        List<String> topics = new ArrayList<>();
        for (RawMqttClient.Packet packet = client.readPacketWithin(QUIET); packet != null;
             packet = client.readPacketWithin(QUIET)) {
            if (packet.type() == 3) {
                int length = (packet.body()[0] & 0xFF) << 8 | packet.body()[1] & 0xFF;
                topics.add(new String(packet.body(), 2, length, StandardCharsets.UTF_8));
            }
        }
        return topics;
    }

    @Test
    void aMessageCrossesOnceAndDoesNotLoopBack() throws Exception {
        culex = RunningBroker.start();
        int mosquittoPort = startMosquittoBridgingTo(culex.port());
        try (RawMqttClient onCulex = RawMqttClient.connect(culex.port(), "culex-side");
             RawMqttClient onMosquitto = RawMqttClient.connect(mosquittoPort, "mosquitto-side");
             RawMqttClient publisher = RawMqttClient.connect(mosquittoPort, "publisher")) {
            onCulex.send(RawPackets.subscribe(1, "sync/#", 0));
            onCulex.expect(0x90, 0x03, 0x00, 0x01, 0x00);
            onMosquitto.send(RawPackets.subscribe(1, "sync/#", 0));
            onMosquitto.expect(0x90, 0x03, 0x00, 0x01, 0x00);

            // The bridge connects on its own schedule: probe until a message crosses (bounded).
            boolean crossed = false;
            for (int attempt = 0; attempt < 20 && !crossed; attempt++) {
                publisher.send(RawPackets.publish("sync/probe", utf8("p"), 0, 0));
                crossed = onCulex.readPacketWithin(Duration.ofMillis(500)) != null;
            }
            assertTrue(crossed, "mosquitto's bridge never delivered to Culex: "
                    + Files.readString(dir.resolve("mosquitto.log")));
            publishesUntilQuiet(onCulex);
            publishesUntilQuiet(onMosquitto);

            publisher.send(RawPackets.publish("sync/once", utf8("x"), 0, 0));

            assertEquals(List.of("sync/once"), publishesUntilQuiet(onCulex));
            assertEquals(List.of("sync/once"), publishesUntilQuiet(onMosquitto), "no copy came back through Culex");
        }
    }
}
