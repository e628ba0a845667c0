package io.culex.bootstrap.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.tools.Tools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the tool prints and returns for command lines it cannot run, for --help, and with no broker. */
class BenchToolCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return new BenchTool(false).run(args, stdout, stderr);
        }
    }

    @Test
    void badInputIsAUsageErrorWithExitCode2() {
        assertEquals(2, run("fanin", "-q", "7"));
        assertEquals("Error: Invalid value for -q: '7' (a whole number from 0 to 2).\n"
                + "Use 'culex bench --help' to see usage.\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheUsageAndSucceeds() {
        assertEquals(0, run("--help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("culex bench measures an MQTT broker"), usage);
        for (String scenario : new String[] {"fanin", "fanout", "p2p", "latency", "drain", "conn"}) {
            assertTrue(usage.contains(" " + scenario + " "), scenario);
        }
        assertTrue(usage.contains("MQTT 5 is not yet available"), usage);
    }

    @Test
    void anUnreachableBrokerEndsWithExitCode3() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertEquals(3, run("fanin", "-h", "127.0.0.1", "-p", Integer.toString(closedPort), "-m", "1"));
        String error = err.toString(StandardCharsets.UTF_8);
        assertTrue(error.startsWith("Error: ") && error.contains("refused"), error);
    }

    @Test
    void theJarDispatchesBench() {
        assertTrue(Tools.named("bench").isPresent());
    }
}
