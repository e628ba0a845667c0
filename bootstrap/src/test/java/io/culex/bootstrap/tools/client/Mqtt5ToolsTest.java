package io.culex.bootstrap.tools.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.adapters.netty.client.ClientListener;
import io.culex.adapters.netty.client.ClientOptions;
import io.culex.adapters.netty.client.MqttClientConnection;
import io.culex.adapters.netty.client.MqttVersion;
import io.culex.adapters.netty.client.ReceivedMessage;
import io.culex.adapters.netty.codec.MqttProperties;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tools' MQTT 5 options end to end, against an in-process Culex broker. */
class Mqtt5ToolsTest {

    private InProcessBroker broker;

    @BeforeEach
    void start() {
        broker = InProcessBroker.anonymous();
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private ToolRun sub(String... args) {
        return ToolRun.start(new SubTool()::run, broker.args(args)).awaitSubscribed();
    }

    private ToolRun pub(String... args) {
        return pubWithStdin("", args);
    }

    private ToolRun pubWithStdin(String stdin, String... args) {
        ToolRun run = ToolRun.run(new PubTool(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))::run,
                broker.args(args));
        assertEquals(0, run.exitCode(), run::toString);
        return run;
    }

    @Test
    void publishPropertiesReachAnMqtt5SubscriberAndItsFormat() {
        ToolRun sub = sub("-d", "-V", "5", "-q", "1", "-t", "rt5/props", "-C", "1", "-W", "10",
                "-D", "subscribe", "subscription-identifier", "5", "-F", "%C|%E|%F|%P|%R|%D|%S|%p");
        pub("-V", "5", "-q", "1", "-t", "rt5/props", "-m", "payload", "-D", "publish", "content-type", "text/plain",
                "-D", "publish", "message-expiry-interval", "3000", "-D", "publish", "payload-format-indicator", "1",
                "-D", "publish", "user-property", "k", "v", "-D", "publish", "user-property", "k", "v 2",
                "-D", "publish", "response-topic", "re/sp", "-D", "publish", "correlation-data", "cd-1");
        assertEquals(0, sub.awaitExit(), sub::toString);
        assertEquals(1, sub.messages().size(), sub::toString);
        assertTrue(sub.messages().get(0).matches("text/plain\\|(3000|2999)\\|1\\|k:v k:v 2\\|re/sp\\|cd-1\\|5\\|payload"),
                sub::toString);
    }

    @Test
    void debugLinesNameTheClientByTheIdentifierTheBrokerAssigned() {
        ToolRun run = ToolRun.run(new SubTool()::run, broker.args("-d", "-V", "5", "-t", "rt5/id", "-E"));
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.stdoutLines();
        assertEquals("Client (null) sending CONNECT", lines.get(0));
        assertTrue(lines.get(1).matches("Client auto-\\S+ received CONNACK \\(0\\)"), run::toString);
        String id = lines.get(1).split(" ")[1];
        assertEquals("Client " + id + " sending SUBSCRIBE (Mid: 1, Topic: rt5/id, QoS: 0, Options: 0x00)", lines.get(2));
        assertEquals("Client " + id + " sending DISCONNECT", lines.get(lines.size() - 1));
    }

    @Test
    void sessionExpiryKeepsTheSessionAndItsQueuedMessages() {
        ToolRun first = ToolRun.run(new SubTool()::run, broker.args("-V", "5", "-c", "-i", "keeper", "-x", "60",
                "-q", "1", "-t", "rt5/kept", "-E"));
        assertEquals(0, first.exitCode(), first::toString);
        ToolRun gone = ToolRun.run(new SubTool()::run, broker.args("-V", "5", "-i", "dropper", "-q", "1",
                "-t", "rt5/kept", "-E"));
        assertEquals(0, gone.exitCode(), gone::toString);
        pub("-V", "5", "-q", "1", "-t", "rt5/kept", "-m", "while away");

        ToolRun resumed = ToolRun.run(new SubTool()::run, broker.args("-V", "5", "-c", "-i", "keeper", "-x", "60",
                "-q", "1", "-t", "rt5/kept", "-C", "1", "-W", "10"));
        assertEquals(0, resumed.exitCode(), resumed::toString);
        assertEquals("while away\n", resumed.stdout());
        // Without -x (and without -c) the session ended at DISCONNECT: nothing was kept for it.
        ToolRun notKept = ToolRun.run(new SubTool()::run, broker.args("-V", "5", "-c", "-i", "dropper", "-x", "60",
                "-q", "1", "-t", "rt5/kept", "-W", "1"));
        assertEquals(ToolExit.TIMED_OUT, notKept.exitCode(), notKept::toString);
        assertEquals("", notKept.stdout());
    }

    @Test
    void requestResponseCarriesResponseTopicAndCorrelationData() throws Exception {
        CompletableFuture<MqttClientConnection> self = new CompletableFuture<>();
        ClientOptions options = new ClientOptions("127.0.0.1", broker.port(), MqttVersion.MQTT_5, "responder", true,
                60, null, null, null, 10_000);
        try (MqttClientConnection responder = MqttClientConnection.open(options, new ClientListener() {
            @Override
            public void messageArrived(ReceivedMessage request) {
                MqttProperties answer = MqttProperties.builder()
                        .correlationData(request.properties().correlationData()).build();
                self.join().publish(request.properties().responseTopic(), "pong".getBytes(StandardCharsets.UTF_8), 0,
                        false, answer);
            }
        })) {
            self.complete(responder);
            responder.connected().get(10, TimeUnit.SECONDS);
            responder.subscribe(List.of("rt5/request"), 0).get(10, TimeUnit.SECONDS);

            ToolRun rr = ToolRun.run(new RrTool()::run, broker.args("-t", "rt5/request", "-e", "rt5/response",
                    "-m", "ping", "-D", "publish", "correlation-data", "c-42", "-F", "%t %D %p", "-W", "10"));
            assertEquals(0, rr.exitCode(), rr::toString);
            assertEquals("rt5/response c-42 pong\n", rr.stdout());
        }
    }

    @Test
    void refusedConnectPrintsTheMqtt5ReasonAndExitsWithIt() {
        broker.close();
        broker = InProcessBroker.start("allow_anonymous false");
        ToolRun sub = ToolRun.run(new SubTool()::run, broker.args("-V", "5", "-t", "x", "-W", "10"));
        assertEquals(0x87, sub.exitCode(), sub::toString);
        assertEquals("Connection error: Not authorized\n", sub.stderr());

        ToolRun pub = ToolRun.run(new PubTool()::run, broker.args("-V", "5", "-t", "x", "-m", "y", "-d"));
        assertEquals(0x87, pub.exitCode(), pub::toString);
        assertEquals("Connection error: Not authorized\n"
                + "Error: A network protocol error occurred when communicating with the broker.\n", pub.stderr());
        assertEquals("Client (null) sending CONNECT\nClient (null) received CONNACK (135)\n", pub.stdout());

        ToolRun rr = ToolRun.run(new RrTool()::run, broker.args("-V", "311", "-t", "x", "-e", "r", "-m", "y"));
        assertEquals(5, rr.exitCode(), rr::toString);
        assertEquals("Connection error: Unknown reason\n", rr.stderr(), "mosquitto_rr words 3.x codes as 5's");
    }

    @ParameterizedTest(name = "-q {0}")
    @ValueSource(ints = {1, 2})
    void refusedPublishesWarnAndTheRestGoOn(int qos, @TempDir Path dir) throws Exception {
        Path acl = dir.resolve("acl");
        Files.writeString(acl, "topic readwrite rt5/ok/#\n");
        broker.close();
        broker = InProcessBroker.start("allow_anonymous true", "acl_file " + acl);
        ToolRun watcher = sub("-d", "-t", "rt5/ok/#", "-C", "1", "-W", "10");
        ToolRun denied = pub("-V", "5", "-q", Integer.toString(qos), "-t", "rt5/secret", "-m", "x");
        assertEquals("Warning: Publish 1 failed: Not authorized.\n", denied.stderr());

        ToolRun lines = pubWithStdin("a\nb\n", "-V", "5", "-q", Integer.toString(qos), "-t", "rt5/secret", "-l");
        assertEquals("Warning: Publish 1 failed: Not authorized.\nWarning: Publish 2 failed: Not authorized.\n",
                lines.stderr());
        pub("-V", "5", "-q", Integer.toString(qos), "-t", "rt5/ok/1", "-m", "fine");
        assertEquals(0, watcher.awaitExit(), watcher::toString);
        assertEquals(List.of("fine"), watcher.messages());
    }

    @ParameterizedTest(name = "-q {0}")
    @ValueSource(ints = {1, 2})
    void minusLKeepsAWindowOfMessagesInFlightInOrder(int qos) {
        String q = Integer.toString(qos);
        ToolRun sub = sub("-d", "-V", "5", "-q", q, "-t", "rt5/lines", "-C", "200", "-W", "20");
        String stdin = IntStream.rangeClosed(1, 200).mapToObj(Integer::toString).collect(Collectors.joining("\n"));
        ToolRun pub = pubWithStdin(stdin, "-d", "-V", "5", "-q", q, "-M", "7", "-t", "rt5/lines", "-l");
        assertEquals(0, sub.awaitExit(), sub::toString);
        assertEquals(IntStream.rangeClosed(1, 200).mapToObj(Integer::toString).toList(), sub.messages());
        int inFlight = 0;
        int most = 0;
        for (String line : pub.debugLines()) {
            if (line.contains(" sending PUBLISH ")) {
                most = Math.max(most, ++inFlight);
            } else if (line.contains(qos == 1 ? " received PUBACK " : " received PUBCOMP ")) {
                inFlight--;
            }
        }
        assertTrue(most <= 7, "at most -M in flight, was " + most);
    }

    @Test
    void minusLDoesNotWaitForEachAcknowledgementBeforeTheNext() throws Exception {
        // A broker that acknowledges nothing until three messages are in flight: one-at-a-time would never finish.
        try (WithholdingBroker withholding = WithholdingBroker.start(3)) {
            ToolRun pub = ToolRun.run(new PubTool(new ByteArrayInputStream("1\n2\n3\n".getBytes(StandardCharsets.UTF_8)))
                    ::run, "-h", "127.0.0.1", "-p", Integer.toString(withholding.port()), "-q", "1", "-t", "w", "-l");
            assertEquals(0, pub.exitCode(), pub::toString);
            assertEquals(List.of(1, 2, 3), withholding.packetIds());
        }
    }

    @Test
    void subReconnectsAfterLosingItsConnectionAsMosquittoSubDoes() {
        ToolRun sub = sub("-d", "-i", "twin", "-q", "1", "-t", "rt5/reco", "-v", "-C", "1", "-W", "20");
        // Another client with the same id takes the session over: the broker closes the first connection.
        ToolRun thief = ToolRun.run(new SubTool()::run, broker.args("-i", "twin", "-t", "rt5/other", "-E"));
        assertEquals(0, thief.exitCode(), thief::toString);
        awaitSubscriptions(sub, 2);
        pub("-q", "1", "-t", "rt5/reco", "-m", "after");
        assertEquals(0, sub.awaitExit(), sub::toString);
        assertEquals(List.of("rt5/reco after"), sub.messages());
        assertEquals(2, sub.debugLines().stream().filter(l -> l.equals("Client twin sending CONNECT")).count(), sub::toString);
        assertEquals("", sub.stderr());
    }

    /** Waits (bounded) until sub printed {@code count} "Subscribed" lines: one per connection. */
    private static void awaitSubscriptions(ToolRun sub, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ToolRun.WAIT_SECONDS);
        while (sub.stdoutLines().stream().filter(l -> l.startsWith("Subscribed (mid: ")).count() < count) {
            assertTrue(System.nanoTime() < deadline, () -> "no reconnection: " + sub);
            ToolRun.sleepMillis(20);
        }
    }

    @Test
    void anMqtt5DisconnectFromTheBrokerEndsSubWithExitZero() {
        ToolRun sub = sub("-d", "-V", "5", "-i", "twin5", "-t", "rt5/end", "-W", "20");
        ToolRun thief = ToolRun.run(new SubTool()::run, broker.args("-V", "5", "-i", "twin5", "-t", "rt5/other", "-E"));
        assertEquals(0, thief.exitCode(), thief::toString);
        assertEquals(0, sub.awaitExit(), sub::toString);
        assertTrue(sub.stdoutLines().contains("Received DISCONNECT (142)"), sub::toString);
        assertEquals("", sub.stderr());
    }

    @Test
    void retainedOnlyAndRemoveRetained() {
        pub("-r", "-q", "1", "-t", "rt5/ret/a", "-m", "A");
        pub("-r", "-q", "1", "-t", "rt5/ret/b", "-m", "B");
        // Prints the retained messages, clears them, and stops at the first fresh message (a removal's echo).
        ToolRun cleaner = ToolRun.run(new SubTool()::run, broker.args("-t", "rt5/ret/#", "--retained-only",
                "--remove-retained", "-v", "-W", "10"));
        assertEquals(0, cleaner.exitCode(), cleaner::toString);
        assertEquals(List.of("rt5/ret/a A", "rt5/ret/b B"), cleaner.messages());
        ToolRun after = ToolRun.run(new SubTool()::run, broker.args("-t", "rt5/ret/#", "-W", "1"));
        assertEquals(ToolExit.TIMED_OUT, after.exitCode(), after::toString);
        assertEquals("", after.stdout());
    }

    @Test
    void subscriptionOptionsOnMqtt5Only() {
        ToolRun five = ToolRun.run(new SubTool()::run, broker.args("-d", "-V", "5", "-i", "o5", "-R",
                "--retain-as-published", "-t", "rt5/o", "-E"));
        assertTrue(five.stdoutLines().contains("Client o5 sending SUBSCRIBE (Mid: 1, Topic: rt5/o, QoS: 0, Options: 0x28)"),
                five::toString);
        ToolRun three = ToolRun.run(new SubTool()::run, broker.args("-d", "-i", "o3", "-R", "--retain-as-published",
                "-t", "rt5/o", "-E"));
        assertTrue(three.stdoutLines().contains("Client o3 sending SUBSCRIBE (Mid: 1, Topic: rt5/o, QoS: 0, Options: 0x00)"),
                three::toString);

        ToolRun asPublished = sub("-d", "-V", "5", "--retain-as-published", "-t", "rt5/o/rap", "-F", "%r", "-C", "1",
                "-W", "10");
        ToolRun plain = sub("-d", "-V", "5", "-t", "rt5/o/rap", "-F", "%r", "-C", "1", "-W", "10");
        pub("-r", "-t", "rt5/o/rap", "-m", "live");
        assertEquals(0, asPublished.awaitExit(), asPublished::toString);
        assertEquals(0, plain.awaitExit(), plain::toString);
        assertEquals(List.of("1"), asPublished.messages());
        assertEquals(List.of("0"), plain.messages());
        pub("-r", "-n", "-t", "rt5/o/rap");
    }

    @Test
    void timeoutOnMqtt5DisconnectsWithTheWill() {
        ToolRun watcher = sub("-d", "-t", "rt5/will", "-v", "-C", "1", "-W", "10");
        ToolRun timed = ToolRun.run(new SubTool()::run, broker.args("-V", "5", "-t", "rt5/quiet", "-W", "1",
                "--will-topic", "rt5/will", "--will-payload", "bye", "-D", "will", "content-type", "text/plain"));
        assertEquals(ToolExit.TIMED_OUT, timed.exitCode(), timed::toString);
        assertEquals(0, watcher.awaitExit(), watcher::toString);
        assertEquals(List.of("rt5/will bye"), watcher.messages());
    }

    @Test
    void unsubscribeSendsOnePacketPerTopicAsMosquittoSubDoes() {
        ToolRun run = ToolRun.run(new SubTool()::run, broker.args("-d", "-V", "5", "-i", "u5", "-t", "rt5/u",
                "-U", "rt5/a", "-U", "rt5/b", "-D", "unsubscribe", "user-property", "k", "v", "-E"));
        assertEquals(0, run.exitCode(), run::toString);
        List<String> unsubscribes = new ArrayList<>(run.stdoutLines());
        unsubscribes.removeIf(line -> !line.contains("UNSUBSCRIBE"));
        assertEquals(List.of("Client u5 sending UNSUBSCRIBE (Mid: 2, Topic: rt5/a)",
                "Client u5 sending UNSUBSCRIBE (Mid: 3, Topic: rt5/b)"), unsubscribes);
    }
}
