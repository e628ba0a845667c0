package io.culex.bootstrap.tools.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.tools.Tool;
import io.culex.bootstrap.tools.Tools;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

    @ParameterizedTest
    @ValueSource(strings = {"5", "mqttv5"})
    void mqtt5IsRefusedClearly(String version) {
        ToolRun run = ToolRun.run(tool("pub"), "-V", version, "-t", "x", "-m", "y");
        assertEquals(1, run.exitCode());
        assertEquals("Error: MQTT 5 is not supported by culex tools yet.\n", run.stderr());
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
