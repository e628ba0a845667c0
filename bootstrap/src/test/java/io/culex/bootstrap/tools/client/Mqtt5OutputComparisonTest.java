package io.culex.bootstrap.tools.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Debian's mosquitto_sub 2.0 and culex sub, both over MQTT 5 on the same in-process Culex broker,
 * print the same bytes for the same messages: properties through -F, JSON through %j / %J (the
 * time stamps aside), the -d lines (the broker-assigned ids aside).
 */
class Mqtt5OutputComparisonTest {

    private static final String MOSQUITTO_SUB = "/usr/bin/mosquitto_sub";

    private InProcessBroker broker;

    @BeforeEach
    void start() {
        broker = InProcessBroker.anonymous();
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    private void pub(String stdin, String... args) {
        ToolRun run = ToolRun.run(new PubTool(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))::run,
                broker.args(args));
        assertEquals(0, run.exitCode(), run::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "-F %t|%C|%F|%P|%R|%D|%S|%A|%q|%r|%m|%l|%x|%p -q 1",
        "-F %j -q 1",
        "-F %j --pretty -q 2",
        "-F %J -q 0",
        "-F [%10.4t][%-8C][%03S][%6l][%-6m]%X -q 2",
        "-v -N -q 1"})
    void mosquittoSubAndCulexSubAgree(String flags) {
        ExternalProcess.requireExecutable(MOSQUITTO_SUB);
        String[] subArgs = concat(flags.split(" "), "-V", "5", "-d", "-t", "cmp5/#", "-C", "4", "-W", "10",
                "-D", "subscribe", "subscription-identifier", "9", "-D", "connect", "user-property", "who", "me");
        try (ExternalProcess reference = ExternalProcess.start(concat(new String[] {"stdbuf", "-oL", MOSQUITTO_SUB},
                broker.args(subArgs)))) {
            reference.awaitStdout("Subscribed (mid: ");
            ToolRun culex = ToolRun.start(new SubTool()::run, broker.args(subArgs)).awaitSubscribed();

            pub("", "-V", "5", "-q", "1", "-t", "cmp5/a", "-m", "{\"t\": 21.5, \"ok\": true}", "-D", "publish",
                    "content-type", "application/json", "-D", "publish", "payload-format-indicator", "1",
                    "-D", "publish", "user-property", "k", "v", "-D", "publish", "user-property", "k2", "v 2",
                    "-D", "publish", "response-topic", "cmp5/re", "-D", "publish", "correlation-data", "c-1");
            pub("", "-V", "5", "-q", "2", "-t", "cmp5/b", "-m", "[1, 2, \"x\"]");
            pub("", "-V", "311", "-q", "1", "-r", "-t", "cmp5/c", "-m", "42");
            pub("", "-V", "5", "-q", "0", "-t", "cmp5/d", "-m", "null");

            assertEquals(0, reference.awaitExit(), reference::toString);
            assertEquals(0, culex.awaitExit(), culex::toString);
            assertTrue(reference.stdout().contains("cmp5/a") || reference.stdout().contains("636D70"), reference::toString);
            assertEquals(normalised(reference.stdout()), normalised(culex.stdout()),
                    () -> "mosquitto_sub:\n" + reference + "\nculex sub:\n" + culex);
        } finally {
            pub("", "-r", "-n", "-t", "cmp5/c");
        }
    }

    /** Broker-assigned client ids and JSON time stamps differ between the two runs. */
    private static String normalised(String output) {
        return output.replaceAll("Client \\S+ (?=sending |received )", "Client ID ")
                .replaceAll("\"tst\":(\\t?)\"[^\"]*\"", "\"tst\":$1\"TST\"");
    }

    private static String[] concat(String[] first, String... second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
