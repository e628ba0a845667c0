package io.culex.bootstrap.tools.client;

import io.culex.adapters.netty.client.ClientListener;
import io.culex.adapters.netty.client.ReceivedMessage;
import io.culex.domain.topic.Topics;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * What culex sub does with each event, on the connection's I/O thread: skips -R and -T messages,
 * prints the rest, counts them for -C, and decides when the run is over (the exit code).
 */
final class SubscriptionOutput implements ClientListener {

    /** Not an exit code: the connection closed before the run finished. */
    static final int CONNECTION_LOST = -1;

    private final ClientConfig config;
    private final PrintStream out;
    private final PrintStream err;
    private final MessagePrinter printer;
    private final CompletableFuture<Integer> finished = new CompletableFuture<>();
    private int printed;

    SubscriptionOutput(ClientConfig config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
        this.printer = MessagePrinter.of(config);
    }

    /** Completes with the exit code once -C, -E or a denied subscription ends the run, or the connection is lost. */
    CompletableFuture<Integer> finished() {
        return finished;
    }

    @Override
    public void messageArrived(ReceivedMessage message) {
        if (finished.isDone() || config.noRetained && message.retain() || filteredOut(message.topic())) {
            return;
        }
        printer.print(message, out);
        printed++;
        if (config.count > 0 && printed >= config.count) {
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

    @Override
    public void connectionClosed() {
        finished.complete(CONNECTION_LOST);
    }
}
