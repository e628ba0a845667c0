package io.culex.bootstrap.tools.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** culex pub → culex sub through an in-process Culex broker, asserting on what the tools print and return. */
class PubSubRoundTripTest {

    private InProcessBroker broker;

    @BeforeEach
    void start() {
        broker = InProcessBroker.anonymous();
    }

    @AfterEach
    void stop() {
        broker.close();
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

    @ParameterizedTest(name = "-V {0} -q {1}")
    @CsvSource({"mqttv311, 0", "mqttv311, 1", "mqttv311, 2", "mqttv31, 0", "mqttv31, 1", "mqttv31, 2"})
    void messagesArriveInPublishOrderAtQos1And2AndAllArriveAtQos0(String version, int qos) {
        String q = Integer.toString(qos);
        ToolRun sub = sub("-d", "-V", version, "-q", q, "-t", "rt/qos", "-v", "-C", "3", "-W", "10");
        for (String message : List.of("one", "two", "three")) {
            pub("-V", version, "-q", q, "-t", "rt/qos", "-m", message);
        }
        assertEquals(0, sub.awaitExit(), sub::toString);
        List<String> published = List.of("rt/qos one", "rt/qos two", "rt/qos three");
        if (qos == 0) {
            // Each message comes from its own pub process: at QoS 0 it exits without waiting for the broker,
            // so the next connection's message may be routed first (MQTT orders messages per connection only).
            assertEquals(java.util.Set.copyOf(published), java.util.Set.copyOf(sub.messages()), sub::toString);
        } else {
            assertEquals(published, sub.messages(), sub::toString);
        }
        List<String> received = sub.debugLines().stream().filter(l -> l.contains(" received PUBLISH ")).toList();
        assertEquals(3, received.size(), sub::toString);
        received.forEach(line -> assertTrue(line.contains("(d0, q" + qos + ", r0, "), line));
    }

    @Test
    void retainedMessageReachesALaterSubscriberAndMinusRSkipsIt() {
        pub("-q", "1", "-r", "-t", "rt/retained", "-m", "21.5 C");

        ToolRun late = ToolRun.run(new SubTool()::run, broker.args("-t", "rt/retained", "-v", "-C", "1", "-W", "10"));
        assertEquals(0, late.exitCode(), late::toString);
        assertEquals("rt/retained 21.5 C\n", late.stdout());

        ToolRun noStale = ToolRun.run(new SubTool()::run, broker.args("-t", "rt/retained", "-R", "-W", "1"));
        assertEquals(ToolExit.TIMED_OUT, noStale.exitCode(), noStale::toString);
        assertEquals("", noStale.stdout());
        assertEquals("Timed out\n", noStale.stderr());

        pub("-r", "-n", "-t", "rt/retained"); // a null retained message clears it
        ToolRun cleared = ToolRun.run(new SubTool()::run, broker.args("-t", "rt/retained", "-W", "1"));
        assertEquals(ToolExit.TIMED_OUT, cleared.exitCode(), cleared::toString);
        assertEquals("", cleared.stdout());
    }

    @Test
    void minusLPublishesEachLineIncludingEmptyOnesAndAnUnterminatedLast() {
        ToolRun sub = sub("-d", "-t", "rt/lines", "-v", "-C", "4", "-W", "10");
        pubWithStdin("one\n\nthree\nfour", "-q", "1", "-t", "rt/lines", "-l");
        assertEquals(0, sub.awaitExit(), sub::toString);
        // mosquitto_sub -v prints an empty payload as "(null)".
        assertEquals(List.of("rt/lines one", "rt/lines (null)", "rt/lines three", "rt/lines four"), sub.messages());
    }

    @Test
    void minusSAndMinusFSendWholeInputsAsOneMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("payload.bin");
        byte[] binary = {0, 1, (byte) 0xff, '\n', 'x'};
        Files.write(file, binary);
        // Retained, so that a subscriber without -d (whose stdout is then only payload bytes) gets them later.
        pubWithStdin("a\nb\n", "-r", "-t", "rt/whole/stdin", "-s");
        pub("-r", "-t", "rt/whole/file", "-f", file.toString());

        ToolRun stdin = ToolRun.run(new SubTool()::run, broker.args("-t", "rt/whole/stdin", "-C", "1", "-W", "10"));
        assertEquals(0, stdin.exitCode(), stdin::toString);
        assertEquals("a\nb\n\n", stdin.stdout());

        ToolRun fromFile = ToolRun.run(new SubTool()::run, broker.args("-t", "rt/whole/file", "-C", "1", "-W", "10",
                "-N"));
        assertEquals(0, fromFile.exitCode(), fromFile::toString);
        assertArrayEquals(binary, fromFile.stdoutBytes(), "payload bytes are written unchanged");
    }

    @Test
    void minusTFiltersOutAndVerboseFormatsTopicSpacePayload() {
        ToolRun sub = sub("-d", "-t", "rt/#", "-T", "rt/noise/#", "-v", "-C", "2", "-W", "10");
        pub("-t", "rt/noise/x", "-m", "skip me");
        pub("-t", "rt/a", "-m", "first");
        pub("-t", "rt/b", "-m", "second");
        assertEquals(0, sub.awaitExit(), sub::toString);
        assertEquals(List.of("rt/a first", "rt/b second"), sub.messages());
    }

    @Test
    void formatAndNoNewline() {
        ToolRun sub = sub("-d", "-t", "rt/fmt", "-q", "1", "-F", "%t|%p|%q|%r|%l|%%\\t", "-C", "1", "-W", "10");
        pub("-q", "1", "-t", "rt/fmt", "-m", "abc");
        assertEquals(0, sub.awaitExit(), sub::toString);
        assertEquals(List.of("rt/fmt|abc|1|0|3|%\t"), sub.messages());
    }

    @Test
    void debugOutputFollowsLibmosquitto() {
        ToolRun pub = pub("-d", "-i", "pubber", "-q", "2", "-t", "rt/debug", "-m", "hello");
        assertEquals(List.of(
                "Client pubber sending CONNECT",
                "Client pubber received CONNACK (0)",
                "Client pubber sending PUBLISH (d0, q2, r0, m1, 'rt/debug', ... (5 bytes))",
                "Client pubber received PUBREC (Mid: 1)",
                "Client pubber sending PUBREL (m1)",
                "Client pubber received PUBCOMP (Mid: 1, RC:0)",
                "Client pubber sending DISCONNECT"), pub.stdoutLines());
    }

    @Test
    void minusEExitsOnceSubscribedAndMinusWTimesOutWith27() {
        ToolRun exitAfterSubscribe = ToolRun.run(new SubTool()::run, broker.args("-t", "rt/e", "-E", "-d", "-i", "e1"));
        assertEquals(0, exitAfterSubscribe.exitCode(), exitAfterSubscribe::toString);
        assertEquals(List.of("Client e1 sending CONNECT", "Client e1 received CONNACK (0)",
                "Client e1 sending SUBSCRIBE (Mid: 1, Topic: rt/e, QoS: 0, Options: 0x00)",
                "Client e1 received SUBACK", "Subscribed (mid: 1): 0", "Client e1 sending DISCONNECT"),
                exitAfterSubscribe.stdoutLines());

        long started = System.nanoTime();
        ToolRun timeout = ToolRun.run(new SubTool()::run, broker.args("-t", "rt/none", "-W", "1"));
        assertEquals(27, timeout.exitCode(), timeout::toString);
        assertEquals("Timed out\n", timeout.stderr());
        assertTrue(System.nanoTime() - started >= 900_000_000L, "waited about a second");
    }

    @Test
    void urlGivesHostPortAndTopic() {
        String url = "mqtt://127.0.0.1:" + broker.port() + "/rt/url";
        ToolRun sub = ToolRun.start(new SubTool()::run, "-L", url, "-d", "-v", "-C", "1", "-W", "10").awaitSubscribed();
        ToolRun pub = ToolRun.run(new PubTool()::run, "-L", url, "-m", "via url");
        assertEquals(0, pub.exitCode(), pub::toString);
        assertEquals(0, sub.awaitExit(), sub::toString);
        assertEquals(List.of("rt/url via url"), sub.messages());
    }

    @Test
    void repeatPublishesTheSameMessageNTimes() {
        ToolRun sub = sub("-d", "-t", "rt/repeat", "-C", "3", "-W", "10");
        pub("-t", "rt/repeat", "-m", "again", "--repeat", "3", "--repeat-delay", "0.01");
        assertEquals(0, sub.awaitExit(), sub::toString);
        assertEquals(List.of("again", "again", "again"), sub.messages());
    }

    @Test
    void willFlagsReachTheBrokerWhichPublishesTheWillWhenTheClientVanishes() throws Exception {
        ToolRun watcher = sub("-d", "-t", "rt/will", "-v", "-C", "1", "-W", "10");
        ClientConfig config = ArgsParser.parse(ToolKind.SUB, broker.args("-t", "rt/x", "--will-topic", "rt/will",
                "--will-payload", "gone", "--will-qos", "1"));
        ToolConnection connection = ToolConnection.open(config, System.out, System.err, message -> { });
        connection.awaitConnected(Deadline.afterSeconds(10));
        connection.close(); // no DISCONNECT, so the broker must publish the will
        assertEquals(0, watcher.awaitExit(), watcher::toString);
        assertEquals(List.of("rt/will gone"), watcher.messages());
    }

    @Test
    void unsubscribeIsSentAfterSubscribe() {
        ToolRun unsub = ToolRun.run(new SubTool()::run, broker.args("-d", "-i", "u1", "-t", "rt/u", "-U", "rt/u",
                "-W", "1"));
        assertEquals(27, unsub.exitCode(), unsub::toString);
        assertTrue(unsub.stdoutLines().contains("Client u1 sending UNSUBSCRIBE (Mid: 2, Topic: rt/u)"), unsub::toString);
        assertTrue(unsub.stdoutLines().contains("Client u1 received UNSUBACK"), unsub::toString);
    }

    @Test
    void requestResponse() {
        // A responder: waits for the request, then answers on the response topic.
        ToolRun responder = sub("-d", "-t", "rt/request", "-C", "1", "-W", "10");
        ToolRun rr = ToolRun.start(new RrTool()::run, broker.args("-t", "rt/request", "-e", "rt/response",
                "-m", "ping?", "-W", "10"));
        assertEquals(0, responder.awaitExit(), responder::toString);
        assertEquals(List.of("ping?"), responder.messages());
        pub("-t", "rt/response", "-m", "pong!");
        assertEquals(0, rr.awaitExit(), rr::toString);
        assertEquals("pong!\n", rr.stdout());
    }
}
