package io.culex.bootstrap.tools.client;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake MQTT 3.1.1 broker on a free loopback port for one client: accepts CONNECT, then holds
 * back every PUBACK until {@code threshold} QoS 1 PUBLISHes are unacknowledged at once, and
 * acknowledges at once from then on. A client that waits for each PUBACK before the next PUBLISH
 * never gets there.
 */
final class WithholdingBroker implements AutoCloseable {

    private final ServerSocket server;
    private final int threshold;
    private final List<Integer> packetIds = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private WithholdingBroker(ServerSocket server, int threshold) {
        this.server = server;
        this.threshold = threshold;
        this.thread = new Thread(this::serve, "withholding broker");
        thread.setDaemon(true);
        thread.start();
    }

    static WithholdingBroker start(int threshold) throws IOException {
        return new WithholdingBroker(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()), threshold);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The PUBLISH packet ids in the order they arrived. */
    List<Integer> packetIds() {
        return List.copyOf(packetIds);
    }

    private void serve() {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout((int) ToolRun.WAIT_SECONDS * 1000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            List<Integer> withheld = new ArrayList<>();
            boolean releasing = false;
            while (true) {
                int header = in.read();
                if (header < 0) {
                    return;
                }
                byte[] body = new byte[remainingLength(in)];
                in.readFully(body);
                int type = header >> 4;
                if (type == 1) { // CONNECT
                    out.write(new byte[] {0x20, 2, 0, 0});
                } else if (type == 3) { // PUBLISH, QoS 1
                    int topicLength = (body[0] & 0xff) << 8 | body[1] & 0xff;
                    int id = (body[2 + topicLength] & 0xff) << 8 | body[3 + topicLength] & 0xff;
                    packetIds.add(id);
                    withheld.add(id);
                    releasing |= withheld.size() >= threshold;
                    if (releasing) {
                        for (int pending : withheld) {
                            out.write(new byte[] {0x40, 2, (byte) (pending >> 8), (byte) pending});
                        }
                        withheld.clear();
                    }
                } else if (type == 14) { // DISCONNECT
                    return;
                }
                out.flush();
            }
        } catch (IOException e) {
            // the test sees the missing packets or acknowledgements
        }
    }

    private static int remainingLength(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
