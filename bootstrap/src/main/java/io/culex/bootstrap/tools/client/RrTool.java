package io.culex.bootstrap.tools.client;

import io.culex.adapters.netty.client.ClientListener;
import io.culex.adapters.netty.client.MqttClientException;
import io.culex.adapters.netty.client.PublishRefusedException;
import io.culex.adapters.netty.client.ReceivedMessage;
import io.culex.adapters.netty.codec.MqttProperties;
import io.culex.adapters.netty.codec.TopicSubscription;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code culex rr}: a request/response round trip like mosquitto_rr. It subscribes to -e first,
 * then publishes the request to -t and prints the first message on -e. On MQTT 5 (the default,
 * as in mosquitto_rr) the request carries -e as its Response Topic, plus any -D publish
 * properties such as correlation-data; with -V 311 the responder must know -e by convention.
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
            MqttProperties subscribeProperties = config.mqtt5()
                    ? config.properties.build(PropertyArgs.Command.SUBSCRIBE) : MqttProperties.EMPTY;
            List<Integer> granted = connection.await(connection.client().subscribe(
                    List.of(new TopicSubscription(config.responseTopic, config.qos)), subscribeProperties), deadline);
            if (granted.get(0) >= 0x80) {
                err.println("Error: subscription to the response topic was denied.");
                connection.disconnect();
                return 1;
            }
            MqttProperties publishProperties = config.mqtt5()
                    ? config.properties.build(PropertyArgs.Command.PUBLISH) : MqttProperties.EMPTY;
            CompletableFuture<Void> published = connection.client().publish(config.topics.get(0), request, config.qos,
                    false, publishProperties);
            // mosquitto_rr ignores the PUBACK's reason code: a refused request simply gets no answer.
            connection.await(published.exceptionally(refusedIsFine()), deadline);
            ReceivedMessage answer = connection.await(response.first, deadline);
            MessagePrinter.of(config).print(answer, out, err);
            connection.disconnect();
            return 0;
        }
    }

    private static java.util.function.Function<Throwable, Void> refusedIsFine() {
        return error -> {
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause instanceof PublishRefusedException) {
                return null;
            }
            throw error instanceof RuntimeException runtime ? runtime
                    : new java.util.concurrent.CompletionException(error);
        };
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
