package io.culex.bootstrap.tools.client;

import io.culex.adapters.netty.client.ClientListener;
import io.culex.adapters.netty.client.ReceivedMessage;
import io.culex.domain.topic.Topics;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * What culex sub does with each event, as mosquitto_sub's message callback: --retained-only stops
 * at the first fresh message, -R and -T skip messages, --remove-retained clears each retained one
 * it sees (an empty retained QoS 1 message), the rest is printed and counted for -C. It decides
 * when the run is over (the exit code); it outlives reconnections, so -C counts across them.
 */
final class SubscriptionOutput implements ClientListener {

    private final ClientConfig config;
    private final PrintStream out;
    private final PrintStream err;
    private final MessagePrinter printer;
    private final CompletableFuture<Integer> finished = new CompletableFuture<>();
    private volatile ToolConnection connection;
    private boolean processing = true;
    private int printed;
    /** --remove-retained publishes not yet acknowledged: the run ends only once they are. */
    private int pendingRemovals;

    SubscriptionOutput(ClientConfig config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
        this.printer = MessagePrinter.of(config);
    }

    /** The connection --remove-retained publishes through: the current one, after a reconnection too. */
    void use(ToolConnection current) {
        this.connection = current;
    }

    /** Completes with the exit code once -C, -E, --retained-only or a denied subscription ends the run. */
    CompletableFuture<Integer> finished() {
        return finished;
    }

    @Override
    public synchronized void messageArrived(ReceivedMessage message) {
        if (!processing) {
            return;
        }
        if (config.retainedOnly && !message.retain()) {
            stop();
            return;
        }
        if (config.noRetained && message.retain() || filteredOut(message.topic())) {
            return;
        }
        if (config.removeRetained && message.retain()) {
            removeRetained(message.topic());
        }
        printer.print(message, out, err);
        printed++;
        if (config.count > 0 && printed >= config.count) {
            stop();
        }
    }

    private void removeRetained(String topic) {
        pendingRemovals++;
        connection.client().publish(topic, new byte[0], 1, true).whenComplete((ignored, error) -> removed());
    }

    private synchronized void removed() {
        pendingRemovals--;
        if (!processing && pendingRemovals == 0) {
            finished.complete(0);
        }
    }

    /** No more messages are handled; the run ends once the removals sent so far are acknowledged. */
    private void stop() {
        processing = false;
        if (pendingRemovals == 0) {
            finished.complete(0);
        }
    }

    private boolean filteredOut(String topic) {
        for (String filter : config.filterOut) {
            if (Topics.matches(filter, topic)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void subscribed(int messageId, List<Integer> grantedQos) {
        if (config.debug) {
            out.println("Subscribed (mid: " + messageId + "): "
                    + grantedQos.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (grantedQos.stream().allMatch(code -> code >= 0x80)) {
            err.println("All subscription requests were denied.");
            finished.complete(1);
        } else if (config.exitAfterSubscribe) {
            finished.complete(0);
        }
    }
}
