package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.culex.bootstrap.e2e.MosquittoTools.Client;
import io.culex.bootstrap.e2e.MosquittoTools.Result;
import io.culex.bootstrap.e2e.PahoClients.Received;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interoperability with the reference command-line clients, mosquitto_pub and mosquitto_sub,
 * over MQTT 3.1 ("mqttv31") and 3.1.1 ("mqttv311"). Subscribers run with -C (exit after N messages)
 * and -W (give up after N seconds), so every assertion is on what they printed once they exited.
 */
class MosquittoClientsInteropTest {

    private RunningBroker broker;

    @BeforeEach
    void start() {
        // Per test rather than @BeforeAll, so that a local run reports each test as skipped.
        MosquittoTools.requireInstalled();
        broker = RunningBroker.start();
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest(name = "-V {0} -q {1}")
    @CsvSource({"mqttv311, 0", "mqttv311, 1", "mqttv311, 2", "mqttv31, 0", "mqttv31, 1", "mqttv31, 2"})
    void twentyLinesArriveCompleteAndInOrderAtEachQos(String version, int qos) {
        List<String> lines = IntStream.rangeClosed(1, 20).mapToObj(i -> "line %02d".formatted(i)).toList();
        String q = Integer.toString(qos);
        try (Client sub = MosquittoTools.sub(port(), "-V", version, "-q", q, "-t", "interop/qos", "-v", "-C", "20",
                "-W", "10")) {
            sub.awaitSubscribed();

            MosquittoTools.pub(port(), lines, "-V", version, "-q", q, "-t", "interop/qos", "-l");

            Result result = sub.await();
            assertEquals(lines.stream().map(line -> "interop/qos " + line).toList(), result.messages(),
                    result::toString);
            // Delivered at min(published, granted) = qos, and never flagged as retained or duplicate.
            assertEquals(20, result.publishesReceived().size(), result::toString);
            for (String publish : result.publishesReceived()) {
                assertTrue(publish.contains("(d0, q" + qos + ", r0, "), () -> publish + "\n" + result);
            }
            assertEquals(0, result.exitCode(), result::toString);
        }
    }

    @ParameterizedTest(name = "-V {0}")
    @ValueSource(strings = {"mqttv311", "mqttv31"})
    void retainedMessageReachesALaterSubscriberUntilCleared(String version) {
        MosquittoTools.pub(port(), List.of(), "-V", version, "-q", "1", "-r", "-t", "interop/retained", "-m", "21.5 C");

        Result late = runSub("-V", version, "-q", "1", "-t", "interop/retained", "-v", "-C", "1", "-W", "10");
        assertEquals(List.of("interop/retained 21.5 C"), late.messages(), late::toString);
        assertEquals(1, late.publishesReceived().size(), late::toString);
        assertTrue(late.publishesReceived().get(0).contains(", r1, "), () -> "retain flag not set\n" + late);

        // A zero-length retained message (-r -n) deletes the stored one.
        MosquittoTools.pub(port(), List.of(), "-V", version, "-q", "1", "-r", "-n", "-t", "interop/retained");

        Result afterClear = runSub("-V", version, "-q", "1", "-t", "interop/retained", "-v", "-W", "2");
        assertEquals(List.of(), afterClear.messages(), afterClear::toString);
        assertEquals(List.of(), afterClear.publishesReceived(), afterClear::toString);
    }

    @ParameterizedTest(name = "-V {0}")
    @ValueSource(strings = {"mqttv311", "mqttv31"})
    void retainedMessageForwardedToAnExistingSubscriberHasNoRetainFlag(String version) {
        try (Client sub = MosquittoTools.sub(port(), "-V", version, "-q", "1", "-t", "interop/live", "-v", "-C", "1",
                "-W", "10")) {
            sub.awaitSubscribed();

            MosquittoTools.pub(port(), List.of(), "-V", version, "-q", "1", "-r", "-t", "interop/live", "-m", "on");

            Result result = sub.await();
            assertEquals(List.of("interop/live on"), result.messages(), result::toString);
            assertTrue(result.publishesReceived().get(0).contains(", r0, "), () -> "retain flag set\n" + result);
        }
    }

    @ParameterizedTest(name = "-V {0}")
    @ValueSource(strings = {"mqttv311", "mqttv31"})
    void multiLevelWildcardMatchesTheParentLevelAndEverythingBelow(String version) {
        try (Client sub = MosquittoTools.sub(port(), "-V", version, "-q", "1", "-t", "sport/#", "-v", "-C", "2",
                "-W", "10")) {
            sub.awaitSubscribed();

            // "sports" must not match; had it been delivered, it would be among the two lines printed.
            publish(version, "sports", "no");
            publish(version, "sport", "yes 1");
            publish(version, "sport/tennis/player1", "yes 2");

            Result result = sub.await();
            assertEquals(List.of("sport yes 1", "sport/tennis/player1 yes 2"), result.messages(), result::toString);
        }
    }

    @ParameterizedTest(name = "-V {0}")
    @ValueSource(strings = {"mqttv311", "mqttv31"})
    void singleLevelWildcardsMatchAnEmptyFirstLevel(String version) {
        try (Client sub = MosquittoTools.sub(port(), "-V", version, "-q", "1", "-t", "+/+", "-v", "-C", "1",
                "-W", "10")) {
            sub.awaitSubscribed();

            publish(version, "finance", "one level");
            publish(version, "a/b/c", "three levels");
            publish(version, "/finance", "two levels");

            Result result = sub.await();
            assertEquals(List.of("/finance two levels"), result.messages(), result::toString);
        }
    }

    @ParameterizedTest(name = "-V {0}")
    @ValueSource(strings = {"mqttv311", "mqttv31"})
    void topicsStartingWithDollarAreNotMatchedByALeadingWildcard(String version) {
        try (Client everything = MosquittoTools.sub(port(), "-V", version, "-q", "1", "-t", "#", "-v", "-C", "1",
                "-W", "10");
                Client dollar = MosquittoTools.sub(port(), "-V", version, "-q", "1", "-t", "$test/#", "-v", "-C", "1",
                        "-W", "10")) {
            everything.awaitSubscribed();
            dollar.awaitSubscribed();

            publish(version, "$test/x", "hidden");
            // The marker lets the '#' subscriber exit: had it received "$test/x", that would be its one line.
            publish(version, "plain/marker", "visible");

            Result all = everything.await();
            assertEquals(List.of("plain/marker visible"), all.messages(), all::toString);
            Result explicit = dollar.await();
            assertEquals(List.of("$test/x hidden"), explicit.messages(), explicit::toString);
        }
    }

    @ParameterizedTest(name = "mosquitto_pub -V {0}")
    @ValueSource(strings = {"mqttv311", "mqttv31"})
    void pahoSubscriberReceivesWhatMosquittoPubSends(String version) throws Exception {
        try (PahoClients paho = new PahoClients(broker)) {
            PahoClients.Client subscriber = paho.connect("paho-sub", PahoClients.MQTT_3_1_1, true);
            subscriber.subscribe("interop/mixed", 2);

            MosquittoTools.pub(port(), List.of(), "-V", version, "-q", "2", "-t", "interop/mixed", "-m", "from mosquitto");

            assertEquals(new Received("interop/mixed", "from mosquitto", 2, false, false), subscriber.next());
            assertEquals(null, subscriber.nextOrNull(200), "exactly once at QoS 2");
        }
    }

    @ParameterizedTest(name = "mosquitto_sub -V {0}")
    @ValueSource(strings = {"mqttv311", "mqttv31"})
    void mosquittoSubReceivesWhatAPahoClientPublishes(String version) throws Exception {
        try (PahoClients paho = new PahoClients(broker);
                Client sub = MosquittoTools.sub(port(), "-V", version, "-q", "2", "-t", "interop/mixed", "-v", "-C", "2",
                        "-W", "10")) {
            sub.awaitSubscribed();
            PahoClients.Client publisher = paho.connect("paho-pub", PahoClients.MQTT_3_1_1, true);

            publisher.publish("interop/mixed", "from paho 1", 2, false);
            // Same QoS for both: mosquitto_sub prints a QoS 2 message only at PUBREL, so mixed QoS may reorder output.
            publisher.publish("interop/mixed", "from paho 2", 2, false);

            Result result = sub.await();
            assertEquals(List.of("interop/mixed from paho 1", "interop/mixed from paho 2"), result.messages(),
                    result::toString);
            assertTrue(result.publishesReceived().get(0).contains("(d0, q2, r0, "), result::toString);
            assertTrue(result.publishesReceived().get(1).contains("(d0, q2, r0, "), result::toString);
        }
    }

    @ParameterizedTest(name = "-V {0}")
    @ValueSource(strings = {"mqttv311", "mqttv31"})
    void persistentSessionQueuesQos1MessagesWhileTheSubscriberIsOffline(String version) {
        String[] session = {"-V", version, "-c", "-i", "culex-persist-" + version, "-q", "1", "-t", "interop/session",
            "-v"};

        // First connection: subscribe, receive one message to prove it, then exit without unsubscribing.
        try (Client first = MosquittoTools.sub(port(), concat(session, "-C", "1", "-W", "10"))) {
            first.awaitSubscribed();
            publish(version, "interop/session", "online");
            Result online = first.await();
            assertEquals(List.of("interop/session online"), online.messages(), online::toString);
        }
        awaitNoClientConnected();

        List<String> offline = IntStream.rangeClosed(1, 5).mapToObj(i -> "offline " + i).toList();
        MosquittoTools.pub(port(), offline, "-V", version, "-q", "1", "-t", "interop/session", "-l");

        // Same client id, clean session off: the queued messages come first, and "online" is not redelivered.
        Result back = runSub(concat(session, "-C", "5", "-W", "10"));
        assertEquals(offline.stream().map(payload -> "interop/session " + payload).toList(), back.messages(),
                back::toString);
    }

    private int port() {
        return broker.port();
    }

    /** One QoS 1 publish: mosquitto_pub exits after the PUBACK, so successive calls reach the broker in order. */
    private void publish(String version, String topic, String payload) {
        MosquittoTools.pub(port(), List.of(), "-V", version, "-q", "1", "-t", topic, "-m", payload);
    }

    private Result runSub(String... args) {
        try (Client sub = MosquittoTools.sub(port(), args)) {
            return sub.await();
        }
    }

    /** So that what is published next finds the session offline, not still closing. */
    private void awaitNoClientConnected() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (broker.broker().broker().metrics().clientsConnected() > 0) {
            if (System.nanoTime() > deadline) {
                fail("broker still counts " + broker.broker().broker().metrics().clientsConnected()
                        + " connected clients after mosquitto_sub exited");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
