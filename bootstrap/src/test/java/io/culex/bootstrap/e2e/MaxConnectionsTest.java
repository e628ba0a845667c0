package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** max_connections: a listener refuses connections beyond its limit by closing them at once. */
class MaxConnectionsTest {

    private static final byte[] CONNACK_ACCEPTED = {0x20, 0x02, 0x00, 0x00};

    @Test
    void theThirdConnectionIsClosedAndAFreedSlotServesAgain() throws Exception {
        try (RunningBroker broker = RunningBroker.start("max_connections 2");
             Socket first = connected(broker.port(), "first");
             Socket second = connected(broker.port(), "second")) {
            try (Socket third = open(broker.port())) {
                third.getOutputStream().write(RawPackets.connect("third", true, 60));
                assertEquals(-1, readOrEnd(third.getInputStream()), "the third connection must be closed");
            }
            // The first two are still served.
            second.getOutputStream().write(RawPackets.pingreq());
            assertArrayEquals(new byte[] {(byte) 0xD0, 0x00}, second.getInputStream().readNBytes(2));

            first.close();
            awaitSlotFreed(broker.port());
        }
    }

    @Test
    void minusOneMeansUnlimited() throws Exception {
        try (RunningBroker broker = RunningBroker.start("max_connections -1");
             Socket a = connected(broker.port(), "a");
             Socket b = connected(broker.port(), "b");
             Socket c = connected(broker.port(), "c")) {
            c.getOutputStream().write(RawPackets.pingreq());
            assertArrayEquals(new byte[] {(byte) 0xD0, 0x00}, c.getInputStream().readNBytes(2));
        }
    }

    @Test
    void theLimitIsPerListener() throws Exception {
        try (RunningBroker broker = RunningBroker.start("max_connections 1", "listener 0 127.0.0.1");
             Socket onFirst = connected(broker.port(), "on-first")) {
            int secondPort = broker.broker().listeners().get(1).getPort();
            try (Socket onSecond = connected(secondPort, "on-second")) {
                onSecond.getOutputStream().write(RawPackets.pingreq());
                assertArrayEquals(new byte[] {(byte) 0xD0, 0x00}, onSecond.getInputStream().readNBytes(2));
            }
            try (Socket refused = open(broker.port())) {
                assertEquals(-1, readOrEnd(refused.getInputStream()));
            }
        }
    }

    /** The closed connection's slot is released asynchronously: retry (bounded) until a new one is served. */
    private static void awaitSlotFreed(int port) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Socket again = open(port)) {
                again.getOutputStream().write(RawPackets.connect("again", true, 60));
                byte[] reply = again.getInputStream().readNBytes(4);
                if (reply.length == 4) {
                    assertArrayEquals(CONNACK_ACCEPTED, reply);
                    return;
                }
            } catch (IOException closedMeanwhile) {
                // refused while the old slot was still counted; try again
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no connection served after one of two was closed");
            }
            Thread.sleep(50);
        }
    }

    private static Socket open(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static Socket connected(int port, String clientId) throws IOException {
        Socket socket = open(port);
        socket.getOutputStream().write(RawPackets.connect(clientId, true, 60));
        assertArrayEquals(CONNACK_ACCEPTED, socket.getInputStream().readNBytes(4), clientId);
        return socket;
    }

    /** The next byte, or -1 at end of stream; a reset counts as closed too. */
    private static int readOrEnd(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("connection still open after 10 s", stillOpen);
        } catch (IOException reset) {
            return -1;
        }
    }
}
