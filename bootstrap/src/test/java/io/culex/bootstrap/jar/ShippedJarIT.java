package io.culex.bootstrap.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs bootstrap/target/culex.jar as a user does (after `mvn package`): the shaded jar must
 * find its storage provider through the merged ServiceLoader files and honour the
 * mosquitto-style command line.
 */
class ShippedJarIT {

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void helpPrintsUsageAndExitsZero() throws Exception {
        try (BrokerProcess broker = BrokerProcess.start("-h")) {
            assertEquals(0, broker.awaitExit());
            assertTrue(broker.output().contains("-c"), broker.output());
            assertTrue(broker.output().contains("-p"), broker.output());
        }
    }

    @Test
    void badConfigurationStopsTheBrokerNamingFileLineAndKey(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("broken.conf");
        Files.writeString(config, "listener 1883\nmax_inflight_messages lots\n", StandardCharsets.UTF_8);
        try (BrokerProcess broker = BrokerProcess.start("-c", config.toString())) {
            assertEquals(1, broker.awaitExit());
            assertTrue(broker.output().contains(config + ":2: max_inflight_messages"), broker.output());
        }
    }

    @Test
    void portOptionAndVerboseLoggingServeClientsUntilTerminated() throws Exception {
        int port = freePort();
        try (BrokerProcess broker = BrokerProcess.start("-p", Integer.toString(port), "-v")) {
            broker.awaitLine(line -> line.endsWith(" running"), "saying the broker runs");

            MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, "jar-client", new MemoryPersistence());
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            MqttConnectOptions options = new MqttConnectOptions();
            options.setKeepAliveInterval(30);
            client.connect(options);
            client.subscribe("jar/test", 1, (topic, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
            client.publish("jar/test", "through the jar".getBytes(StandardCharsets.UTF_8), 1, false);
            assertEquals("through the jar", received.poll(10, TimeUnit.SECONDS));
            client.disconnect();
            client.close();

            broker.awaitLine(line -> line.matches("\\d+: New client connected from 127\\.0\\.0\\.1:\\d+ as jar-client \\(p2, c1, k30\\)\\."),
                    "in Mosquitto's connection log format");
            broker.awaitLine(line -> line.matches("\\d+: Client jar-client disconnected\\."), "for the disconnect");

            broker.terminate();
            assertEquals(0, broker.awaitExit(), "SIGTERM is an orderly stop, as with Mosquitto");
            broker.awaitLine(line -> line.endsWith(" terminating"), "saying the broker terminates");
        }
    }

    @Test
    void pidFileHoldsTheBrokersPidUntilSigtermAndSigusr1DoesNotKillIt(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("culex.pid");
        Path config = dir.resolve("pid.conf");
        Files.writeString(config, "listener 0 127.0.0.1\npid_file " + pidFile + "\n", StandardCharsets.UTF_8);
        try (BrokerProcess broker = BrokerProcess.start("-c", config.toString())) {
            broker.awaitLine(line -> line.endsWith(" running"), "saying the broker runs");
            String content = Files.readString(pidFile, StandardCharsets.US_ASCII);
            assertTrue(content.matches("\\d+\n"), content);
            ProcessHandle process = ProcessHandle.of(Long.parseLong(content.trim())).orElseThrow();
            assertEquals(ProcessHandle.current().pid(), process.parent().map(ProcessHandle::pid).orElse(-1L),
                    "the pid is our child's, the broker's");
            assertTrue(process.info().arguments().map(List::of).orElse(List.of()).contains(config.toString()));

            // Mosquitto ops scripts send USR1 ("save now"); by default it would end the JVM.
            assertEquals(0, new ProcessBuilder("kill", "-USR1", Long.toString(process.pid())).start().waitFor());
            broker.awaitLine(line -> line.endsWith(": SIGUSR1: in-memory storage has nothing to write"), "for SIGUSR1");
            assertTrue(process.isAlive());

            broker.terminate();
            assertEquals(0, broker.awaitExit());
            assertFalse(Files.exists(pidFile), "the pid file is removed at an orderly stop");
        }
    }

    @Test
    void anUnwritablePidFileStopsTheBrokerNamingThePath(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("missing-directory").resolve("culex.pid");
        Path config = dir.resolve("pid.conf");
        Files.writeString(config, "listener 0 127.0.0.1\npid_file " + pidFile + "\n", StandardCharsets.UTF_8);
        try (BrokerProcess broker = BrokerProcess.start("-c", config.toString())) {
            assertEquals(1, broker.awaitExit());
            assertTrue(broker.output().contains("Error: Unable to write pid file " + pidFile), broker.output());
        }
    }
}
