package io.culex.bootstrap.e2e;

import static io.culex.bootstrap.e2e.RawPackets.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.adapters.netty.bridge.MosquittoProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's mosquitto bridging into Culex with {@code try_private true} and {@code topic sync/# both}: Culex must
 * treat it as a bridge (No Local), or every message would come back to mosquitto and loop between the two.
 */
class MosquittoBridgeIntoCulexTest {

    private static final Duration QUIET = Duration.ofSeconds(1);

    private RunningBroker culex;
    private MosquittoProcess mosquitto;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws InterruptedException {
        if (mosquitto != null) {
            mosquitto.close(); // only the process this test started
        }
        if (culex != null) {
            culex.close();
        }
    }

    private int startMosquittoBridgingTo(int culexPort) {
        mosquitto = MosquittoProcess.start(dir,
                "allow_anonymous true",
                "connection culex",
                "address 127.0.0.1:" + culexPort,
                "topic sync/# both 0",
                "try_private true",
                "cleansession true",
                "notifications false",
                "restart_timeout 1");
        return mosquitto.port();
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
            assertTrue(crossed, "mosquitto's bridge never delivered to Culex: " + mosquitto.log());
            publishesUntilQuiet(onCulex);
            publishesUntilQuiet(onMosquitto);

            publisher.send(RawPackets.publish("sync/once", utf8("x"), 0, 0));

            assertEquals(List.of("sync/once"), publishesUntilQuiet(onCulex));
            assertEquals(List.of("sync/once"), publishesUntilQuiet(onMosquitto), "no copy came back through Culex");
        }
    }
}
