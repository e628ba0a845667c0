package io.culex.bootstrap.tools.client;

import io.culex.adapters.netty.client.ClientListener;
import io.culex.adapters.netty.client.ReceivedMessage;
import io.culex.adapters.netty.codec.MqttProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * {@code culex pub}: mosquitto_pub for MQTT 3.1 / 3.1.1 / 5. With -l, up to -M messages (20) are
 * in flight at once, in order; every QoS flow completes before DISCONNECT, so exit code 0 means the
 * broker acknowledged everything (on MQTT 5 a refused message prints a warning, as in Mosquitto).
 */
public final class PubTool {

    private static final ClientListener IGNORE_MESSAGES = new ClientListener() {
        @Override
        public void messageArrived(ReceivedMessage message) {
            // a publisher subscribes to nothing
        }
    };

    private final InputStream stdin;

    public PubTool() {
        this(System.in);
    }

    /** For tests: -l and -s read {@code stdin}. */
    public PubTool(InputStream stdin) {
        this.stdin = stdin;
    }

    /** The {@code Tool} contract; {@code Tools} adapts it by method reference, so this package never depends on it. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        try {
            ClientConfig config = CommandLines.parse(ToolKind.PUB, args, out, err);
            return publish(config, out, CommandLines.errors(config, err));
        } catch (ToolExit e) {
            return e.code();
        }
    }

    private int publish(ClientConfig config, PrintStream out, PrintStream err) throws ToolExit {
        // Read -f / -s before connecting, so that an unreadable file never reaches the broker.
        byte[] payload = config.messageSource == MessageSource.STDIN_LINES ? null : Payloads.single(config, stdin, err);
        Deadline noLimit = Deadline.afterSeconds(0);
        try (ToolConnection connection = ToolConnection.open(config, out, err, IGNORE_MESSAGES)) {
            connection.awaitConnected(noLimit);
            Publisher publisher = new Publisher(config, connection, err, window(config, connection));
            if (payload == null) {
                publishLines(publisher, connection, err);
            } else {
                for (int i = 0; i < config.repeat; i++) {
                    if (i > 0) {
                        pause(config.repeatDelaySeconds);
                    }
                    publisher.send(payload);
                    publisher.awaitAll();
                }
            }
            publisher.awaitAll();
            connection.disconnect();
            return 0;
        }
    }

    /** -M, but never more than the broker's MQTT 5 Receive Maximum (QoS 0 messages are bounded the same way). */
    private static int window(ClientConfig config, ToolConnection connection) {
        MqttProperties connack = connection.client().connackProperties().getNow(MqttProperties.EMPTY);
        Integer receiveMaximum = connack.receiveMaximum();
        return receiveMaximum == null ? config.maxInflight : Math.min(config.maxInflight, receiveMaximum);
    }

    private void publishLines(Publisher publisher, ToolConnection connection, PrintStream err) throws ToolExit {
        StdinLines lines = new StdinLines(stdin);
        try {
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                publisher.send(line);
            }
        } catch (IOException e) {
            err.println("Error: cannot read stdin: " + e.getMessage());
            connection.disconnect();
            throw new ToolExit(1);
        }
    }

    private static void pause(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
