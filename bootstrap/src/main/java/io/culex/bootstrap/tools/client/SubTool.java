package io.culex.bootstrap.tools.client;

import io.culex.adapters.netty.codec.MqttProperties;
import io.culex.adapters.netty.codec.TopicSubscription;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code culex sub}: mosquitto_sub for MQTT 3.1 / 3.1.1 / 5. Subscribes, prints messages until -C,
 * -W (exit 27), -E or --retained-only ends the run. Like mosquitto_sub 2.0 (libmosquitto's
 * loop_forever) it reconnects when the network connection is lost: silently, once a second, for
 * as long as it takes, subscribing again each time. An MQTT 5 DISCONNECT from the broker
 * (session taken over, server shutting down, ...) ends it with exit code 0, as in Mosquitto; a
 * refused reconnection ends it with the CONNACK code.
 */
public final class SubTool {

    /** libmosquitto's reconnect delay in mosquitto_sub: one second, without back-off. */
    private static final long RECONNECT_DELAY_MILLIS = 1_000;

    /** The {@code Tool} contract; {@code Tools} adapts it by method reference, so this package never depends on it. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        try {
            ClientConfig config = CommandLines.parse(ToolKind.SUB, args, out, err);
            return subscribe(config, out, CommandLines.errors(config, err));
        } catch (ToolExit e) {
            return e.code();
        }
    }

    private static int subscribe(ClientConfig config, PrintStream out, PrintStream err) throws ToolExit {
        Deadline deadline = Deadline.afterSeconds(config.timeoutSeconds);
        SubscriptionOutput output = new SubscriptionOutput(config, out, err);
        ToolConnection connection = ToolConnection.open(config, out, err, output);
        try {
            connection.awaitConnected(deadline);
            while (true) {
                output.use(connection);
                sendSubscriptions(config, connection);
                CompletableFuture<Object> ended = CompletableFuture.anyOf(output.finished(), connection.closed());
                connection.await(ended, deadline);
                if (output.finished().isDone()) {
                    int code = output.finished().join();
                    connection.disconnect();
                    return code;
                }
                if (connection.disconnectedByServer()) {
                    return 0;
                }
                connection = reconnect(config, connection, out, err, output, deadline);
            }
        } finally {
            connection.close();
        }
    }

    /** Like mosquitto_sub's connect callback: SUBSCRIBE, then one UNSUBSCRIBE per -U, without waiting. */
    private static void sendSubscriptions(ClientConfig config, ToolConnection connection) {
        MqttProperties subscribeProperties = config.mqtt5()
                ? config.properties.build(PropertyArgs.Command.SUBSCRIBE) : MqttProperties.EMPTY;
        MqttProperties unsubscribeProperties = config.mqtt5()
                ? config.properties.build(PropertyArgs.Command.UNSUBSCRIBE) : MqttProperties.EMPTY;
        connection.client().subscribe(subscriptions(config), subscribeProperties);
        for (String filter : config.unsubscribe) {
            connection.client().unsubscribe(List.of(filter), unsubscribeProperties);
        }
    }

    /** The subscription options exist on MQTT 5 only: -R asks for no retained messages, --retain-as-published. */
    private static List<TopicSubscription> subscriptions(ClientConfig config) {
        boolean mqtt5 = config.mqtt5();
        return config.topics.stream()
                .map(topic -> new TopicSubscription(topic, config.qos, false, mqtt5 && config.retainAsPublished,
                        mqtt5 && config.noRetained ? 2 : 0))
                .toList();
    }

    /** Waits a second and connects again (as the broker assigned it, if it did) until the broker accepts. */
    private static ToolConnection reconnect(ClientConfig config, ToolConnection lost, PrintStream out,
            PrintStream err, SubscriptionOutput output, Deadline deadline) throws ToolExit {
        String clientId = lost.clientId();
        lost.close();
        ToolConnection connection = lost;
        while (true) {
            pause(connection, output, deadline);
            connection = ToolConnection.open(config, clientId, out, err, output);
            if (connection.awaitReconnected(deadline)) {
                return connection;
            }
            connection.close();
        }
    }

    /** The reconnect delay, cut short by -W (which then ends the run as "Timed out"). */
    private static void pause(ToolConnection connection, SubscriptionOutput output, Deadline deadline)
            throws ToolExit {
        CompletableFuture<Object> delay = new CompletableFuture<>();
        delay.completeOnTimeout(null, RECONNECT_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        try {
            deadline.await(delay);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            connection.timedOut();
        }
    }
}
