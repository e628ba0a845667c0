package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.ConfigReload;
import io.culex.bootstrap.config.CommandLine;
import io.culex.bootstrap.e2e.PahoClients.Client;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGHUP's configuration reload against a running broker: the broker starts from a file, the file is edited, and
 * {@link ConfigReload#reload()} (what the SIGHUP handler runs) applies it; real Paho clients observe the result.
 */
class ConfigReloadTest {

    private static final int NOT_AUTHORISED = 5;
    private static final String BASE = "listener 0 127.0.0.1\nsys_interval 0\n";

    @TempDir
    Path dir;
    private Path file;
    private RunningBroker broker;
    private PahoClients clients;
    private Paho5Clients clients5;
    private ConfigReload reload;
    private RawLogCapture log;

    @AfterEach
    void stop() {
        if (clients5 != null) {
            clients5.close();
        }
        if (clients != null) {
            clients.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (log != null) {
            log.close();
        }
    }

    private void start(String config) throws Exception {
        file = dir.resolve("culex.conf");
        write(config);
        log = RawLogCapture.of("io.culex.config");
        broker = RunningBroker.fromFile(file);
        clients = new PahoClients(broker);
        clients5 = new Paho5Clients(broker);
        reload = new ConfigReload(CommandLine.parse("-c", file.toString()), broker.config(), broker.broker(), null);
    }

    private void write(String config) throws IOException {
        Files.writeString(file, config, StandardCharsets.UTF_8);
    }

    /** Edits the file and sends the broker "SIGHUP". */
    private void reloadWith(String config) throws IOException {
        write(config);
        reload.reload();
    }

    private Client anonymous(String clientId) throws MqttException {
        return clients.connect(clientId, PahoClients.MQTT_3_1_1, true);
    }

    private void assertAnonymousRefused(String clientId) {
        MqttException e = assertThrows(MqttException.class, () -> anonymous(clientId), clientId + " should be refused");
        assertEquals(NOT_AUTHORISED, e.getReasonCode(), e.toString());
    }

    /** The client publishes to a topic of its own and gets it back: its connection works. */
    private static void assertWorks(Client client, String topic) throws Exception {
        client.subscribe(topic, 1);
        client.publish(topic, "still here", 1, false);
        assertEquals("still here", client.next().payload());
    }

    @Test
    void allowAnonymousFalseRefusesNewAnonymousClientsWhileOpenConnectionsStay() throws Exception {
        start(BASE + "allow_anonymous true\n");
        Client before = anonymous("before");

        reloadWith(BASE + "allow_anonymous false\n");

        assertAnonymousRefused("after");
        assertWorks(before, "reload/before"); // Mosquitto: "clients that are already connected will not be affected"
        log.await(line -> line.equals("Reloading config."), Duration.ofSeconds(5));
    }

    @Test
    void aPasswordFileAddedByTheReloadIsEnforced() throws Exception {
        start(BASE + "allow_anonymous true\n");
        anonymous("first").paho.disconnect();
        Path passwd = dir.resolve("passwd");
        // culex passwd -b, in-process
        java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        assertEquals(0, new io.culex.bootstrap.tools.passwd.PasswdTool().run(
                new String[] {"-c", "-b", passwd.toString(), "alice", "s3cret"}, quiet, quiet));

        reloadWith(BASE + "allow_anonymous false\npassword_file " + passwd + "\n");

        assertAnonymousRefused("anonymous");
        MqttConnectOptions alice = clients.options(PahoClients.MQTT_3_1_1, true);
        alice.setUserName("alice");
        alice.setPassword("s3cret".toCharArray());
        assertWorks(clients.connect("alice", alice), "reload/alice");
        alice.setPassword("wrong".toCharArray());
        assertEquals(NOT_AUTHORISED, assertThrows(MqttException.class, () -> clients.connect("mallory", alice))
                .getReasonCode());
    }

    @Test
    void aLowerMessageSizeLimitDropsBigMessagesOnConnectionsAlreadyOpen() throws Exception {
        start(BASE + "allow_anonymous true\n");
        Client subscriber = anonymous("subscriber");
        subscriber.subscribe("size/#", 1);
        Client publisher = anonymous("publisher");
        String big = "x".repeat(1000);
        publisher.publish("size/big", big, 1, false);
        assertEquals(big, subscriber.next().payload());

        reloadWith(BASE + "allow_anonymous true\nmessage_size_limit 100\n");

        publisher.publish("size/big", big, 1, false); // its PUBACK still comes: the flow completes, as in Mosquitto
        publisher.publish("size/small", "small", 1, false);
        PahoClients.Received next = subscriber.next();
        assertEquals("size/small", next.topic());
        assertNull(subscriber.nextOrNull(300));
    }

    @Test
    void maxKeepaliveLoweredIsImposedOnClientsConnectingAfterTheReload() throws Exception {
        start(BASE + "allow_anonymous true\n");
        assertNull(clients5.connect("before").connack().getServerKeepAlive(), "60 s is allowed at first");

        reloadWith(BASE + "allow_anonymous true\nmax_keepalive 10\n");

        // Paho asks for 60 s; MQTT 5 clients are told the broker's Server Keep Alive.
        assertEquals(10, clients5.connect("after").connack().getServerKeepAlive());
    }

    @Test
    void anAclFileAddedOrRemovedByTheReloadAppliesToConnectedSubscribers() throws Exception {
        start(BASE + "allow_anonymous true\n");
        Client subscriber = anonymous("subscriber");
        subscriber.subscribe("data/#", 1);
        Client publisher = anonymous("publisher");
        publisher.publish("data/1", "one", 1, false);
        assertEquals("one", subscriber.next().payload());

        Path acl = dir.resolve("acl");
        Files.writeString(acl, "topic write data/#\n"); // clients without a username may write, not read
        reloadWith(BASE + "allow_anonymous true\nacl_file " + acl + "\n");
        publisher.publish("data/2", "two", 1, false);
        assertNull(subscriber.nextOrNull(500), "the subscriber may no longer read data/#");

        reloadWith(BASE + "allow_anonymous true\n");
        publisher.publish("data/3", "three", 1, false);
        assertEquals("three", subscriber.next().payload());
    }

    @Test
    void sysIntervalChangedStartsTheSysUpdates() throws Exception {
        start(BASE + "allow_anonymous true\n");
        Client watcher = anonymous("watcher");
        watcher.subscribe("$SYS/broker/uptime", 0);
        assertNull(watcher.nextOrNull(300), "sys_interval 0: no $SYS updates");

        reloadWith("listener 0 127.0.0.1\nallow_anonymous true\nsys_interval 1\n");

        PahoClients.Received uptime = watcher.next();
        assertTrue(uptime.payload().endsWith(" seconds"), uptime.toString());
        assertNotNull(watcher.next(), "and again a second later");
    }

    @Test
    void filesOfIncludeDirAreReadAgain() throws Exception {
        Path conf = dir.resolve("conf.d");
        Files.createDirectory(conf);
        Files.writeString(conf.resolve("security.conf"), "allow_anonymous true\n");
        start(BASE + "include_dir " + conf + "\n");
        anonymous("before").paho.disconnect();

        Files.writeString(conf.resolve("security.conf"), "allow_anonymous false\n");
        reload.reload();

        assertAnonymousRefused("after");
    }

    @Test
    void aFileThatNoLongerParsesChangesNothingAndTheErrorNamesFileLineAndKey() throws Exception {
        start(BASE + "allow_anonymous true\n");

        reloadWith(BASE + "allow_anonymous false\nmax_inflight_messages lots\n");

        log.await(line -> line.startsWith("Error: " + file + ":4: max_inflight_messages: expected an integer"),
                Duration.ofSeconds(5));
        log.await(line -> line.contains("configuration not reloaded"), Duration.ofSeconds(5));
        assertWorks(anonymous("still-anonymous"), "reload/broken"); // allow_anonymous false was not applied

        Files.delete(file);
        reload.reload();
        log.await(line -> line.startsWith("Error: cannot read configuration file '" + file + "'"), Duration.ofSeconds(5));
        assertWorks(anonymous("file-gone"), "reload/gone");
    }

    @Test
    void aNewPasswordFileThatCannotBeReadChangesNothing() throws Exception {
        start(BASE + "allow_anonymous true\n");

        reloadWith(BASE + "allow_anonymous false\npassword_file " + dir.resolve("missing") + "\nmax_keepalive 10\n");

        log.await(line -> line.contains("Unable to open pwfile") && line.contains("missing"), Duration.ofSeconds(5));
        log.await(line -> line.contains("configuration not reloaded"), Duration.ofSeconds(5));
        assertWorks(anonymous("still-anonymous"), "reload/pwfile");
        assertNull(clients5.connect("keepalive").connack().getServerKeepAlive(), "max_keepalive 10 was not applied");
    }

    @Test
    void aChangedListenerPortNeedsARestartWhileTheOtherChangesApply() throws Exception {
        start(BASE + "allow_anonymous true\n");
        int port = broker.port();

        reloadWith("listener " + (port == 65_535 ? port - 1 : port + 1) + " 127.0.0.1\nsys_interval 0\n"
                + "allow_anonymous false\npid_file " + dir.resolve("culex.pid") + "\n");

        log.await(line -> line.equals("Warning: listener changed: restart to apply."), Duration.ofSeconds(5));
        log.await(line -> line.equals("Warning: pid_file changed: restart to apply."), Duration.ofSeconds(5));
        assertAnonymousRefused("on-the-old-port"); // still listening where it was, with allow_anonymous false
    }

    @Test
    void withoutAConfigurationFileSighupOnlyReReadsTheFiles() throws Exception {
        start(BASE + "allow_anonymous true\n");
        ConfigReload noFile = new ConfigReload(CommandLine.parse(), broker.config(), broker.broker(), null);

        write(BASE + "allow_anonymous false\n");
        noFile.reload();

        assertWorks(anonymous("anonymous"), "reload/no-file");
    }
}
