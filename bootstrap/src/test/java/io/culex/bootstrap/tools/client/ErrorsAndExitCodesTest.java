package io.culex.bootstrap.tools.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.tools.Tool;
import io.culex.bootstrap.tools.Tools;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad command lines and refused connections: Mosquitto's messages and exit codes. */
class ErrorsAndExitCodesTest {

    private static Tool tool(String name) {
        return Tools.named(name).orElseThrow();
    }

    @Test
    void toolsAreRegistered() {
        for (String name : new String[] {"pub", "sub", "rr"}) {
            assertTrue(Tools.named(name).isPresent(), name);
        }
    }

    @Test
    void unknownOptionPointsToHelp() {
        ToolRun run = ToolRun.run(tool("sub"), "-t", "x", "--bogus");
        assertEquals(1, run.exitCode());
        assertEquals("Error: Unknown option '--bogus'.\n\nUse 'culex sub --help' to see usage.\n", run.stderr());
        assertEquals("", run.stdout());
    }

    @Test
    void pubFlagsAreUnknownToSubAndTheOtherWayRound() {
        assertEquals("Error: Unknown option '-l'.\n\nUse 'culex sub --help' to see usage.\n",
                ToolRun.run(tool("sub"), "-t", "x", "-l").stderr());
        assertEquals("Error: Unknown option '-C'.\n\nUse 'culex pub --help' to see usage.\n",
                ToolRun.run(tool("pub"), "-t", "x", "-m", "y", "-C", "1").stderr());
    }

    @Test
    void pubWithoutMessagePrintsTheErrorThenTheWholeUsage() {
        ToolRun run = ToolRun.run(tool("pub"), "-t", "x");
        assertEquals(1, run.exitCode());
        assertEquals("Error: Both topic and message must be supplied.\n", run.stderr());
        assertTrue(run.stdout().startsWith("culex pub is a simple mqtt client"), run::toString);
    }

    @Test
    void helpPrintsUsageAndExitsOneAsMosquittoDoes() {
        ToolRun run = ToolRun.run(tool("sub"), "--help");
        assertEquals(1, run.exitCode());
        assertTrue(run.stdout().contains("Usage: culex sub"), run::toString);
    }

    /** Each bad -D line: mosquitto_pub 2.0.11's exact stderr (blank lines included) and exit code 1. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badPropertyLines")
    void badPropertyLinesPrintMosquittosErrors(String args, String stderr) {
        String[] all = (args + " -t t -m m").split(" ");
        ToolRun run = ToolRun.run(tool("pub"), all);
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(stderr.replace("POINTER", "Use 'culex pub --help' to see usage.\n"), run.stderr());
        assertEquals("", run.stdout());
    }

    static Stream<Arguments> badPropertyLines() {
        String twoBlank = "\n\n\nPOINTER";
        String oneBlank = "\n\nPOINTER";
        return Stream.of(
                Arguments.of("-D publish bogus 1", "Error: Invalid property name given in --property argument." + twoBlank),
                Arguments.of("-V 5 -D bogus bogus 1", "Error: Invalid command given in --property argument." + twoBlank),
                Arguments.of("-V 5 -D suback user-property a b", "Error: Invalid command given in --property argument."
                        + twoBlank),
                Arguments.of("-V 5 -D connect content-type x",
                        "Error: content-type property not allowed for connect in --property argument." + twoBlank),
                Arguments.of("-V 5 -D publish subscription-identifier 5",
                        "Error: subscription-identifier property not supported for publish in --property argument."
                                + twoBlank),
                Arguments.of("-V 5 -D puback reason-string x",
                        "Error: reason-string property not supported for puback in --property argument." + twoBlank),
                Arguments.of("-V 5 -D auth authentication-method x",
                        "Error: authentication-method property not supported for auth in --property argument."
                                + twoBlank),
                Arguments.of("-V 5 -D connack reason-string x", "\nPOINTER"),
                Arguments.of("-V 5 -D publish message-expiry-interval -1",
                        "Error: Property value (-1) out of range for property message-expiry-interval." + twoBlank),
                Arguments.of("-V 5 -D publish message-expiry-interval 4294967296",
                        "Error: Property value (4294967296) out of range for property message-expiry-interval."
                                + twoBlank),
                Arguments.of("-V 5 -D connect receive-maximum 70000",
                        "Error: Property value (70000) out of range for property receive-maximum." + twoBlank),
                Arguments.of("-V 5 -D connect request-problem-information 256",
                        "Error: Property value (256) out of range for property request-problem-information." + twoBlank),
                Arguments.of("-V 5 -D subscribe subscription-identifier 4294967295",
                        "Error adding property subscription-identifier 4" + oneBlank),
                Arguments.of("-V 5 -D connect receive-maximum 0", "Error in CONNECT properties: A network protocol error"
                        + " occurred when communicating with the broker." + oneBlank),
                Arguments.of("-V 5 -D connect request-problem-information 2", "Error in CONNECT properties: A network"
                        + " protocol error occurred when communicating with the broker." + oneBlank),
                Arguments.of("-V 5 -D publish topic-alias 0", "Error in PUBLISH properties: A network protocol error"
                        + " occurred when communicating with the broker." + oneBlank),
                Arguments.of("-V 5 -D publish payload-format-indicator 1 -D publish payload-format-indicator 0",
                        "Error in PUBLISH properties: Duplicate property in property list" + oneBlank),
                Arguments.of("-V 5 -x 60 -i me -D connect session-expiry-interval 5",
                        "Error in CONNECT properties: Duplicate property in property list" + oneBlank),
                Arguments.of("-V 5 -x 1h", "Error: session-expiry-interval not a number." + twoBlank),
                Arguments.of("-M 0", "Error: Maximum inflight messages must be greater than 0." + twoBlank),
                Arguments.of("-D connect user-property a b -V 311", "Unable to connect (This feature is not supported.).\n"));
    }

    @Test
    void notEnoughPropertyArguments() {
        for (String[] args : new String[][] {{"-V", "5", "-D"}, {"-V", "5", "-D", "publish"},
                {"-V", "5", "-D", "publish", "content-type"}, {"-t", "t", "-m", "m", "-D", "publish", "user-property", "a"}}) {
            ToolRun run = ToolRun.run(tool("pub"), args);
            assertEquals(1, run.exitCode(), run::toString);
            assertEquals("Error: --property argument given but not enough arguments specified.\n\n\n"
                    + "Use 'culex pub --help' to see usage.\n", run.stderr());
        }
    }

    @Test
    void rrRefusesAResponseTopicPropertyOfItsOwn() {
        ToolRun run = ToolRun.run(tool("rr"), "-t", "t", "-e", "r", "-m", "m", "-D", "publish", "response-topic", "x");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("Error in PUBLISH properties: Duplicate response topic.\n", run.stderr());
    }

    @Test
    void retainedOnlyWithMinusRMakesNoSense() {
        ToolRun run = ToolRun.run(tool("sub"), "-t", "t", "-R", "--retained-only");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("\nError: Combining '-R' and '--retained-only' makes no sense.\n", run.stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--ciphers", "--psk", "--tls-alpn"})
    void unsupportedTlsFlagsAreRefusedClearly(String flag) {
        ToolRun run = ToolRun.run(tool("sub"), "-t", "x", flag, "value");
        assertEquals(1, run.exitCode());
        assertEquals("Error: " + flag + " is not supported by culex tools yet.\n", run.stderr());
    }

    @Test
    void certWithoutKeyIsRefusedAsMosquittoDoes() {
        ToolRun run = ToolRun.run(tool("sub"), "-t", "x", "--cafile", "ca.crt", "--cert", "client.crt");
        assertEquals(1, run.exitCode());
        assertEquals("Error: Both certfile and keyfile must be provided if one of them is set.\n", run.stderr());
    }

    @Test
    void invalidValuesUseMosquittoWording() {
        assertEquals("Error: Invalid QoS given: 3\n\nUse 'culex sub --help' to see usage.\n",
                ToolRun.run(tool("sub"), "-t", "x", "-q", "3").stderr());
        assertEquals("Error: Invalid publish topic 'x/#', does it contain '+' or '#'?\n\n"
                + "Use 'culex pub --help' to see usage.\n", ToolRun.run(tool("pub"), "-t", "x/#", "-m", "y").stderr());
        assertEquals("Error: You must provide a client id if you are using the -c option.\n\n"
                + "Use 'culex sub --help' to see usage.\n", ToolRun.run(tool("sub"), "-t", "x", "-c").stderr());
        assertEquals("Error: -t argument given but no topic specified.\n\nUse 'culex sub --help' to see usage.\n",
                ToolRun.run(tool("sub"), "-t").stderr());
    }

    @Test
    void nothingListeningIsConnectionRefusedExitOne() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ToolRun sub = ToolRun.run(tool("sub"), "-h", "127.0.0.1", "-p", Integer.toString(closedPort), "-t", "x");
        assertEquals(1, sub.exitCode());
        assertEquals("Error: Connection refused\n", sub.stderr());
    }

    @Test
    void brokerRefusalPrintsTheConnackTextAndExitsWithItsCode() {
        try (InProcessBroker broker = InProcessBroker.start("allow_anonymous false")) {
            ToolRun sub = ToolRun.run(tool("sub"), broker.args("-t", "x", "-W", "10"));
            assertEquals(5, sub.exitCode(), sub::toString);
            assertEquals("Connection error: Connection Refused: not authorised.\n", sub.stderr());

            ToolRun pub = ToolRun.run(tool("pub"), broker.args("-t", "x", "-m", "y", "-d"));
            assertEquals(5, pub.exitCode(), pub::toString);
            assertEquals("Connection error: Connection Refused: not authorised.\nError: The connection was refused.\n",
                    pub.stderr());
            assertEquals("Client (null) sending CONNECT\nClient (null) received CONNACK (5)\n", pub.stdout());

            ToolRun quiet = ToolRun.run(tool("pub"), broker.args("-t", "x", "-m", "y", "--quiet"));
            assertEquals(5, quiet.exitCode(), quiet::toString);
            assertEquals("", quiet.stderr());
        }
    }
}
