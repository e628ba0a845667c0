package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A plain loopback socket speaking hand-built MQTT bytes. Every read is bounded, so a broker
 * that stays silent or keeps a connection open fails the test instead of hanging it.
 */
final class RawMqttClient implements AutoCloseable {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawMqttClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static RawMqttClient open(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), (int) READ_TIMEOUT.toMillis());
            return new RawMqttClient(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Opens a connection and completes a clean-session 3.1.1 CONNECT (keepalive 60 s). */
    static RawMqttClient connect(int port, String clientId) throws IOException {
        RawMqttClient client = open(port);
        try {
            client.send(RawPackets.connect(clientId, true, 60));
            client.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_ACCEPTED);
            return client;
        } catch (IOException | RuntimeException | AssertionError e) {
            client.close();
            throw e;
        }
    }

    /** Writes the packets in one go. */
    void send(byte[]... packets) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] packet : packets) {
            all.writeBytes(packet);
        }
        out.write(all.toByteArray());
        out.flush();
    }

    /** Reads exactly these bytes next, failing on anything else, a close, or silence. */
    void expect(int... expected) throws IOException {
        String wanted = HexFormat.ofDelimiter(" ").formatHex(RawPackets.bytes(expected));
        byte[] actual = readExactly(expected.length, "expected " + wanted);
        assertEquals(wanted, HexFormat.ofDelimiter(" ").formatHex(actual));
    }

    byte[] readExactly(int count, String what) throws IOException {
        byte[] bytes;
        try {
            bytes = in.readNBytes(count);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("nothing more within " + READ_TIMEOUT.toMillis() + " ms; " + what, e);
        }
        if (bytes.length < count) {
            throw new AssertionError("connection closed after " + bytes.length + " of " + count + " bytes; " + what);
        }
        return bytes;
    }

    /** One whole packet: first byte, then the body its remaining length announces. */
    Packet readPacket() throws IOException {
        return readRest(readExactly(1, "a packet")[0] & 0xFF);
    }

    /**
     * One whole packet if its first byte arrives within {@code wait}, else null. A close by the
     * broker while waiting fails.
     */
    Packet readPacketWithin(Duration wait) throws IOException {
        int first;
        socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
        try {
            first = in.read();
        } catch (SocketTimeoutException e) {
            return null;
        } finally {
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        }
        if (first < 0) {
            throw new AssertionError("connection closed while waiting for a packet");
        }
        return readRest(first);
    }

    private Packet readRest(int first) throws IOException {
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            int digit = readExactly(1, "remaining length")[0] & 0xFF;
            length |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0) {
                break;
            }
        }
        return new Packet(first, readExactly(length, "packet body"));
    }

    /**
     * Waits for the broker to close the connection (end of stream or reset) without sending
     * anything more, and fails if it is still open after {@code within}.
     *
     * @return whatever the broker sent before closing
     */
    byte[] awaitClosedByBroker(Duration within) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + within.toNanos();
        byte[] buffer = new byte[4096];
        try {
            while (true) {
                long leftMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
                if (leftMillis <= 0) {
                    throw new AssertionError("broker did not close the connection within " + within.toMillis()
                            + " ms (received " + received.size() + " bytes)");
                }
                socket.setSoTimeout((int) leftMillis);
                int read;
                try {
                    read = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    continue;
                } catch (SocketException e) {
                    return received.toByteArray(); // reset by the broker: closed too
                }
                if (read < 0) {
                    return received.toByteArray();
                }
                received.write(buffer, 0, read);
            }
        } finally {
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        }
    }

    byte[] awaitClosedByBroker() throws IOException {
        return awaitClosedByBroker(READ_TIMEOUT);
    }

    /** How the broker sees this client's address in its logs. */
    String localAddress() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A packet as received. */
    record Packet(int firstByte, byte[] body) {
        int type() {
            return firstByte >>> 4;
        }
    }
}
