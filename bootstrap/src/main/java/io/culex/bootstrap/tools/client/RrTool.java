package io.culex.bootstrap.tools.client;

import io.culex.adapters.netty.client.ClientListener;
import io.culex.adapters.netty.client.MqttClientException;
import io.culex.adapters.netty.client.ReceivedMessage;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code culex rr}: a request/response round trip like mosquitto_rr, over MQTT 3.x. With no
 * response-topic property in 3.x, it subscribes to -e first, then publishes the request to -t,
 * and prints the first message on -e; the responder must know -e by convention.
 */
public final class RrTool {

    private final InputStream stdin;

    public RrTool() {
        this(System.in);
    }

    /** For tests: -s reads {@code stdin}. */
    public RrTool(InputStream stdin) {
        this.stdin = stdin;
    }

    /** The {@code Tool} contract; {@code Tools} adapts it by method reference, so this package never depends on it. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        try {
            ClientConfig config = CommandLines.parse(ToolKind.RR, args, out, err);
            return requestResponse(config, out, CommandLines.errors(config, err));
        } catch (ToolExit e) {
            return e.code();
        }
    }

    private int requestResponse(ClientConfig config, PrintStream out, PrintStream err) throws ToolExit {
        byte[] request = Payloads.single(config, stdin, err);
        Deadline deadline = Deadline.afterSeconds(config.timeoutSeconds);
        FirstResponse response = new FirstResponse();
        try (ToolConnection connection = ToolConnection.open(config, out, err, response)) {
            connection.awaitConnected(deadline);
            // Subscribed before the request goes out, so a fast responder's answer cannot be missed.
            List<Integer> granted = connection.await(connection.client().subscribe(List.of(config.responseTopic),
                    config.qos), deadline);
            if (granted.get(0) >= 0x80) {
                err.println("Error: subscription to the response topic was denied.");
                connection.disconnect();
                return 1;
            }
            connection.await(connection.client().publish(config.topics.get(0), request, config.qos, false), deadline);
            ReceivedMessage answer = connection.await(response.first, deadline);
            MessagePrinter.of(config).print(answer, out);
            connection.disconnect();
            return 0;
        }
    }

    /** Keeps the first message; a closed connection fails the wait. */
    private static final class FirstResponse implements ClientListener {
        final CompletableFuture<ReceivedMessage> first = new CompletableFuture<>();

        @Override
        public void messageArrived(ReceivedMessage message) {
            first.complete(message);
        }

        @Override
        public void connectionClosed() {
            first.completeExceptionally(new MqttClientException("The connection was lost."));
        }
    }
}
