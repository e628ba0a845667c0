package io.culex.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.ConfigReload;
import io.culex.bootstrap.CulexBroker;
import io.culex.bootstrap.config.BrokerConfig;
import io.culex.bootstrap.config.CommandLine;
import io.culex.bootstrap.config.ConfigParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logging options reloaded by SIGHUP, against a running broker writing its log to files. */
class LoggingReloadTest {

    // The broker's loggers are all under io.culex; the test's logging goes there, not on the shared root.
    private final Logger culex = Logger.getLogger("io.culex");
    private final Level previousLevel = culex.getLevel();

    @TempDir
    Path dir;
    private Path file;
    private CulexBroker broker;
    private ConfigReload reload;

    @AfterEach
    void stop() {
        if (reload != null) {
            reload.stop();
            reload.log().close();
        }
        culex.setLevel(previousLevel);
        if (broker != null) {
            broker.close();
        }
    }

    private void start(String config) throws Exception {
        file = dir.resolve("culex.conf");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        BrokerConfig parsed = ConfigParser.parse(file);
        broker = CulexBroker.start(parsed);
        BrokerLog log = LogSetup.install(parsed.logging(), false, culex, ZoneId.systemDefault());
        reload = new ConfigReload(CommandLine.parse("-c", file.toString()), parsed, broker, log);
    }

    private void reloadWith(String config) throws Exception {
        Files.writeString(file, config, StandardCharsets.UTF_8);
        reload.reload();
    }

    private void connectAndDisconnect(String clientId) throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + broker.listeners().get(0).getPort(), clientId,
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        client.connect(options);
        client.disconnect();
        client.close();
    }

    private static List<String> lines(Path log) throws Exception {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    private static String await(Path log, Predicate<String> wanted, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            for (String line : lines(log)) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no line " + what + " in " + log + ": " + lines(log));
    }

    @Test
    void connectionMessagesLogDestAndTimestampsFollowTheFile() throws Exception {
        Path first = dir.resolve("first.log");
        Path second = dir.resolve("second.log");
        String base = "listener 0 127.0.0.1\nallow_anonymous true\nsys_interval 0\n";
        start(base + "log_dest file " + first + "\n");
        connectAndDisconnect("before");
        await(first, line -> line.matches("\\d+: New client connected from .* as before .*"), "for 'before'");

        reloadWith(base + "log_dest file " + first + "\nconnection_messages false\n");
        connectAndDisconnect("quiet");
        await(first, line -> line.matches("\\d+: Reloading config\\."), "saying it reloads");

        reloadWith(base + "log_dest file " + second + "\nlog_timestamp false\n");
        connectAndDisconnect("after");
        await(second, line -> line.startsWith("New client connected from ") && line.contains(" as after "),
                "for 'after', without a time stamp");

        assertFalse(String.join("\n", lines(first)).contains(" as quiet "), "connection_messages false: " + lines(first));
        assertFalse(String.join("\n", lines(first)).contains(" as after "), "after the reload, lines go to the new file");
        assertEquals(2, lines(first).stream().filter(line -> line.endsWith("Reloading config.")).count(), lines(first).toString());
    }

    @Test
    void aLogFileThatCannotBeOpenedChangesNothing() throws Exception {
        Path log = dir.resolve("broker.log");
        String base = "listener 0 127.0.0.1\nallow_anonymous true\nsys_interval 0\nlog_dest file " + log + "\n";
        start(base);

        Path unopenable = dir.resolve("no-such-dir").resolve("x.log");
        reloadWith(base + "log_dest file " + unopenable + "\nconnection_messages false\n");

        await(log, line -> line.endsWith("Error: Unable to open log file " + unopenable
                + " for writing: its directory does not exist"), "naming the file");
        await(log, line -> line.contains("configuration not reloaded"), "saying nothing changed");
        connectAndDisconnect("still-logged");
        await(log, line -> line.contains(" as still-logged "), "connection_messages still true");
        assertTrue(reload.running().logging().connectionMessages());

        reloadWith(base + "log_timestamp_format %Y-%Q\n");
        await(log, line -> line.contains("log_timestamp_format '%Y-%Q': unsupported conversion %Q"), "naming %Q");
        assertEquals(null, reload.running().logging().timestampFormat());
    }
}
