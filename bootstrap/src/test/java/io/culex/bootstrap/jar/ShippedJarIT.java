package io.culex.bootstrap.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Assumptions;
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

    @Test
    void sighupReloadsTheConfigurationFile(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path config = dir.resolve("reload.conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\n", StandardCharsets.UTF_8);
        try (BrokerProcess broker = BrokerProcess.start("-c", config.toString())) {
            broker.awaitLine(line -> line.endsWith(" running"), "saying the broker runs");
            String uri = "tcp://127.0.0.1:" + port;
            MqttClient before = new MqttClient(uri, "before-reload", new MemoryPersistence());
            before.connect();

            Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous false\nmax_topic_alias 5\n",
                    StandardCharsets.UTF_8);
            broker.signal("HUP");

            broker.awaitLine(line -> line.matches("\\d+: Reloading config\\."), "saying it reloads");
            broker.awaitLine(line -> line.matches("\\d+: Warning: max_topic_alias changed: restart to apply\\."),
                    "for the option that needs a restart");
            MqttClient after = new MqttClient(uri, "after-reload", new MemoryPersistence());
            MqttException refused = assertThrows(MqttException.class, after::connect);
            assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, refused.getReasonCode(), refused.toString());
            after.close();
            assertTrue(before.isConnected(), "the connection open before the reload stays");
            before.disconnect();
            before.close();

            broker.terminate();
            assertEquals(0, broker.awaitExit(), "SIGHUP did not stop the broker; SIGTERM still does, in order");
        }
    }

    @Test
    void aBrokenFileOnSighupIsLoggedAndTheBrokerRunsOn(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path config = dir.resolve("broken-later.conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\n", StandardCharsets.UTF_8);
        try (BrokerProcess broker = BrokerProcess.start("-c", config.toString())) {
            broker.awaitLine(line -> line.endsWith(" running"), "saying the broker runs");

            Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous false\nmax_keepalive soon\n",
                    StandardCharsets.UTF_8);
            broker.signal("HUP");

            broker.awaitLine(line -> line.contains(": Error: " + config + ":3: max_keepalive: expected an integer"),
                    "naming file, line and key");
            broker.awaitLine(line -> line.contains("configuration not reloaded"), "saying nothing changed");
            MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, "still-anonymous", new MemoryPersistence());
            client.connect(); // allow_anonymous true still holds
            client.disconnect();
            client.close();

            broker.terminate();
            assertEquals(0, broker.awaitExit());
        }
    }

    @Test
    void logDestSyslogRunsOneLoggerChildWithCulexsIdentAndTheBrokersPid(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/logger")), "util-linux logger is not installed");
        Path config = dir.resolve("syslog.conf");
        Files.writeString(config, "listener 0 127.0.0.1\nlog_dest syslog\nlog_dest stderr\nlog_facility 4\n",
                StandardCharsets.UTF_8);
        try (BrokerProcess broker = BrokerProcess.start("-c", config.toString())) {
            broker.awaitLine(line -> line.endsWith(" running"), "saying the broker runs (on stderr as well)");
            ProcessHandle jvm = ProcessHandle.of(broker.pid()).orElseThrow();
            List<String> loggers = List.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (loggers.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                loggers = jvm.children().map(child -> child.info().commandLine().orElse(""))
                        .filter(command -> command.contains("logger")).toList();
            }
            assertEquals(List.of("/usr/bin/logger --prio-prefix -t culex --id=" + broker.pid()), loggers);

            broker.terminate();
            assertEquals(0, broker.awaitExit());
            assertFalse(broker.output().contains("log_dest syslog"), "no syslog warning: " + broker.output());
        }
    }
}
