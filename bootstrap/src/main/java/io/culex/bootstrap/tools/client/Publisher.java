package io.culex.bootstrap.tools.client;

import io.culex.adapters.netty.client.PublishRefusedException;
import io.culex.adapters.netty.codec.MqttProperties;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;

/**
 * Sends pub's messages in order with up to {@code window} of them unacknowledged at once, as
 * libmosquitto does with its max_inflight (-M, 20 by default; never more than the broker's MQTT 5
 * Receive Maximum). A refused message (MQTT 5 PUBACK / PUBREC of 0x80 or more) prints mosquitto_pub's
 * warning and the others go on; a lost connection ends the run with exit code 1.
 */
final class Publisher {

    private final ClientConfig config;
    private final ToolConnection connection;
    private final PrintStream err;
    private final MqttProperties properties;
    private final int window;
    private final Semaphore permits;
    private volatile Throwable failure;
    /** libmosquitto's message id of the next publish: pub sends nothing else that takes one. */
    private int nextMid = 1;

    Publisher(ClientConfig config, ToolConnection connection, PrintStream err, int window) {
        this.config = config;
        this.connection = connection;
        this.err = err;
        this.properties = config.mqtt5() ? config.properties.build(PropertyArgs.Command.PUBLISH) : MqttProperties.EMPTY;
        this.window = window;
        this.permits = new Semaphore(window);
    }

    /** Sends one message once fewer than {@code window} are in flight. */
    void send(byte[] payload) throws ToolExit {
        acquire(1);
        checkFailure();
        int mid = nextMid;
        nextMid = nextMid == 65_535 ? 1 : nextMid + 1;
        CompletableFuture<Void> done = connection.client().publish(config.topics.get(0), payload, config.qos,
                config.retain, properties);
        done.whenComplete((ignored, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof PublishRefusedException refused) {
                synchronized (err) {
                    err.println("Warning: Publish " + mid + " failed: " + ReasonText.of(refused.reasonCode()) + ".");
                }
            } else if (cause != null && failure == null) {
                failure = cause;
            }
            permits.release();
        });
    }

    /** Waits until every message sent is acknowledged; a lost connection prints its error and exits 1. */
    void awaitAll() throws ToolExit {
        acquire(window);
        permits.release(window);
        checkFailure();
    }

    private void checkFailure() throws ToolExit {
        Throwable cause = failure;
        if (cause != null) {
            err.println("Error: " + cause.getMessage());
            throw new ToolExit(1);
        }
    }

    private void acquire(int count) throws ToolExit {
        try {
            permits.acquire(count);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolExit(1);
        }
    }
}
