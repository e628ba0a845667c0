package io.culex.bootstrap.tools.client;

import java.io.PrintStream;

/**
 * {@code culex sub}: mosquitto_sub for MQTT 3.1 / 3.1.1. Subscribes, prints messages until -C,
 * -W (exit 27), -E or the connection ends. Unlike mosquitto_sub it does not reconnect: a lost
 * connection ends it with exit code 1.
 */
public final class SubTool {

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
        try (ToolConnection connection = ToolConnection.open(config, out, err, output)) {
            connection.awaitConnected(deadline);
            // Like mosquitto_sub: SUBSCRIBE then UNSUBSCRIBE without waiting; SUBACK is handled by the listener.
            connection.client().subscribe(config.topics, config.qos);
            if (!config.unsubscribe.isEmpty()) {
                connection.client().unsubscribe(config.unsubscribe);
            }
            int code = connection.await(output.finished(), deadline);
            if (code == SubscriptionOutput.CONNECTION_LOST) {
                err.println("Error: The connection was lost.");
                return 1;
            }
            connection.disconnect();
            return code;
        }
    }
}
