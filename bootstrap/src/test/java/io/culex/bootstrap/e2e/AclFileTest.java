package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.e2e.PahoClients.Client;
import io.culex.bootstrap.e2e.PahoClients.Received;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** acl_file with Paho clients over a real socket: publish, subscribe and delivery for every kind of line. */
class AclFileTest extends BrokerTestSupport {

    private static final int FAILURE = 0x80;
    private static final String RULES = """
            # clients without a username
            topic read public/#
            topic write anon/out
            topic deny public/secret
            topic read $SYS/#
            topic readwrite both/#

            user alice
            topic readwrite alice/#
            topic write sensors/+/temp
            topic deny alice/private/#

            user writer
            topic write #

            user spy
            topic read #

            pattern readwrite clients/%c/#
            pattern read users/%u/inbox
            """;

    @TempDir
    Path dir;
    private Path aclFile;

    @BeforeEach
    void writeRules() throws IOException {
        aclFile = dir.resolve("acl");
        Files.writeString(aclFile, RULES);
    }

    private void start(String... extra) {
        String[] lines = new String[extra.length + 1];
        lines[0] = "acl_file " + aclFile;
        System.arraycopy(extra, 0, lines, 1, extra.length);
        startBroker(lines);
    }

    private Client connect(String clientId, String username) throws MqttException {
        MqttConnectOptions options = clients.options(PahoClients.MQTT_3_1_1, true);
        if (username != null) {
            options.setUserName(username);
        }
        return clients.connect(clientId, options);
    }

    private static int[] subscribe(Client client, String... filters) throws MqttException {
        int[] qos = new int[filters.length];
        java.util.Arrays.fill(qos, 1);
        return client.paho.subscribeWithResponse(filters, qos).getGrantedQos();
    }

    /** Publishes each topic, then a marker the subscriber may read; returns the topics that arrived before the marker. */
    private static String deliveredBefore(Client publisher, Client subscriber, String marker, int qos, String... topics)
            throws Exception {
        for (String topic : topics) {
            publisher.publish(topic, "x", qos, false); // returns after PUBACK/PUBCOMP: the flow completes when denied too
        }
        publisher.publish(marker, "marker", qos, false);
        StringBuilder seen = new StringBuilder();
        for (Received message = subscriber.next(); !message.topic().equals(marker); message = subscriber.next()) {
            seen.append(seen.length() == 0 ? "" : " ").append(message.topic());
        }
        return seen.toString();
    }

    @Test
    void publishIsCheckedForWriteAccessAndDeniedOnesStillCompleteTheirQosFlow() throws Exception {
        start();
        Client spy = connect("spy", "spy");
        assertArrayEquals(new int[] {1}, subscribe(spy, "#"));

        Client anonymous = connect("anon", null);
        for (int qos = 0; qos <= 2; qos++) {
            assertEquals("anon/out both/x clients/anon/x", deliveredBefore(anonymous, spy, "both/end", qos,
                    "anon/out", "public/news", "public/secret", "both/x", "alice/x", "clients/anon/x", "clients/bob/x"),
                    "anonymous section (write, read-only, deny, readwrite) and %c pattern at QoS " + qos);
        }
        assertTrue(anonymous.paho.isConnected(), "a denied PUBLISH does not disconnect");

        Client alice = connect("alice-1", "alice");
        assertEquals("alice/x sensors/kitchen/temp clients/alice-1/state", deliveredBefore(alice, spy, "alice/end", 1,
                "alice/x", "alice/private/diary", "sensors/kitchen/temp", "sensors/kitchen/humidity",
                "public/news", "anon/out", "clients/alice-1/state", "users/alice/inbox"),
                "user section (readwrite, write, deny), the anonymous section does not apply, patterns %c and %u");
    }

    @Test
    void aDeniedPublishIsLoggedAtDebugLevel() throws Exception {
        start();
        java.util.logging.Logger messages = java.util.logging.Logger.getLogger("io.culex.message");
        java.util.logging.Level before = messages.getLevel();
        messages.setLevel(java.util.logging.Level.FINE);
        try (RawLogCapture log = RawLogCapture.of("io.culex.message")) {
            Client anonymous = connect("anon", null);
            anonymous.paho.publish("public/news", "hello".getBytes(StandardCharsets.UTF_8), 1, true);
            String line = log.await(message -> message.startsWith("Denied PUBLISH"), java.time.Duration.ofSeconds(5));
            assertTrue(line.matches("Denied PUBLISH from anon \\(d0, q1, r1, m\\d+, 'public/news', \\.\\.\\. \\(5 bytes\\)\\)\\."),
                    line);
        } finally {
            messages.setLevel(before);
        }
    }

    @Test
    void subscribeGets0x80ForFiltersTheClientCanNeverRead() throws Exception {
        start();
        Client anonymous = connect("anon", null);
        assertArrayEquals(new int[] {1, FAILURE, FAILURE, 1, 1, FAILURE, 1, FAILURE, 1},
                subscribe(anonymous, "public/#", "anon/out", "public/secret", "$SYS/#", "both/+", "alice/#",
                        "clients/anon/#", "users/+/inbox", "#"));

        Client alice = connect("alice-1", "alice");
        assertArrayEquals(new int[] {1, FAILURE, FAILURE, 1, FAILURE, 1, FAILURE},
                subscribe(alice, "alice/#", "sensors/+/temp", "alice/private/diary", "users/alice/inbox",
                        "users/bob/inbox", "clients/alice-1/#", "$SYS/#"));

        MqttException refused = assertThrows(MqttException.class, () -> alice.subscribe("public/#", 1),
                "Paho reports a single refused filter as a failure");
        assertEquals(MqttException.REASON_CODE_SUBSCRIBE_FAILED, refused.getReasonCode());
    }

    @Test
    void eachMessageIsCheckedForEverySubscriberBeforeDelivery() throws Exception {
        start();
        Client anonymous = connect("anon", null);
        Client alice = connect("alice-1", "alice");
        assertArrayEquals(new int[] {1}, subscribe(anonymous, "#"));
        assertArrayEquals(new int[] {1}, subscribe(alice, "#"));
        Client writer = connect("w", "writer");
        for (String topic : new String[] {"public/news", "alice/x", "public/secret", "alice/private/x", "other",
                "both/x", "clients/anon/x", "clients/alice-1/x", "users/alice/inbox", "sensors/k/temp"}) {
            writer.publish(topic, "x", 1, false);
        }
        writer.publish("public/end", "x", 1, false);
        writer.publish("alice/end", "x", 1, false);
        assertEquals("public/news both/x clients/anon/x public/end", topics(anonymous, "public/end"));
        assertEquals("alice/x clients/alice-1/x users/alice/inbox alice/end", topics(alice, "alice/end"));
    }

    @Test
    void retainedMessagesSentOnSubscribeAreCheckedToo() throws Exception {
        start();
        Client writer = connect("w", "writer");
        for (String topic : new String[] {"public/r", "public/secret", "alice/r", "alice/private/r", "other/r"}) {
            writer.publish(topic, "kept", 1, true);
        }
        Client anonymous = connect("anon", null);
        assertArrayEquals(new int[] {1}, subscribe(anonymous, "#"));
        assertEquals(new Received("public/r", "kept", 1, true, false), anonymous.next());
        assertNull(anonymous.nextOrNull(300), "no other retained message may be read anonymously");

        Client alice = connect("alice-1", "alice");
        assertArrayEquals(new int[] {1}, subscribe(alice, "#"));
        assertEquals("alice/r", alice.next().topic());
        assertNull(alice.nextOrNull(300));
    }

    @Test
    void sysTopicsNeedAnExplicitRule() throws Exception {
        start("sys_interval 1");
        Client anonymous = connect("anon", null);
        assertArrayEquals(new int[] {1}, subscribe(anonymous, "$SYS/broker/version"));
        assertTrue(anonymous.next().payload().startsWith("culex"), "topic read $SYS/# lets anonymous clients read $SYS");
        Client spy = connect("spy", "spy");
        assertArrayEquals(new int[] {FAILURE, 1}, subscribe(spy, "$SYS/broker/version", "broker/version"),
                "'topic read #' does not reach $SYS");
    }

    @Test
    void willIsPublishedOnlyWithWriteAccess() throws Exception {
        start();
        Client alice = connect("alice-1", "alice");
        assertArrayEquals(new int[] {1}, subscribe(alice, "#"));
        MqttConnectOptions denied = clients.options(PahoClients.MQTT_3_1_1, true);
        denied.setWill("alice/will", "anonymous".getBytes(StandardCharsets.UTF_8), 1, false);
        MqttConnectOptions allowed = clients.options(PahoClients.MQTT_3_1_1, true);
        allowed.setUserName("alice");
        allowed.setWill("alice/will", "alice".getBytes(StandardCharsets.UTF_8), 1, false);
        Client anonymous = clients.connect("anon", denied);
        Client second = clients.connect("alice-2", allowed);
        anonymous.paho.disconnectForcibly(0, 100, false);
        second.paho.disconnectForcibly(0, 100, false);
        assertEquals("alice", alice.next().payload());
        assertNull(alice.nextOrNull(300), "the anonymous client's will needed write access to alice/will");
    }

    @Test
    void sighupReloadAppliesToConnectedClientsAndABadFileKeepsTheOldRules() throws Exception {
        start();
        Client anonymous = connect("anon", null);
        Client alice = connect("alice-1", "alice");
        assertArrayEquals(new int[] {1}, subscribe(alice, "alice/#"));
        anonymous.publish("alice/from-anon", "x", 1, false);
        alice.publish("alice/end", "x", 1, false);
        assertEquals("alice/end", alice.next().topic(), "before the reload anonymous clients may not write alice/#");

        Files.writeString(aclFile, "topic write alice/#\nuser alice\ntopic read alice/#\n");
        assertTrue(broker.broker().acl().reload());
        anonymous.publish("alice/from-anon", "x", 1, false);
        assertEquals("alice/from-anon", alice.next().topic(), "the connected anonymous client may write now");

        Files.writeString(aclFile, "topic write alice/#\nbogus line\n");
        assertFalse(broker.broker().acl().reload(), "a file with a bad line is refused");
        anonymous.publish("alice/again", "x", 1, false);
        assertEquals("alice/again", alice.next().topic(), "the previous rules stay in force");

        Files.delete(aclFile);
        assertFalse(broker.broker().acl().reload(), "a missing file is refused");
        anonymous.publish("alice/still", "x", 1, false);
        assertEquals("alice/still", alice.next().topic());
    }

    @Test
    void aBadFileStopsTheStartUpNamingEveryBadLine() throws Exception {
        Files.writeString(aclFile, "topic read ok\ntopic rw a/b\nuser\ntopic read a/#/b\n");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> RunningBroker.start("acl_file " + aclFile));
        String message = error.getMessage();
        assertTrue(message.contains("line 2: invalid access 'rw'"), message);
        assertTrue(message.contains("line 3: missing username"), message);
        assertTrue(message.contains("line 4: invalid ACL topic 'a/#/b'"), message);

        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> RunningBroker.start("acl_file " + dir.resolve("absent")));
        assertTrue(missing.getMessage().contains("Unable to open acl_file"), missing.getMessage());
    }

    private static String topics(Client client, String last) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        Received message;
        do {
            message = client.next();
            seen.append(seen.length() == 0 ? "" : " ").append(message.topic());
        } while (!message.topic().equals(last));
        return seen.toString();
    }
}
