package io.culex.bootstrap.tools.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.adapters.netty.bridge.MosquittoProcess;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tools against Debian's real Mosquitto broker, and culex sub's output compared byte for byte
 * with mosquitto_sub's for the same messages. On CI (CI set) missing binaries fail the test.
 */
class MosquittoBrokerInteropTest {

    private static final String MOSQUITTO_SUB = "/usr/bin/mosquitto_sub";

    private MosquittoProcess broker;
    private int port;

    @BeforeEach
    void startMosquitto(@TempDir Path dir) {
        broker = MosquittoProcess.start(dir, "allow_anonymous true");
        port = broker.port();
    }

    @AfterEach
    void stopMosquitto() {
        if (broker != null) {
            broker.close();
        }
    }

    private String[] args(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(new String[] {"-h", "127.0.0.1", "-p", Integer.toString(port)}, 0, all, 0, 4);
        System.arraycopy(args, 0, all, 4, args.length);
        return all;
    }

    private void pub(String stdin, String... args) {
        ToolRun run = ToolRun.run(new PubTool(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))::run,
                args(args));
        assertEquals(0, run.exitCode(), run::toString);
    }

    @ParameterizedTest(name = "-V {0} -q {1}")
    @CsvSource({"mqttv311, 0", "mqttv311, 1", "mqttv311, 2", "mqttv31, 1", "mqttv31, 2"})
    void culexPubToCulexSubThroughMosquitto(String version, int qos) {
        String q = Integer.toString(qos);
        ToolRun sub = ToolRun.start(new SubTool()::run, args("-d", "-V", version, "-q", q, "-t", "mi/qos", "-v",
                "-C", "3", "-W", "10")).awaitSubscribed();
        pub("one\ntwo\nthree\n", "-V", version, "-q", q, "-t", "mi/qos", "-l");
        assertEquals(0, sub.awaitExit(), sub::toString);
        assertEquals(List.of("mi/qos one", "mi/qos two", "mi/qos three"), sub.messages());
        List<String> received = sub.debugLines().stream().filter(l -> l.contains(" received PUBLISH ")).toList();
        assertEquals(3, received.size(), sub::toString);
        received.forEach(line -> assertTrue(line.contains("(d0, q" + qos + ", r0, "), line));
    }

    /** Same flags, same messages: culex sub must print exactly what mosquitto_sub prints, -d lines included. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "-v -q 1",
        "-q 2",
        "-v -N -q 0",
        "-F %t|%p|%q|%r|%l|%%\\t -q 1"})
    void culexSubPrintsWhatMosquittoSubPrints(String flags) {
        ExternalProcess.requireExecutable(MOSQUITTO_SUB);
        pub("", "-r", "-q", "1", "-t", "mi/out/retained", "-m", "kept");
        String[] subArgs = concat(flags.split(" "), "-d", "-t", "mi/out/#", "-C", "5", "-W", "10");

        try (ExternalProcess reference = ExternalProcess.start(concat(new String[] {"stdbuf", "-oL", MOSQUITTO_SUB},
                args(subArgs)))) {
            reference.awaitStdout("Subscribed (mid: ");
            ToolRun culex = ToolRun.start(new SubTool()::run, args(subArgs)).awaitSubscribed();

            pub("", "-q", "1", "-t", "mi/out/a", "-m", "hello world");
            pub("", "-q", "2", "-t", "mi/out/b", "-n");
            awaitQos2Delivered(flags, reference, culex);
            pub("", "-q", "0", "-t", "mi/out/c", "-m", "ünïcødé");
            pub("line 1\nline 2\n", "-q", "1", "-t", "mi/out/d", "-s");

            assertEquals(0, reference.awaitExit(), reference::toString);
            assertEquals(0, culex.awaitExit(), culex::toString);
            assertTrue(reference.stdout().contains("kept"), reference::toString); // not vacuous
            assertEquals(reference.stdout(), culex.stdout(),
                    () -> "mosquitto_sub:\n" + reference + "\nculex sub:\n" + culex);
        }
    }

    /**
     * A subscriber at QoS 2 prints a QoS 2 message only when the broker's PUBREL arrives (libmosquitto and
     * culex sub alike), so the next message, published from another connection, may overtake it on either
     * subscriber independently. Both must have finished the QoS 2 flow (sending PUBCOMP, then printing) before
     * the next publish for the two outputs to have one order.
     */
    private static void awaitQos2Delivered(String flags, ExternalProcess reference, ToolRun culex) {
        if (flags.endsWith("-q 2")) {
            reference.awaitStdout(" sending PUBCOMP ");
            culex.awaitLine(line -> line.contains(" sending PUBCOMP "), "PUBCOMP");
        }
    }

    /**
     * MQTT 5: properties printed by -F, and the -d lines once the broker assigned each client its id
     * (the ids differ, so both outputs name the client "ID").
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "-F %t|%C|%F|%P|%R|%D|%S|%A|%l|%p -q 1",
        "-F [%-12t][%5.3C][%04F][%-6R] -q 2",
        "-v -q 0"})
    void culexSubPrintsWhatMosquittoSubPrintsOverMqtt5(String flags) {
        ExternalProcess.requireExecutable(MOSQUITTO_SUB);
        String[] subArgs = concat(flags.split(" "), "-V", "5", "-d", "-t", "mi5/#", "-C", "3", "-W", "10",
                "-D", "subscribe", "subscription-identifier", "3");
        try (ExternalProcess reference = ExternalProcess.start(concat(new String[] {"stdbuf", "-oL", MOSQUITTO_SUB},
                args(subArgs)))) {
            reference.awaitStdout("Subscribed (mid: ");
            ToolRun culex = ToolRun.start(new SubTool()::run, args(subArgs)).awaitSubscribed();

            pub("", "-V", "5", "-q", "1", "-t", "mi5/a", "-m", "with properties", "-D", "publish", "content-type",
                    "text/plain", "-D", "publish", "payload-format-indicator", "1", "-D", "publish", "user-property",
                    "k", "v", "-D", "publish", "user-property", "k", "w", "-D", "publish", "response-topic", "mi5/re",
                    "-D", "publish", "correlation-data", "c-1");
            pub("", "-V", "5", "-q", "2", "-t", "mi5/b", "-n");
            awaitQos2Delivered(flags, reference, culex);
            pub("", "-V", "311", "-q", "0", "-t", "mi5/c", "-m", "from 3.1.1");

            assertEquals(0, reference.awaitExit(), reference::toString);
            assertEquals(0, culex.awaitExit(), culex::toString);
            assertTrue(reference.stdout().contains("mi5/a"), reference::toString); // not vacuous
            assertEquals(anonymousIds(reference.stdout()), anonymousIds(culex.stdout()),
                    () -> "mosquitto_sub:\n" + reference + "\nculex sub:\n" + culex);
        }
    }

    private static String anonymousIds(String debugOutput) {
        return debugOutput.replaceAll("Client \\S+ (?=sending |received )", "Client ID ");
    }

    @Test
    void timeoutAndRefusalMatchMosquittoSubExitCodes() {
        ExternalProcess.requireExecutable(MOSQUITTO_SUB);
        try (ExternalProcess reference = ExternalProcess.start(concat(new String[] {MOSQUITTO_SUB},
                args("-t", "mi/none", "-W", "1")))) {
            ToolRun culex = ToolRun.run(new SubTool()::run, args("-t", "mi/none", "-W", "1"));
            assertEquals(reference.awaitExit(), culex.exitCode());
            assertEquals(27, culex.exitCode());
        }
    }

    private static String[] concat(String[] first, String... second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
