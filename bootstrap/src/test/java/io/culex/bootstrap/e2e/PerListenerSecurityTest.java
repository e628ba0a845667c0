package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.culex.bootstrap.CulexBroker;
import io.culex.bootstrap.config.ConfigParser;
import io.culex.bootstrap.tools.passwd.PasswdTool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * per_listener_settings over real sockets: listener A allows anonymous clients under one ACL, listener B needs a
 * password file and has another ACL; with false, the same lines are broker-wide.
 */
class PerListenerSecurityTest {

    private static final int NOT_AUTHORISED = 5;

    @TempDir
    Path dir;
    private CulexBroker broker;
    private final List<MqttClient> opened = new ArrayList<>();

    @AfterEach
    void close() throws MqttException {
        for (MqttClient client : opened) {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000);
            }
            client.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private void start(String... lines) throws Exception {
        PasswdTool tool = new PasswdTool();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, tool.run(new String[] {"-c", "-b", dir.resolve("passwd").toString(), "alice", "secret"},
                print, print), out::toString);
        Files.writeString(dir.resolve("a.acl"), "topic readwrite open/#\n");
        Files.writeString(dir.resolve("b.acl"), "user alice\ntopic readwrite #\n");
        broker = CulexBroker.start(ConfigParser.parse(String.join("\n", lines).replace("$DIR", dir.toString()) + "\n",
                "test.conf"));
    }

    private String uri(int listener) {
        return "tcp://127.0.0.1:" + broker.listeners().get(listener).getPort();
    }

    private MqttClient connect(int listener, String clientId, String username, String password) throws MqttException {
        MqttClient client = new MqttClient(uri(listener), clientId, new MemoryPersistence());
        opened.add(client);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password.toCharArray());
        }
        client.connect(options);
        return client;
    }

    private void assertRefused(int listener, String clientId, String username, String password) {
        MqttException e = assertThrows(MqttException.class, () -> connect(listener, clientId, username, password),
                () -> clientId + " should be refused on listener " + listener);
        assertEquals(NOT_AUTHORISED, e.getReasonCode(), e::toString);
    }

    private static BlockingQueue<String> subscribeAll(MqttClient client) throws MqttException {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        client.subscribe("#", 1, (topic, message) -> received.add(topic));
        return received;
    }

    private static final String[] PER_LISTENER = {
        "per_listener_settings true",
        "sys_interval 0",
        "listener 0 127.0.0.1",
        "allow_anonymous true",
        "acl_file $DIR/a.acl",
        "listener 0 127.0.0.1",
        "password_file $DIR/passwd",
        "acl_file $DIR/b.acl",
    };

    @Test
    void eachListenerAuthenticatesWithItsOwnOptions() throws Exception {
        start(PER_LISTENER);
        connect(0, "anon-a", null, null);
        connect(0, "alice-a", "alice", "whatever"); // no password file on A: allow_anonymous decides
        assertRefused(1, "anon-b", null, null);
        assertRefused(1, "wrong-b", "alice", "wrong");
        connect(1, "alice-b", "alice", "secret");
    }

    @Test
    void eachListenerAuthorisesWithItsOwnAclAndSighupReloadsIt() throws Exception {
        start(PER_LISTENER);
        MqttClient alice = connect(1, "alice-b", "alice", "secret");
        BlockingQueue<String> received = subscribeAll(alice); // B's ACL lets alice read everything
        MqttClient anonymous = connect(0, "anon-a", null, null);
        anonymous.publish("secret/x", "no".getBytes(StandardCharsets.UTF_8), 1, false); // A's ACL: dropped
        anonymous.publish("open/x", "yes".getBytes(StandardCharsets.UTF_8), 1, false);
        assertEquals("open/x", received.poll(5, TimeUnit.SECONDS));
        assertNull(received.poll(300, TimeUnit.MILLISECONDS), "A's ACL should have dropped secret/x");

        Files.writeString(dir.resolve("a.acl"), "topic readwrite secret/#\n");
        broker.reload(); // what SIGHUP runs: every listener's files
        anonymous.publish("secret/y", "now".getBytes(StandardCharsets.UTF_8), 1, false);
        anonymous.publish("open/y", "no longer".getBytes(StandardCharsets.UTF_8), 1, false);
        assertEquals("secret/y", received.poll(5, TimeUnit.SECONDS));
        assertNull(received.poll(300, TimeUnit.MILLISECONDS), "the reloaded ACL should have dropped open/y");
    }

    @Test
    void withFalseTheSameLinesAreBrokerWide() throws Exception {
        String[] global = PER_LISTENER.clone();
        global[0] = "per_listener_settings false";
        start(global);
        // The password file and allow_anonymous true hold on both; the last acl_file (b.acl) wins for both.
        connect(0, "alice-a", "alice", "secret");
        assertRefused(0, "wrong-a", "alice", "wrong");
        assertRefused(1, "wrong-b", "alice", "wrong");
        MqttClient alice = connect(1, "alice-b", "alice", "secret");
        BlockingQueue<String> received = subscribeAll(alice);
        MqttClient anonymous = connect(0, "anon-a", null, null);
        anonymous.publish("open/x", "no".getBytes(StandardCharsets.UTF_8), 1, false); // b.acl: nothing for anonymous
        MqttClient aliceOnA = connect(0, "alice-a2", "alice", "secret");
        aliceOnA.publish("secret/x", "yes".getBytes(StandardCharsets.UTF_8), 1, false);
        assertEquals("secret/x", received.poll(5, TimeUnit.SECONDS));
        assertNull(received.poll(300, TimeUnit.MILLISECONDS), "b.acl should have dropped anonymous open/x");
    }
}
